/**
 * Where "AceMath: Solve" looks for the problem, as pure decisions (no `vscode`, unit-tested):
 * - which editor or notebook cell, when focus is somewhere else (the solve panel, the side panel, the
 *   output): the last one the user worked in, not an error (issue #9);
 * - what the user is offered when the cursor is between problems.
 */
import type { ExtractedProblem } from "../../core/problem";

/** A place the user worked in: a text editor (a document and its selection) or a notebook cell. */
export type Focused<D, C> = { kind: "text"; document: D } | { kind: "cell"; cell: C };

export interface FocusSnapshot<D, C> {
  /** The document of the active text editor (a notebook cell being edited is one too). */
  activeDocument: D | undefined;
  /** The selected cell of the active notebook editor. */
  selectedCell: C | undefined;
  /**
   * True when the active text editor edits a cell of the active notebook other than the selected one:
   * the user moved on to another (rendered) cell, which is the one meant.
   */
  activeDocumentIsOtherCell: boolean;
  /** What had focus before, most recent first; the caller leaves out what was closed since. */
  recent: readonly Focused<D, C>[];
}

/** The editor or cell to solve from; null when the user never opened one (or closed them all). */
export function chooseSolveSource<D, C>(focus: FocusSnapshot<D, C>): Focused<D, C> | null {
  if (
    focus.selectedCell !== undefined &&
    (focus.activeDocument === undefined || focus.activeDocumentIsOtherCell)
  )
    return { kind: "cell", cell: focus.selectedCell };
  if (focus.activeDocument !== undefined) return { kind: "text", document: focus.activeDocument };
  return focus.recent[0] ?? null;
}

/**
 * Keeps the most recent places first, without repeats (by `key`), at most `max`: the focus tracker's
 * memory, so that solving from the panel uses the editor the user left.
 */
export function rememberFocus<D, C>(
  recent: readonly Focused<D, C>[],
  focused: Focused<D, C>,
  key: (f: Focused<D, C>) => string,
  max = 4,
): Focused<D, C>[] {
  const id = key(focused);
  return [focused, ...recent.filter((f) => key(f) !== id)].slice(0, max);
}

export interface BetweenChoice {
  label: string;
  description: string;
  detail: string;
  problem: ExtractedProblem;
}

export const BETWEEN_TITLE = "The cursor is between problems: solve which?";

/** The QuickPick rows: the problem above, then the one below, each with its opening words. */
export function betweenChoices(
  before: ExtractedProblem | null,
  after: ExtractedProblem | null,
  lineOf: (offset: number) => number,
): BetweenChoice[] {
  const rows: BetweenChoice[] = [];
  if (before) rows.push(choice("$(arrow-up) The problem above", before, lineOf));
  if (after) rows.push(choice("$(arrow-down) The problem below", after, lineOf));
  return rows;
}

function choice(label: string, problem: ExtractedProblem, lineOf: (offset: number) => number): BetweenChoice {
  const words = problem.problem.replace(/\s+/g, " ").trim();
  return {
    label,
    description: `line ${lineOf(problem.start) + 1}`,
    detail: words.length > 120 ? `${words.slice(0, 119)}…` : words,
    problem,
  };
}
