// The JSON API of `dyad serve` (docs/api.md): types and a small fetch wrapper.
// Every failure (HTTP error, network error, a body that is not JSON) becomes an
// ApiError, which the page shows in its banner.

export type Span = [number, number];

export interface Actor {
  code: string;
  country: string | null;
  sector: string | null;
}

export interface Place {
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  feature: string | null;
  geonames_id: number | null;
}

export interface Plover {
  event: string | null;
  mode: string | null;
  context: string | null;
}

export interface EventRecord {
  id: number;
  date: string | null;
  date_precision: string | null;
  source: Actor | null;
  target: Actor | null;
  cameo: string;
  cameo_name: string;
  root: string;
  quad_class: number;
  goldstein: number;
  plover: Plover | null;
  place: Place | null;
  hypothetical: boolean;
  num_mentions: number;
  num_reports: number;
  num_sources: number;
  sentence: string;
  doc_id: string;
  title: string | null;
  url: string | null;
}

export interface TextSpan {
  text: string;
  span: Span;
}

export interface Mention {
  report: {
    doc_id: string;
    date: string | null;
    publisher: string | null;
    title: string | null;
    url: string | null;
  };
  sentence: string;
  trigger: TextSpan | null;
  source: TextSpan | null;
  target: TextSpan | null;
  date: TextSpan | null;
  place: TextSpan | null;
}

export interface EventDetail extends EventRecord {
  mentions: Mention[];
}

export interface EventsPage {
  events: EventRecord[];
  next_cursor: string | null;
}

export interface Health {
  status: string;
  events: number;
  reports: number;
  first_date: string | null;
  last_date: string | null;
  schema: number;
}

export type By = "day" | "week" | "month";

export interface SeriesPoint {
  period: string;
  start: string;
  events: number;
  verbal_cooperation: number;
  material_cooperation: number;
  verbal_conflict: number;
  material_conflict: number;
  material_conflict_mentions: number;
  goldstein_sum: number;
  goldstein_mean: number;
  conflict_share: number;
}

export interface Series {
  by: By;
  series: SeriesPoint[];
}

export interface Alert {
  dyad: string;
  period: string;
  value: number;
  mean: number;
  sd: number;
  z: number;
  why: string;
}

export interface DyadCount {
  a: string;
  b: string;
  events: number;
}

/** An actor as `dyad code` writes it (docs/output.md). */
export interface CodedActor extends Actor {
  text: string;
  span: Span;
}

export interface CodedLocation extends Place {
  span: Span | null;
}

/** An event as `dyad code` writes it (docs/output.md), returned by POST /api/code. */
export interface CodedEvent {
  event_id: string;
  doc_id: string;
  sentence_index: number;
  sentence: string;
  date: string | null;
  date_precision: string | null;
  date_span: Span | null;
  source: CodedActor | null;
  target: CodedActor | null;
  cameo: string;
  cameo_name: string;
  plover: Plover | null;
  goldstein: number;
  quad_class: number;
  location: CodedLocation | null;
  trigger: TextSpan | null;
  hypothetical: boolean;
  url: string | null;
  publisher: string | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly path: string;
  constructor(status: number, message: string, path: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.path = path;
  }
}

export type Params = Record<string, string | number | null | undefined>;

/** URL of an API path, relative to the page (so the dashboard also works behind a path prefix). */
export function apiUrl(path: string, params: Params = {}): string {
  const url = new URL(path.replace(/^\//, ""), document.baseURI);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function errorMessage(body: unknown): string | null {
  if (body && typeof body === "object" && "error" in body) {
    const error = (body as { error: unknown }).error;
    if (error && typeof error === "object" && "message" in error) {
      return String((error as { message: unknown }).message);
    }
    if (typeof error === "string") return error;
  }
  return null;
}

async function request<T>(path: string, init: RequestInit & { params?: Params } = {}): Promise<T> {
  const { params, ...rest } = init;
  const url = apiUrl(path, params);
  const shown = path + (params ? summarize(params) : "");
  let response: Response;
  try {
    response = await fetch(url, { ...rest, headers: { Accept: "application/json", ...(rest.headers ?? {}) } });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, `cannot reach the server (${e instanceof Error ? e.message : String(e)})`, shown);
  }
  const text = await response.text();
  let body: unknown = null;
  let parsed = false;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  if (!response.ok) {
    const message = (parsed ? errorMessage(body) : null) ?? (response.statusText || "request failed");
    throw new ApiError(response.status, message, shown);
  }
  if (!parsed) throw new ApiError(response.status, "the server's answer is not JSON", shown);
  return body as T;
}

function summarize(params: Params): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? "?" + parts.join("&") : "";
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

export const api = {
  health: (signal?: AbortSignal) => request<Health>("healthz", { signal }),
  dyads: (signal?: AbortSignal) => request<{ dyads: DyadCount[] }>("api/dyads", { signal }),
  events: (params: Params, signal?: AbortSignal) => request<EventsPage>("api/events", { params, signal }),
  event: (id: number, signal?: AbortSignal) => request<EventDetail>(`api/events/${encodeURIComponent(String(id))}`, { signal }),
  series: (params: Params, signal?: AbortSignal) => request<Series>("api/series", { params, signal }),
  alerts: (params: Params, signal?: AbortSignal) => request<{ alerts: Alert[] }>("api/alerts", { params, signal }),
  code: (body: { text: string; date?: string }, signal?: AbortSignal) =>
    request<{ events: CodedEvent[] }>("api/code", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
      signal,
    }),
};
