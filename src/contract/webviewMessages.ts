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
  /** Pipeline events in order, folded by the webview with `applySolveEvent`; batched to keep postMessage traffic low. */
  | { type: "events"; events: SolveEvent[] }
  /** One finished candidate's step checks (and a model signal once asked for): replaces the previous. */
  | { type: "steps"; steps: CandidateSteps };

/** A model's per-step signal: "prm" (a process reward model) or "prefix" (the outcome RM over prefixes, a heuristic). */
export type StepSignalKind = "prm" | "prefix";

/** One step of a candidate as the panel marks it. `reason` and `excerpt` quote model output: text only. */
export interface PanelStep {
  /** 1-based line of the step in the candidate's text. */
  line: number;
  verdict: "verified" | "refuted" | "unchecked";
  reason: string;
  /** The step's opening words, for the tooltip. */
  excerpt: string;
}

export interface CandidateSteps {
  index: number;
  /** The length of the text the steps were read from: marks for an older text are not drawn. */
  textLength: number;
  steps: PanelStep[];
  /** Position in `steps` of the first refuted step, or null. */
  firstError: number | null;
  /** The signals the user may ask for (configured backends). */
  available: StepSignalKind[];
  /** The signal shown, once asked for: one value per step (null: none), or why there is none. */
  signal?: { kind: StepSignalKind; values: Array<number | null>; note: string; error?: string };
}

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
  | { type: "openLink"; href: string }
  /** The step-signal toggle: score this candidate's steps with a model (`kind`). */
  | { type: "stepSignal"; index: number; kind: StepSignalKind };

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
    case "stepSignal": {
      const kind = (value as { kind?: unknown }).kind;
      const index = message.index;
      const validIndex = typeof index === "number" && Number.isInteger(index) && index >= 0;
      return validIndex && (kind === "prm" || kind === "prefix");
    }
    default:
      return false;
  }
}
