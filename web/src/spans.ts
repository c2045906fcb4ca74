// Highlighting of spans in a sentence. dyad's spans are [begin, end) offsets in
// BYTES of the UTF-8 sentence, not JavaScript string (UTF-16) indexes, so the
// sentence is encoded, sliced on bytes and each slice decoded again.

import { h } from "./dom";
import type { Span } from "./api";

export type SpanKind = "source" | "target" | "trigger" | "date" | "place";

export interface Highlight {
  kind: SpanKind;
  span: Span | null | undefined;
  /** Tooltip, e.g. "source: ARMMIL". */
  label?: string;
}

export const SPAN_KINDS: SpanKind[] = ["source", "target", "trigger", "date", "place"];

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

interface ByteSpan {
  kind: SpanKind;
  b: number;
  e: number;
  label?: string;
  order: number;
}

function isContinuation(bytes: Uint8Array, i: number): boolean {
  return i > 0 && i < bytes.length && (bytes[i]! & 0xc0) === 0x80;
}

/** Move a begin offset back and an end offset forward to the nearest character boundary. */
function snap(bytes: Uint8Array, b: number, e: number): [number, number] {
  let begin = Math.max(0, Math.min(b, bytes.length));
  let end = Math.max(0, Math.min(e, bytes.length));
  while (isContinuation(bytes, begin)) begin--;
  while (isContinuation(bytes, end)) end++;
  return [begin, end];
}

/** The text of bytes [b, e) of a UTF-8 sentence. */
export function byteSlice(sentence: string, span: Span): string {
  const bytes = encoder.encode(sentence);
  const [b, e] = snap(bytes, span[0], span[1]);
  return decoder.decode(bytes.subarray(b, e));
}

/**
 * The sentence as DOM nodes with `<mark class="KIND">` around each span.
 * Spans that contain others are nested (a place inside a target); spans that
 * cross are cut at the boundary of the one that starts first. Invalid spans
 * (outside the sentence, empty, not numbers) are ignored.
 */
export function highlight(sentence: string, highlights: Highlight[]): DocumentFragment {
  const bytes = encoder.encode(sentence);
  const spans: ByteSpan[] = [];
  highlights.forEach((hl, order) => {
    const sp = hl.span;
    if (!Array.isArray(sp) || sp.length !== 2) return;
    const [b0, e0] = sp;
    if (!Number.isFinite(b0) || !Number.isFinite(e0)) return;
    const [b, e] = snap(bytes, b0, e0);
    if (e <= b) return;
    spans.push({ kind: hl.kind, b, e, label: hl.label, order });
  });
  const sorted = sortSpans(spans);
  const fragment = document.createDocumentFragment();
  fragment.append(...build(bytes, 0, bytes.length, sorted));
  return fragment;
}

function sortSpans(spans: ByteSpan[]): ByteSpan[] {
  return [...spans].sort((x, y) => x.b - y.b || y.e - x.e || x.order - y.order);
}

function text(bytes: Uint8Array, b: number, e: number): Node[] {
  return e > b ? [document.createTextNode(decoder.decode(bytes.subarray(b, e)))] : [];
}

function build(bytes: Uint8Array, from: number, to: number, input: ByteSpan[]): Node[] {
  const out: Node[] = [];
  let spans = input;
  let pos = from;
  while (spans.length > 0) {
    const [first, ...others] = spans;
    const sb = Math.max(first!.b, pos);
    const se = Math.min(first!.e, to);
    if (se <= sb) {
      spans = others;
      continue;
    }
    out.push(...text(bytes, pos, sb));
    // Spans starting inside this one are drawn inside it; what sticks out of
    // it goes on after it.
    const inside: ByteSpan[] = [];
    const after: ByteSpan[] = [];
    for (const sp of others) {
      if (sp.b < se) {
        inside.push({ ...sp, b: Math.max(sp.b, sb), e: Math.min(sp.e, se) });
        if (sp.e > se) after.push({ ...sp, b: se });
      } else {
        after.push(sp);
      }
    }
    const mark = h("mark", { class: first!.kind, title: first!.label ?? first!.kind });
    mark.append(...build(bytes, sb, se, sortSpans(inside)));
    out.push(mark);
    pos = se;
    spans = sortSpans(after);
  }
  out.push(...text(bytes, pos, to));
  return out;
}

/** A legend of the highlight colours. */
export function legend(): HTMLElement {
  return h(
    "p",
    { class: "legend" },
    ...SPAN_KINDS.flatMap((k) => [h("mark", { class: k }, k), " "]),
  );
}
