/**
 * "Between problems": on a line that is never part of a problem (a heading, a preamble or sectioning
 * command, blank space between two problems), solving the nearest problem would be a guess. The
 * caller gets the nearest problem above and below instead, and asks the user which one is meant.
 */
import { isBlank, lineStartAt, lineText, nextLineStart, previousLineStart } from "./lines";
import type { ExtractedProblem, ProblemLocation } from "./types";

/** What a markup tells the search; each dialect (LaTeX, Markdown, plain text) supplies its own. */
export interface GapRules {
  /** The problem the cursor is inside of even on a gap line (a blank line inside a problem environment). */
  enclosing(cursor: number): ExtractedProblem | null;
  /** True when the line starting at `lineStart` is never part of a problem. */
  isGapLine(lineStart: number): boolean;
  /** The problem at a cursor on a line that is not a gap. */
  extractAt(cursor: number): ExtractedProblem | null;
}

/** A run of content lines that yield no problem (empty environments) is skipped, but not forever. */
const MAX_EXTRACTIONS = 16;

export function locateWithGaps(text: string, cursor: number, rules: GapRules): ProblemLocation {
  const enclosing = rules.enclosing(cursor);
  if (enclosing) return { kind: "problem", problem: enclosing };
  const lineStart = lineStartAt(text, cursor);
  if (!rules.isGapLine(lineStart)) return found(rules.extractAt(cursor));
  const before = nearestProblem(text, lineStart, rules, "above");
  const after = nearestProblem(text, lineStart, rules, "below");
  if (before && after && before.start === after.start) return found(before);
  // Users type a problem and run Solve from the empty line under it: with nothing on the other side
  // of a blank line there is nothing to choose between. A heading or a preamble line still asks.
  if (isBlank(lineText(text, lineStart)) && (!before || !after)) return found(before ?? after);
  if (!before && !after) return { kind: "none" };
  return { kind: "between", before, after };
}

function found(problem: ExtractedProblem | null): ProblemLocation {
  return problem ? { kind: "problem", problem } : { kind: "none" };
}

function nearestProblem(
  text: string,
  from: number,
  rules: GapRules,
  direction: "above" | "below",
): ExtractedProblem | null {
  const step = direction === "above" ? previousLineStart : nextLineStart;
  let extractions = 0;
  for (let at = step(text, from); at !== null; at = step(text, at)) {
    if (rules.isGapLine(at)) continue;
    // Above: the end of the line, so that a paragraph's last line means that paragraph; below: its start.
    const problem = rules.extractAt(direction === "above" ? lineEndOf(text, at) : at);
    if (problem) return problem;
    if (++extractions >= MAX_EXTRACTIONS) return null;
  }
  return null;
}

function lineEndOf(text: string, lineStart: number): number {
  return lineStart + lineText(text, lineStart).length;
}
