/**
 * API Boundary: the only messages that cross between the extension and the solve panel's webview.
 * Both bundles import this file, so a change to the contract is a compile error on both sides.
 * Messages are plain data (structured-clone safe); model output inside them is untrusted text.
 */
import type { SolveEvent } from "../core/solve/events";
import type { SolveState } from "../core/solve/state";

/** Extension → webview. */
export type ToWebview =
  /** The whole state, sent when the webview (re)loads or a new solve starts. */
  | { type: "snapshot"; state: SolveState }
  /** One pipeline event, folded by the webview with `applySolveEvent`. */
  | { type: "event"; event: SolveEvent }
  /** Several events at once: deltas are batched to keep postMessage traffic low. */
  | { type: "events"; events: SolveEvent[] };

/** Webview → extension. */
export type FromWebview =
  | { type: "ready" }
  | { type: "insertAnswer"; index: number }
  | { type: "insertSolution"; index: number }
  | { type: "copyLatex"; index: number }
  | { type: "cancel" }
  /** Run the last solve again, with the same target and request (the error card's Retry). */
  | { type: "retry" }
  | { type: "openSetting"; setting: string }
  /** A link in model output was clicked; the extension checks the URL before opening anything. */
  | { type: "openLink"; href: string };

export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== "object" || value === null) return false;
  const message = value as { type?: unknown; index?: unknown; setting?: unknown; href?: unknown };
  switch (message.type) {
    case "ready":
    case "cancel":
    case "retry":
      return true;
    case "insertAnswer":
    case "insertSolution":
    case "copyLatex":
      return typeof message.index === "number" && Number.isInteger(message.index) && message.index >= 0;
    case "openSetting":
      return typeof message.setting === "string";
    case "openLink":
      return typeof message.href === "string";
    default:
      return false;
  }
}
