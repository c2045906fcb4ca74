// dyad's dashboard: wires the header, dyad picker, map, chart, table, detail
// panel and code box to the API (docs/api.md).

import type { Topology } from "topojson-specification";
import { api, type By, type DyadCount, type EventRecord, type Params } from "./api";
import { installBanner, showError } from "./banner";
import { Chart, type PeriodSelection } from "./chart";
import { CodeBox } from "./code";
import { fillSeries } from "./dates";
import { DetailPanel } from "./detail";
import { byId, clear, h } from "./dom";
import { WorldMap, type MapSelection } from "./map";
import { EventTable } from "./table";

const MAP_PAGE = 1000; // the API's largest page
const MAP_PAGES = 5; // at most 5000 events on the map

interface State {
  dyad: string | null; // "ARM,AZE"
  by: By;
  period: PeriodSelection | null;
  area: MapSelection | null;
  pageSize: number;
}

const pageParams = new URLSearchParams(location.search);

function initialBy(): By {
  const by = pageParams.get("by");
  return by === "day" || by === "month" || by === "week" ? by : "week";
}

function initialPageSize(): number {
  const n = Number(pageParams.get("limit"));
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 100;
}

const state: State = { dyad: null, by: initialBy(), period: null, area: null, pageSize: initialPageSize() };

installBanner();

const map = new WorldMap(byId("map"));
const chart = new Chart(byId("chart"));
const table = new EventTable(byId("table"));
const detail = new DetailPanel(byId("event-detail"));
new CodeBox(byId("code"));
const select = byId<HTMLSelectElement>("dyad-select");
const dyadInfo = byId("dyad-info");
const filters = byId("filters");

let mapController: AbortController | null = null;
let seriesController: AbortController | null = null;

function dyadLabel(d: DyadCount): string {
  return `${d.a} ↔ ${d.b}`;
}

function syncPageUrl(): void {
  const params = new URLSearchParams(location.search);
  if (state.dyad) params.set("dyad", state.dyad);
  params.set("by", state.by);
  const url = `${location.pathname}?${params.toString().replace(/%2C/gi, ",")}${location.hash}`;
  history.replaceState(null, "", url);
}

async function loadHealth(): Promise<void> {
  try {
    const health = await api.health();
    const range = health.first_date && health.last_date ? `${health.first_date} – ${health.last_date}` : "no dates yet";
    byId("data-range").textContent = range;
    byId("data-count").textContent = `${health.events.toLocaleString("en")} events · ${health.reports.toLocaleString("en")} reports`;
  } catch (e) {
    byId("data-range").textContent = "server unavailable";
    showError(e, "health");
  }
}

async function loadWorld(): Promise<void> {
  try {
    const response = await fetch(new URL("world.json", document.baseURI));
    if (!response.ok) throw new Error(`world.json: ${response.status} ${response.statusText}`);
    map.setWorld((await response.json()) as Topology);
  } catch (e) {
    showError(e, "map outlines");
  }
}

async function loadDyads(): Promise<void> {
  let dyads: DyadCount[] = [];
  try {
    dyads = (await api.dyads()).dyads ?? [];
  } catch (e) {
    showError(e, "dyads");
  }
  clear(select);
  for (const d of dyads) {
    select.append(h("option", { value: `${d.a},${d.b}`, "data-events": d.events }, dyadLabel(d)));
  }
  if (dyads.length === 0) {
    select.append(h("option", { value: "" }, "no dyads"));
    select.disabled = true;
    dyadInfo.textContent = "";
    chart.setLoading("No events yet");
    map.setEvents([]);
    return;
  }
  select.disabled = false;
  const wanted = pageParams.get("dyad")?.toUpperCase();
  const match = dyads.find((d) => `${d.a},${d.b}` === wanted || `${d.b},${d.a}` === wanted);
  select.value = match ? `${match.a},${match.b}` : `${dyads[0]!.a},${dyads[0]!.b}`;
  chooseDyad(select.value);
}

function chooseDyad(dyad: string): void {
  state.dyad = dyad;
  state.period = null;
  state.area = null;
  const option = select.selectedOptions[0];
  const n = option?.dataset["events"];
  dyadInfo.textContent = n ? `${Number(n).toLocaleString("en")} events` : "";
  syncPageUrl();
  detail.reset();
  chart.clearSelection();
  void loadMapEvents();
  void loadSeries();
  reloadTable();
}

async function loadMapEvents(): Promise<void> {
  mapController?.abort();
  const controller = new AbortController();
  mapController = controller;
  const events: EventRecord[] = [];
  try {
    let cursor: string | null = null;
    for (let page = 0; page < MAP_PAGES; page++) {
      const answer = await api.events({ dyad: state.dyad, limit: MAP_PAGE, cursor }, controller.signal);
      events.push(...(answer.events ?? []));
      cursor = answer.next_cursor ?? null;
      if (!cursor) break;
    }
    if (controller.signal.aborted) return;
    map.setEvents(events);
  } catch (e) {
    if (controller.signal.aborted) return;
    map.setEvents(events);
    showError(e, "map events");
  }
}

async function loadSeries(): Promise<void> {
  seriesController?.abort();
  const controller = new AbortController();
  seriesController = controller;
  chart.setLoading();
  const by = state.by;
  const dyad = state.dyad;
  const [series, alerts] = await Promise.allSettled([
    api.series({ dyad, by }, controller.signal),
    api.alerts({ dyad, by }, controller.signal),
  ]);
  if (controller.signal.aborted) return;
  if (series.status === "rejected") {
    chart.setLoading("The series could not be loaded");
    showError(series.reason, "series");
    return;
  }
  if (alerts.status === "rejected") showError(alerts.reason, "alerts");
  const points = fillSeries(series.value.series ?? [], by);
  chart.set(points, by, alerts.status === "fulfilled" ? alerts.value.alerts ?? [] : []);
  // What the chart shows, for tests and tools that wait for it to settle.
  const root = document.querySelector<HTMLElement>('[data-testid="chart"]');
  if (root) {
    root.dataset["dyad"] = dyad ?? "";
    root.dataset["by"] = by;
  }
}

function tableParams(): Params {
  const params: Params = { dyad: state.dyad, limit: state.pageSize };
  if (state.period) {
    params["since"] = state.period.since;
    params["until"] = state.period.until;
  }
  if (state.area) params["bbox"] = state.area.bbox.join(",");
  return params;
}

function renderFilters(): void {
  clear(filters);
  const chips: HTMLElement[] = [];
  if (state.period) {
    const chip = h("button", { type: "button", class: "chip", "data-filter": "period", title: "Remove this filter" }, `${state.period.label} ×`);
    chip.addEventListener("click", () => {
      state.period = null;
      chart.clearSelection();
      reloadTable();
    });
    chips.push(chip);
  }
  if (state.area) {
    const chip = h("button", { type: "button", class: "chip", "data-filter": "area", title: "Remove this filter" }, `near ${state.area.label} ×`);
    chip.addEventListener("click", () => {
      state.area = null;
      map.clearSelection();
      reloadTable();
    });
    chips.push(chip);
  }
  if (chips.length === 0) {
    filters.append(h("span", { class: "muted" }, "All events of the dyad. Click a period of the chart or a marker of the map to narrow them."));
  } else {
    filters.append(h("span", { class: "muted" }, "Only: "), ...chips);
  }
}

function reloadTable(): void {
  renderFilters();
  void table.load(tableParams());
}

select.addEventListener("change", () => chooseDyad(select.value));

for (const button of document.querySelectorAll<HTMLButtonElement>("#by-toggle button")) {
  const by = button.dataset["by"] as By;
  button.setAttribute("aria-pressed", String(by === state.by));
  button.addEventListener("click", () => {
    if (state.by === by) return;
    state.by = by;
    for (const b of document.querySelectorAll<HTMLButtonElement>("#by-toggle button")) {
      b.setAttribute("aria-pressed", String(b.dataset["by"] === by));
    }
    syncPageUrl();
    chart.clearSelection();
    if (state.period) {
      state.period = null;
      reloadTable();
    }
    void loadSeries();
  });
}

chart.onSelect = (period) => {
  state.period = period;
  reloadTable();
};

map.onSelect = (area) => {
  state.area = area;
  reloadTable();
};

table.onOpen = (event) => {
  void detail.show(event);
  // On a phone the panel is below the table: bring it into view.
  if (window.matchMedia("(max-width: 900px)").matches) {
    byId("event-detail").scrollIntoView({ behavior: "smooth", block: "start" });
  }
};

void loadHealth();
void loadWorld();
void loadDyads();
