// The error banner: every failure the page meets is shown here, visibly.

import { ApiError, isAbort } from "./api";
import { byId, clear, h } from "./dom";

const MAX_SHOWN = 4;

function describe(error: unknown, context?: string): string {
  let message: string;
  if (error instanceof ApiError) {
    const status = error.status ? `${error.status} ` : "";
    message = `${status}${error.message} (${error.path})`;
  } else if (error instanceof Error) {
    message = error.message;
  } else {
    message = String(error);
  }
  return context ? `${context}: ${message}` : message;
}

export function showError(error: unknown, context?: string): void {
  if (isAbort(error)) return;
  const banner = byId("banner");
  const list = banner.querySelector("ul") ?? banner.appendChild(h("ul"));
  const text = describe(error, context);
  // The same message twice in a row is shown once.
  if (list.lastElementChild?.textContent === text) return;
  list.append(h("li", {}, text));
  while (list.children.length > MAX_SHOWN) list.firstElementChild?.remove();
  banner.hidden = false;
}

export function clearErrors(): void {
  const banner = byId("banner");
  const list = banner.querySelector("ul");
  if (list) clear(list);
  banner.hidden = true;
}

export function installBanner(): void {
  const banner = byId("banner");
  banner.querySelector("button")?.addEventListener("click", clearErrors);
  window.addEventListener("error", (e) => showError(e.error ?? e.message, "error"));
  window.addEventListener("unhandledrejection", (e) => {
    if (isAbort(e.reason)) {
      e.preventDefault();
      return;
    }
    showError(e.reason, "error");
  });
}
