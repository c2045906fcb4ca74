// Calendar arithmetic on YYYY-MM-DD strings (UTC days, no time zones).

import type { By, SeriesPoint } from "./api";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (YYYY-MM and YYYY take the first day); NaN when malformed. */
export function toDays(date: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return NaN;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? "1") - 1, Number(m[3] ?? "1"));
  return Math.round(t / DAY_MS);
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the period (day, week starting Monday, month) that holds `date`. */
export function periodStart(date: string, by: By): string {
  const days = toDays(date);
  if (Number.isNaN(days)) return date;
  if (by === "day") return fromDays(days);
  if (by === "week") {
    const weekday = (new Date(days * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
    return fromDays(days - weekday);
  }
  return fromDays(days).slice(0, 8) + "01";
}

export function nextStart(start: string, by: By): string {
  const days = toDays(start);
  if (by === "day") return fromDays(days + 1);
  if (by === "week") return fromDays(days + 7);
  const d = new Date(days * DAY_MS);
  return fromDays(Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS));
}

/** The last day of the period that starts on `start`. */
export function periodEnd(start: string, by: By): string {
  return fromDays(toDays(nextStart(start, by)) - 1);
}

/** The name dyad gives a period: the start day, or YYYY-MM for months. */
export function periodName(start: string, by: By): string {
  return by === "month" ? start.slice(0, 7) : start;
}

export function emptyPoint(start: string, by: By): SeriesPoint {
  return {
    period: periodName(start, by),
    start,
    events: 0,
    verbal_cooperation: 0,
    material_cooperation: 0,
    verbal_conflict: 0,
    material_conflict: 0,
    material_conflict_mentions: 0,
    goldstein_sum: 0,
    goldstein_mean: 0,
    conflict_share: 0,
  };
}

/**
 * The series in order with every period between the first and the last, empty
 * periods filled with zeros (whether or not the server already sends them).
 */
export function fillSeries(points: SeriesPoint[], by: By, maxPeriods = 5000): SeriesPoint[] {
  const valid = points
    .map((p) => ({ ...p, start: p.start ?? p.period }))
    .filter((p) => !Number.isNaN(toDays(p.start)))
    .sort((a, b) => toDays(a.start) - toDays(b.start));
  if (valid.length === 0) return [];
  const byStart = new Map(valid.map((p) => [periodStart(p.start, by), p]));
  const out: SeriesPoint[] = [];
  const last = periodStart(valid[valid.length - 1]!.start, by);
  for (let start = periodStart(valid[0]!.start, by); toDays(start) <= toDays(last); start = nextStart(start, by)) {
    out.push(byStart.get(start) ?? emptyPoint(start, by));
    if (out.length >= maxPeriods) break;
  }
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A short label: "Sep 2020" for months, "21 Sep 2020" for days and weeks. */
export function shortDate(start: string, by: By): string {
  const days = toDays(start);
  if (Number.isNaN(days)) return start;
  const d = new Date(days * DAY_MS);
  const month = `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return by === "month" ? month : `${d.getUTCDate()} ${month}`;
}
