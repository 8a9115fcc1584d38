/**
 * Which solve the side panel shows, like the Lean 4 infoview follows the cursor: a pinned one if the
 * user pinned it; else the solve of the problem under the cursor (the latest solve, or the newest
 * history entry of that problem); else the latest solve, saying the cursor's problem has none. Pure.
 */
import type { SideSource } from "../../contract/sidePanelMessages";
import type { SolveState } from "../../core/solve/state";
import { sameProblem, type HistoryEntryView } from "./historyPort";

export const LATEST_KEY = "latest";

/** A pin holds a problem (whatever solve of it is newest) or one history entry (opened from the list). */
export type Pin = { kind: "problem"; problem: string } | { kind: "entry"; id: string };

export interface ShownSolve {
  key: string;
  state: SolveState;
  solvedAt: number | null;
  source: SideSource;
}

export interface Choice {
  shown: ShownSolve | null;
  note: string;
}

export interface ChoiceInputs {
  pin: Pin | null;
  cursorProblem: string | null;
  latest: SolveState;
  /** Newest first. */
  history: readonly HistoryEntryView[];
}

export function hasSolve(state: SolveState): boolean {
  return !(state.status === "idle" && state.problem === "" && state.candidates.length === 0);
}

function solveOf(problem: string, inputs: ChoiceInputs, source: SideSource): ShownSolve | null {
  if (hasSolve(inputs.latest) && sameProblem(inputs.latest.problem, problem)) {
    return { key: LATEST_KEY, state: inputs.latest, solvedAt: null, source };
  }
  const entry = inputs.history.find((e) => sameProblem(e.problem, problem));
  return entry ? { key: entry.id, state: entry.state, solvedAt: entry.solvedAt, source } : null;
}

export const NO_SOLVE_NOTE = "No solve yet: put the cursor in a problem and run AceMath: Solve.";
export const CURSOR_UNSOLVED_NOTE =
  "The problem under the cursor has not been solved yet: showing the latest solve.";

export function chooseShown(inputs: ChoiceInputs): Choice {
  const { pin, cursorProblem, latest, history } = inputs;
  if (pin?.kind === "entry") {
    const entry = history.find((e) => e.id === pin.id);
    if (entry)
      return {
        shown: { key: entry.id, state: entry.state, solvedAt: entry.solvedAt, source: "history" },
        note: "",
      };
  }
  if (pin?.kind === "problem") {
    const shown = solveOf(pin.problem, inputs, "latest");
    if (shown) return { shown, note: "" };
  }
  if (cursorProblem) {
    const shown = solveOf(cursorProblem, inputs, "cursor");
    if (shown) return { shown, note: "" };
  }
  const note = cursorProblem ? CURSOR_UNSOLVED_NOTE : "";
  if (hasSolve(latest))
    return { shown: { key: LATEST_KEY, state: latest, solvedAt: null, source: "latest" }, note };
  const newest = history[0];
  if (newest)
    return {
      shown: { key: newest.id, state: newest.state, solvedAt: newest.solvedAt, source: "history" },
      note,
    };
  return { shown: null, note: NO_SOLVE_NOTE };
}
