/**
 * Entry point of "AceMath: Solve": which part of the document is the problem. Pure: the extension
 * passes the text and offsets in, and uses `start`/`end` to place the answer.
 */
import { cleanLatex, locateInLatex } from "./latex";
import { tidy, trimSpan } from "./lines";
import { cleanMarkdown, locateInMarkdown } from "./markdown";
import { locateInPlainText } from "./plaintext";
import { scanTex } from "./texScan";
import type { CursorRange, ExtractedProblem, ProblemLocation, ProblemSource } from "./types";

import { dialectOf, type Dialect } from "./languages";

export { dialectOf, type Dialect };

/**
 * A non-empty (after trimming) selection wins; otherwise the structure around the cursor decides.
 * "none" means there is nothing to send (an empty or blank document, an empty environment, a selection
 * of comments only); "between" that the cursor is on a line that is never a problem, with the nearest
 * problems on either side. The caller explains either to the user.
 */
export function locateProblem(source: ProblemSource, range: CursorRange): ProblemLocation {
  const { text } = source;
  const dialect = dialectOf(source.languageId);
  const start = clamp(Math.min(range.selectionStart, range.selectionEnd), text.length);
  const end = clamp(Math.max(range.selectionStart, range.selectionEnd), text.length);
  const selected = trimSpan(text, { start, end });
  if (selected) {
    const problem = cleanSelection(text.slice(selected.start, selected.end), dialect);
    return problem === ""
      ? { kind: "none" }
      : { kind: "problem", problem: { problem, ...selected, kind: "selection" } };
  }
  return locateAtCursor(text, start, dialect);
}

/** The problem at the cursor or selection; null where there is none or the cursor is between problems. */
export function extractProblem(source: ProblemSource, range: CursorRange): ExtractedProblem | null {
  const location = locateProblem(source, range);
  return location.kind === "problem" ? location.problem : null;
}

function locateAtCursor(text: string, cursor: number, dialect: Dialect): ProblemLocation {
  switch (dialect) {
    case "latex":
      return locateInLatex(text, cursor);
    case "markdown":
      return locateInMarkdown(text, cursor);
    case "plaintext":
      return locateInPlainText(text, cursor);
  }
}

/** A selection keeps its structure; only what the model must not see (comments, labels) goes. */
function cleanSelection(selected: string, dialect: Dialect): string {
  switch (dialect) {
    case "latex":
      return cleanLatex(unwrapWholeEnvironment(selected));
    case "markdown":
      return cleanMarkdown(selected);
    case "plaintext":
      return tidy(selected);
  }
}

/** Selecting exactly `\begin{problem}…\end{problem}` means the problem, not its wrapper. */
function unwrapWholeEnvironment(selected: string): string {
  const whole = scanTex(selected, { comments: true }).envs.find(
    (env) => env.start === 0 && env.end === selected.length && env.role !== "list",
  );
  return whole ? selected.slice(whole.bodyStart, whole.bodyEnd) : selected;
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(Math.max(0, Math.trunc(offset)), length) : 0;
}
