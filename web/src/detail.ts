// The event detail panel: GET /api/events/{id} and every mention's sentence
// with its spans highlighted.

import { api, type EventDetail, type EventRecord, type Mention } from "./api";
import { showError } from "./banner";
import { clear, fmtNumber, h, quadName, QUADS } from "./dom";
import { highlight, legend } from "./spans";

/** A link only for http(s) URLs; anything else is shown as text. */
export function safeLink(url: string | null | undefined, text: string): HTMLElement {
  if (url && /^https?:\/\//i.test(url)) {
    return h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text);
  }
  return h("span", {}, text);
}

export function eventSummary(e: {
  date: string | null;
  source: { code: string } | null;
  target: { code: string } | null;
  cameo: string;
  cameo_name: string;
  quad_class: number;
  goldstein: number;
  hypothetical: boolean;
  place?: { name: string; country: string | null } | null;
}): HTMLElement {
  const quad = QUADS[e.quad_class];
  return h(
    "div",
    { class: "summary" },
    h(
      "p",
      { class: "who" },
      h("strong", {}, e.source?.code ?? "?"),
      " → ",
      h("strong", {}, e.target?.code ?? "—"),
      " · ",
      h("code", {}, e.cameo),
      " ",
      e.cameo_name,
    ),
    h(
      "p",
      { class: "meta" },
      h("i", { class: `dot ${quad?.cls ?? ""}` }),
      `${quadName(e.quad_class)} · Goldstein ${fmtNumber(e.goldstein)} · ${e.date ?? "no date"}`,
      e.place ? ` · ${e.place.name}${e.place.country ? ` (${e.place.country})` : ""}` : "",
      e.hypothetical ? h("span", { class: "tag" }, "hypothetical") : null,
    ),
  );
}

function mentionView(m: Mention): HTMLElement {
  const report = m.report ?? { doc_id: "", date: null, publisher: null, title: null, url: null };
  const sentence = h(
    "blockquote",
    { class: "sentence" },
    highlight(m.sentence ?? "", [
      { kind: "source", span: m.source?.span, label: "source" },
      { kind: "target", span: m.target?.span, label: "target" },
      { kind: "trigger", span: m.trigger?.span, label: "trigger" },
      { kind: "date", span: m.date?.span, label: "date" },
      { kind: "place", span: m.place?.span, label: "place" },
    ]),
  );
  return h(
    "li",
    { class: "mention" },
    h(
      "p",
      { class: "report" },
      safeLink(report.url, report.title || report.doc_id || "untitled report"),
      h("span", { class: "muted" }, [report.publisher, report.date].filter(Boolean).join(" · ")),
    ),
    sentence,
  );
}

export class DetailPanel {
  private readonly root: HTMLElement;
  private controller: AbortController | null = null;

  constructor(root: HTMLElement) {
    this.root = root;
    this.reset();
  }

  reset(): void {
    this.controller?.abort();
    clear(this.root);
    this.root.append(h("p", { class: "muted placeholder" }, "Choose an event in the table to read its reports."));
  }

  async show(e: EventRecord): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    clear(this.root);
    const mentions = h("ol", { class: "mentions" }, h("li", { class: "muted" }, "Loading the reports…"));
    this.root.append(eventSummary(e), legend(), mentions);
    try {
      const detail: EventDetail = await api.event(e.id, controller.signal);
      if (controller.signal.aborted) return;
      clear(this.root);
      const list = detail.mentions ?? [];
      this.root.append(
        eventSummary(detail),
        h("p", { class: "muted" }, `${list.length} mention${list.length === 1 ? "" : "s"} in ${detail.num_reports} report${detail.num_reports === 1 ? "" : "s"} from ${detail.num_sources} source${detail.num_sources === 1 ? "" : "s"}`),
        legend(),
        h("ol", { class: "mentions" }, ...list.map(mentionView)),
      );
    } catch (err) {
      if (controller.signal.aborted) return;
      clear(mentions);
      mentions.append(h("li", { class: "muted" }, "Could not load this event."));
      showError(err, `event ${e.id}`);
    }
  }
}
