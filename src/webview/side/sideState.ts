/**
 * The side panel's state: what the extension last sent, plus the view's own choices (tab, the two
 * candidates to compare, blind mode's pair, the history search). Pure: the tests fold messages and
 * user actions through `applySideMessage`/`withChoice` without a DOM. The whole state is saved with
 * `setState`, so a hidden or reloaded view comes back as it was.
 */
import type { SideHistoryItem, SideProblem, SideSource, ToSidePanel } from "../../contract/sidePanelMessages";
import { isSideProblemLike } from "../../contract/sidePanelMessages";

export type SideTab = "candidates" | "compare" | "blind" | "history";
export const SIDE_TABS: readonly SideTab[] = ["candidates", "compare", "blind", "history"];

export interface BlindState {
  /** The solve the pair belongs to. */
  key: string;
  /** Candidate indices as shown: a on the left (A), b on the right (B). */
  a: number;
  b: number;
  /** Seed of the next draw; advanced after each judgement. */
  seed: number;
}

export interface SideViewState {
  version: typeof SIDE_STATE_VERSION;
  problem: SideProblem | null;
  source: SideSource;
  pinned: boolean;
  note: string;
  history: SideHistoryItem[];
  historyBound: number;
  tab: SideTab;
  /** Candidate with keyboard focus in the list (an index), or null. */
  focused: number | null;
  /** Up to two candidate indices chosen for compare, in the order chosen. */
  compare: number[];
  blind: BlindState | null;
  judged: number;
  query: string;
}

export const SIDE_STATE_VERSION = 1;

export function emptySideState(): SideViewState {
  return {
    version: SIDE_STATE_VERSION,
    problem: null,
    source: "latest",
    pinned: false,
    note: "",
    history: [],
    historyBound: 0,
    tab: "candidates",
    focused: null,
    compare: [],
    blind: null,
    judged: 0,
    query: "",
  };
}

/** A state saved by an earlier page (same version, sane shape), or null. */
export function restoreSideState(saved: unknown): SideViewState | null {
  if (typeof saved !== "object" || saved === null) return null;
  const s = saved as Partial<SideViewState>;
  if (s.version !== SIDE_STATE_VERSION) return null;
  if (s.problem !== null && !isSideProblemLike(s.problem)) return null;
  if (!Array.isArray(s.compare) || !Array.isArray(s.history)) return null;
  return { ...emptySideState(), ...s } as SideViewState;
}

/**
 * Folds one message from the extension. A "show" with no problem, while the page shows one it saved
 * (a window reload: the extension host started afresh and has no solve yet), keeps the saved one.
 */
export function applySideMessage(state: SideViewState, message: ToSidePanel): SideViewState {
  switch (message.type) {
    case "show": {
      if (message.problem === null && state.problem !== null && state.source !== "history") {
        return { ...state, note: message.note || state.note };
      }
      const sameSolve = isSameSolve(state.problem, message.problem);
      const next: SideViewState = {
        ...state,
        problem: message.problem,
        source: message.source,
        pinned: message.pinned,
        note: message.note,
      };
      // Choices made for another solve mean nothing for this one.
      return sameSolve ? keepValidChoices(next) : { ...next, focused: null, compare: [], blind: null };
    }
    case "history":
      return { ...state, history: message.items, historyBound: message.bound };
    case "judged":
      return { ...state, judged: message.count };
  }
}

/**
 * The same solve under another key keeps the user's choices: the latest solve ("latest") becomes its
 * history entry once the window reloads, with the same problem and candidates.
 */
function isSameSolve(shown: SideProblem | null, next: SideProblem | null): boolean {
  if (!shown || !next) return false;
  if (shown.key === next.key) return true;
  return shown.problem === next.problem && shown.candidates.length === next.candidates.length;
}

/** Drops chosen candidates the (updated) solve no longer has. */
function keepValidChoices(state: SideViewState): SideViewState {
  const indices = new Set(state.problem?.candidates.map((c) => c.index) ?? []);
  return {
    ...state,
    focused: state.focused !== null && indices.has(state.focused) ? state.focused : null,
    compare: state.compare.filter((i) => indices.has(i)),
  };
}

/** Toggles a candidate in the compare choice; a third choice replaces the older of the two. */
export function toggleCompare(state: SideViewState, index: number): SideViewState {
  if (state.compare.includes(index)) return { ...state, compare: state.compare.filter((i) => i !== index) };
  return { ...state, compare: [...state.compare, index].slice(-2) };
}

/**
 * The pair to compare: the two chosen, or the focused one with the best other one, or the first two
 * in the order shown. Null with fewer than two candidates.
 */
export function comparePair(state: SideViewState, order: readonly number[]): [number, number] | null {
  const [first, second] = state.compare;
  if (first !== undefined && second !== undefined) return [first, second];
  const anchor = first ?? state.focused ?? order[0];
  const other = order.find((i) => i !== anchor);
  return anchor === undefined || other === undefined ? null : [anchor, other];
}
