/** Plain text has no structure we can trust beyond blank lines, so the paragraph is the problem. */
import { locateWithGaps } from "./around";
import { isBlank, lineText, paragraphAt, tidy } from "./lines";
import type { ExtractedProblem, ProblemLocation } from "./types";

export function locateInPlainText(text: string, cursor: number): ProblemLocation {
  return locateWithGaps(text, cursor, {
    enclosing: () => null,
    isGapLine: (lineStart) => isBlank(lineText(text, lineStart)),
    extractAt: (at) => paragraphProblem(text, at),
  });
}

function paragraphProblem(text: string, cursor: number): ExtractedProblem | null {
  const span = paragraphAt(text, cursor, isBlank);
  if (!span) return null;
  const problem = tidy(text.slice(span.start, span.end));
  return problem === "" ? null : { problem, start: span.start, end: span.end, kind: "paragraph" };
}
