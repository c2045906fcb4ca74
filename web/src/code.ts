// "Code this report": POST /api/code and the coded events, highlighted.

import { api, type CodedEvent } from "./api";
import { showError } from "./banner";
import { clear, h } from "./dom";
import { eventSummary, safeLink } from "./detail";
import { highlight, legend } from "./spans";

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function codedView(e: CodedEvent): HTMLElement {
  return h(
    "li",
    { class: "coded", "data-event-id": e.event_id },
    eventSummary({
      date: e.date,
      source: e.source,
      target: e.target,
      cameo: e.cameo,
      cameo_name: e.cameo_name,
      quad_class: e.quad_class,
      goldstein: e.goldstein,
      hypothetical: e.hypothetical,
      place: e.location,
    }),
    h(
      "p",
      { class: "muted" },
      `trigger “${e.trigger?.text ?? "?"}”` +
        (e.date_precision && e.date_precision !== "day" ? ` · dated to the ${e.date_precision}` : "") +
        (e.plover?.event ? ` · PLOVER ${e.plover.event}` : ""),
      e.url ? " · " : null,
      e.url ? safeLink(e.url, "source") : null,
    ),
    h(
      "blockquote",
      { class: "sentence" },
      highlight(e.sentence ?? "", [
        { kind: "source", span: e.source?.span, label: `source: ${e.source?.code ?? ""}` },
        { kind: "target", span: e.target?.span, label: `target: ${e.target?.code ?? ""}` },
        { kind: "trigger", span: e.trigger?.span, label: "trigger" },
        { kind: "date", span: e.date_span, label: `date: ${e.date ?? ""}` },
        { kind: "place", span: e.location?.span, label: `place: ${e.location?.name ?? ""}` },
      ]),
    ),
  );
}

export class CodeBox {
  private readonly text: HTMLTextAreaElement;
  private readonly date: HTMLInputElement;
  private readonly button: HTMLButtonElement;
  private readonly results: HTMLElement;
  private controller: AbortController | null = null;

  constructor(root: HTMLElement) {
    this.text = h("textarea", {
      id: "code-text",
      "data-testid": "code-text",
      rows: 6,
      placeholder: "Paste the text of a news report…",
      spellcheck: false,
    });
    this.date = h("input", { id: "code-date", type: "date", "data-testid": "code-date", value: today() });
    this.button = h("button", { type: "submit", "data-testid": "code-submit" }, "Code this report");
    this.results = h("div", { class: "code-results", "data-testid": "code-results", "aria-live": "polite" });
    const form = h(
      "form",
      { class: "code-form" },
      h("label", { for: "code-text" }, "Report text"),
      this.text,
      h(
        "div",
        { class: "code-row" },
        h("label", { for: "code-date" }, "Report date"),
        this.date,
        this.button,
      ),
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      void this.submit();
    });
    this.text.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        void this.submit();
      }
    });
    clear(root);
    root.append(form, this.results);
  }

  async submit(): Promise<void> {
    const text = this.text.value;
    clear(this.results);
    if (text.trim() === "") {
      this.results.append(h("p", { class: "muted" }, "Paste the text of a report first."));
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.button.disabled = true;
    this.results.append(h("p", { class: "muted" }, "Coding…"));
    try {
      const body: { text: string; date?: string } = { text };
      if (this.date.value) body.date = this.date.value;
      const answer = await api.code(body, controller.signal);
      if (controller.signal.aborted) return;
      const events = answer.events ?? [];
      clear(this.results);
      this.results.append(
        h("p", { class: "muted" }, events.length === 0 ? "No events found in this text." : `${events.length} event${events.length === 1 ? "" : "s"}:`),
      );
      if (events.length > 0) this.results.append(legend(), h("ol", { class: "coded-list" }, ...events.map(codedView)));
    } catch (e) {
      if (controller.signal.aborted) return;
      clear(this.results);
      this.results.append(h("p", { class: "muted" }, "The report could not be coded."));
      showError(e, "code");
    } finally {
      if (this.controller === controller) this.button.disabled = false;
    }
  }
}
