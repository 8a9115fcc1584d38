/** What the solve controller records in the history, and the panel notice that says so. */
import type { SolveWarning } from "../../core/solve/events";
import type { SolveState } from "../../core/solve/state";
import type { SolveTarget } from "../solve/target";
import { problemLabel } from "./historyEntries";
import type { NewHistoryEntry } from "./solveHistory";

export function newRunId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function historyEntryFor(id: string, target: SolveTarget, state: SolveState): NewHistoryEntry {
  const cell = target.cell;
  return {
    id,
    problem: state.problem || target.problem,
    documentUri: (cell?.notebook.uri ?? target.uri).toString(),
    languageId: target.languageId,
    state,
    ...(cell ? { cellMetadata: { notebookUri: cell.notebook.uri.toString(), cellIndex: cell.index } } : {}),
  };
}

/** The panel's notice when a new solve replaces the one it showed: nothing was lost. */
export function previousSolveKept(previousProblem: string): SolveWarning {
  return {
    type: "warning",
    code: "previous-solve-kept",
    message: `A new solve started. The previous problem ("${problemLabel(previousProblem)}") is kept in the AceMath history.`,
  };
}
