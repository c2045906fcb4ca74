// The time-series chart: per period, cooperation events as bars above the
// axis and conflict events below it, the Goldstein sum as a line (own scale,
// same zero), and the alerts as red triangles. Clicking a period selects it.

import type { Alert, By, SeriesPoint } from "./api";
import { clear, fmtNumber, h, s } from "./dom";
import { periodEnd, periodStart, shortDate, toDays } from "./dates";

export interface PeriodSelection {
  since: string;
  until: string;
  label: string;
}

const MARGIN = { top: 22, right: 46, bottom: 26, left: 40 };

function cooperation(p: SeriesPoint): number {
  return p.verbal_cooperation + p.material_cooperation;
}

function conflict(p: SeriesPoint): number {
  return p.verbal_conflict + p.material_conflict;
}

/** A round number >= x for an axis end: 1, 2, 5, 10, 20, ... */
function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

export class Chart {
  private readonly root: HTMLElement;
  private readonly host: HTMLElement;
  private points: SeriesPoint[] = [];
  private alerts: Alert[] = [];
  private by: By = "week";
  private selected: string | null = null; // start of the selected period
  private lastWidth = 0;
  private message = "Loading…";
  onSelect: (selection: PeriodSelection | null) => void = () => {};

  constructor(root: HTMLElement) {
    this.root = root;
    this.host = h("div", { class: "chart-svg" });
    const legend = h(
      "div",
      { class: "chart-legend" },
      h("span", {}, h("i", { class: "swatch cooperation" }), "cooperation (verbal + material)"),
      h("span", {}, h("i", { class: "swatch conflict" }), "conflict (verbal + material)"),
      h("span", {}, h("i", { class: "swatch goldstein" }), "Goldstein sum"),
      h("span", {}, h("i", { class: "swatch alert" }), "alert"),
    );
    clear(root);
    root.append(this.host, legend);
    new ResizeObserver(() => {
      const width = this.host.clientWidth;
      if (width > 0 && Math.abs(width - this.lastWidth) > 1) requestAnimationFrame(() => this.render());
    }).observe(this.host);
  }

  setLoading(message = "Loading…"): void {
    this.points = [];
    this.alerts = [];
    this.message = message;
    this.render();
  }

  set(points: SeriesPoint[], by: By, alerts: Alert[]): void {
    this.points = points;
    this.by = by;
    this.alerts = alerts;
    this.message = points.length === 0 ? "No events" : "";
    if (this.selected && !points.some((p) => p.start === this.selected)) this.selected = null;
    this.render();
  }

  clearSelection(): void {
    this.selected = null;
    this.render();
  }

  /** Index of the period an alert belongs to, or -1. */
  private alertIndex(alert: Alert): number {
    const exact = this.points.findIndex((p) => p.period === alert.period || p.start === alert.period);
    if (exact >= 0) return exact;
    const start = periodStart(alert.period, this.by);
    return this.points.findIndex((p) => p.start === start);
  }

  render(): void {
    const width = Math.max(280, this.host.clientWidth || 600);
    const height = width < 500 ? 230 : 300;
    this.lastWidth = width;
    const svg = s("svg", {
      viewBox: `0 0 ${width} ${height}`,
      width: "100%",
      height,
      class: "chart",
      role: "group",
      "aria-label": "Events per period",
    });
    clear(this.host);
    this.host.append(svg);
    const points = this.points;
    if (points.length === 0) {
      svg.append(s("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, this.message));
      return;
    }
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = height - MARGIN.top - MARGIN.bottom;
    const mid = MARGIN.top + plotH / 2;
    const band = plotW / points.length;
    const xOf = (i: number) => MARGIN.left + i * band;
    const maxCount = niceCeil(Math.max(1, ...points.map((p) => Math.max(cooperation(p), conflict(p)))));
    const maxGold = niceCeil(Math.max(1, ...points.map((p) => Math.abs(p.goldstein_sum))));
    const yCount = (n: number) => (n / maxCount) * (plotH / 2);
    const yGold = (g: number) => mid - (g / maxGold) * (plotH / 2);

    // Selected band and hit areas come first so that bars and lines stay visible above them.
    const bands = s("g", { class: "bands" });
    const bars = s("g", { class: "bars" });
    points.forEach((p, i) => {
      const x = xOf(i);
      const isSelected = p.start === this.selected;
      const hit = s(
        "rect",
        {
          class: `hit${isSelected ? " selected" : ""}`,
          x: x.toFixed(2),
          y: MARGIN.top,
          width: Math.max(band, 1).toFixed(2),
          height: plotH,
          "data-period": p.period,
          "data-start": p.start,
        },
        s(
          "title",
          {},
          `${this.periodLabel(p)}: ${p.events} events\ncooperation ${cooperation(p)}, conflict ${conflict(p)}` +
            `\nGoldstein sum ${fmtNumber(p.goldstein_sum)}\nClick to list this period's events`,
        ),
      );
      hit.addEventListener("click", () => this.select(p));
      bands.append(hit);
      const bw = Math.max(1, band * 0.72);
      const bx = x + (band - bw) / 2;
      const coop = cooperation(p);
      const conf = conflict(p);
      if (coop > 0) {
        const hgt = yCount(coop);
        bars.append(
          s("rect", { class: "bar cooperation", x: bx.toFixed(2), y: (mid - hgt).toFixed(2), width: bw.toFixed(2), height: hgt.toFixed(2), "data-period": p.period, "data-value": coop }),
        );
      }
      if (conf > 0) {
        bars.append(
          s("rect", { class: "bar conflict", x: bx.toFixed(2), y: mid.toFixed(2), width: bw.toFixed(2), height: yCount(conf).toFixed(2), "data-period": p.period, "data-value": conf }),
        );
      }
    });

    // Axes: counts on the left (cooperation up, conflict down), Goldstein on the right.
    const axes = s("g", { class: "axes" });
    axes.append(
      s("line", { class: "zero", x1: MARGIN.left, x2: width - MARGIN.right, y1: mid, y2: mid }),
      s("text", { class: "tick", x: MARGIN.left - 6, y: MARGIN.top + 4, "text-anchor": "end" }, maxCount),
      s("text", { class: "tick", x: MARGIN.left - 6, y: mid + 4, "text-anchor": "end" }, 0),
      s("text", { class: "tick", x: MARGIN.left - 6, y: MARGIN.top + plotH, "text-anchor": "end" }, maxCount),
      s("text", { class: "tick axis-name", x: MARGIN.left + 4, y: MARGIN.top + 10 }, "↑ cooperation"),
      s("text", { class: "tick axis-name", x: MARGIN.left + 4, y: MARGIN.top + plotH - 4 }, "↓ conflict"),
      s("text", { class: "tick gold", x: width - MARGIN.right + 6, y: MARGIN.top + 4 }, `+${maxGold}`),
      s("text", { class: "tick gold", x: width - MARGIN.right + 6, y: MARGIN.top + plotH }, `−${maxGold}`),
    );
    // X labels, spaced at least ~90 px apart.
    const every = Math.max(1, Math.ceil(90 / band));
    for (let i = 0; i < points.length; i += every) {
      const x = xOf(i) + band / 2;
      axes.append(
        s("line", { class: "xtick", x1: x, x2: x, y1: MARGIN.top + plotH, y2: MARGIN.top + plotH + 4 }),
        s("text", { class: "tick", x, y: height - 8, "text-anchor": "middle" }, shortDate(points[i]!.start, this.by)),
      );
    }

    const line = points
      .map((p, i) => `${i === 0 ? "M" : "L"}${(xOf(i) + band / 2).toFixed(2)},${yGold(p.goldstein_sum).toFixed(2)}`)
      .join("");
    const gold = s("g", { class: "goldstein-line" }, s("path", { class: "goldstein", d: line }));
    if (band >= 8) {
      points.forEach((p, i) => {
        if (p.events > 0) gold.append(s("circle", { class: "goldstein-dot", cx: (xOf(i) + band / 2).toFixed(2), cy: yGold(p.goldstein_sum).toFixed(2), r: 2.5 }));
      });
    }

    // Alerts: one triangle per period, with every alert's "why" as its tooltip.
    const alertGroups = new Map<number, Alert[]>();
    for (const alert of this.alerts) {
      const i = this.alertIndex(alert);
      if (i < 0) continue;
      alertGroups.set(i, [...(alertGroups.get(i) ?? []), alert]);
    }
    const alertsG = s("g", { class: "alerts" });
    for (const [i, list] of alertGroups) {
      const cx = xOf(i) + band / 2;
      const top = MARGIN.top - 16;
      const tri = s(
        "path",
        {
          class: "alert-marker",
          "data-testid": "alert-marker",
          "data-period": points[i]!.period,
          d: `M${(cx - 6).toFixed(2)},${top}L${(cx + 6).toFixed(2)},${top}L${cx.toFixed(2)},${top + 11}Z`,
        },
        s("title", {}, list.map((a) => a.why || `alert: z = ${fmtNumber(a.z)}`).join("\n")),
      );
      tri.addEventListener("click", () => this.select(points[i]!));
      alertsG.append(tri);
    }

    svg.append(bands, axes, bars, gold, alertsG);
    this.root.dataset["periods"] = String(points.length);
  }

  private periodLabel(p: SeriesPoint): string {
    if (this.by === "day") return p.start;
    if (this.by === "month") return shortDate(p.start, "month");
    return `week of ${shortDate(p.start, "week")}`;
  }

  private select(p: SeriesPoint): void {
    if (this.selected === p.start) {
      this.selected = null;
      this.render();
      this.onSelect(null);
      return;
    }
    if (Number.isNaN(toDays(p.start))) return;
    this.selected = p.start;
    this.render();
    this.onSelect({ since: p.start, until: periodEnd(p.start, this.by), label: this.periodLabel(p) });
  }
}
