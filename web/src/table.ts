// The event table: one page of GET /api/events at a time, "More" follows
// next_cursor with the same filters.

import { api, type EventRecord, type Params } from "./api";
import { showError } from "./banner";
import { clear, fmtNumber, h, quadName, QUADS } from "./dom";

export class EventTable {
  private readonly tbody: HTMLTableSectionElement;
  private readonly more: HTMLButtonElement;
  private readonly status: HTMLElement;
  private params: Params = {};
  private cursor: string | null = null;
  private controller: AbortController | null = null;
  private count = 0;
  private selectedId: number | null = null;
  onOpen: (event: EventRecord) => void = () => {};

  constructor(root: HTMLElement) {
    const table = h(
      "table",
      { class: "events", "data-testid": "event-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Date"),
          h("th", { scope: "col" }, "Source"),
          h("th", { scope: "col" }, "Target"),
          h("th", { scope: "col" }, "CAMEO"),
          h("th", { scope: "col" }, "Place"),
          h("th", { scope: "col", class: "num" }, "Mentions"),
        ),
      ),
    );
    this.tbody = h("tbody");
    table.append(this.tbody);
    this.more = h("button", { type: "button", "data-testid": "event-more", hidden: true }, "More events");
    this.more.addEventListener("click", () => void this.fetchPage(true));
    this.status = h("p", { class: "table-status", "aria-live": "polite" });
    clear(root);
    root.append(h("div", { class: "table-scroll" }, table), h("div", { class: "table-foot" }, this.status, this.more));
  }

  /** Shows the first page of the events that match `params`. */
  load(params: Params): Promise<void> {
    this.params = params;
    this.cursor = null;
    this.count = 0;
    clear(this.tbody);
    return this.fetchPage(false);
  }

  private async fetchPage(append: boolean): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.more.disabled = true;
    this.status.textContent = "Loading…";
    const params = { ...this.params, ...(append && this.cursor ? { cursor: this.cursor } : {}) };
    try {
      const page = await api.events(params, controller.signal);
      if (controller.signal.aborted) return;
      if (!append) clear(this.tbody);
      for (const e of page.events ?? []) this.tbody.append(this.row(e));
      this.count += (page.events ?? []).length;
      this.cursor = page.next_cursor ?? null;
      this.more.hidden = !this.cursor;
      this.status.textContent =
        this.count === 0 ? "No events match." : `${this.count} event${this.count === 1 ? "" : "s"}${this.cursor ? " shown, more to load" : ""}`;
    } catch (e) {
      if (controller.signal.aborted) return;
      this.status.textContent = "Could not load the events.";
      showError(e, "events");
    } finally {
      if (this.controller === controller) this.more.disabled = false;
    }
  }

  private row(e: EventRecord): HTMLTableRowElement {
    const quad = QUADS[e.quad_class];
    const tr = h(
      "tr",
      {
        tabindex: 0,
        "data-id": e.id,
        "data-date": e.date ?? "",
        class: this.selectedId === e.id ? "selected" : null,
        title: `${quadName(e.quad_class)}, Goldstein ${fmtNumber(e.goldstein)}${e.hypothetical ? ", hypothetical" : ""}`,
      },
      h("td", { "data-label": "Date" }, e.date ?? "—"),
      h("td", { "data-label": "Source", class: "actor" }, e.source?.code ?? "—"),
      h("td", { "data-label": "Target", class: "actor" }, e.target?.code ?? "—"),
      h(
        "td",
        { "data-label": "CAMEO", class: "cameo" },
        h(
          "span",
          {},
          h("i", { class: `dot ${quad?.cls ?? ""}`, title: quadName(e.quad_class) }),
          h("code", {}, e.cameo),
          " ",
          e.cameo_name,
          e.hypothetical ? h("span", { class: "tag" }, "hypothetical") : null,
        ),
      ),
      h("td", { "data-label": "Place" }, e.place ? e.place.name : "—"),
      h("td", { "data-label": "Mentions", class: "num" }, e.num_mentions),
    );
    const open = () => {
      this.selectedId = e.id;
      for (const other of this.tbody.querySelectorAll("tr.selected")) other.classList.remove("selected");
      tr.classList.add("selected");
      this.onOpen(e);
    };
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        open();
      }
    });
    return tr;
  }
}
