/** Plain text has no structure we can trust beyond blank lines, so the paragraph is the problem. */
import { isBlank, paragraphAt, tidy } from "./lines";
import type { ExtractedProblem } from "./types";

export function extractFromPlainText(text: string, cursor: number): ExtractedProblem | null {
  const span = paragraphAt(text, cursor, isBlank);
  if (!span) return null;
  const problem = tidy(text.slice(span.start, span.end));
  return problem === "" ? null : { problem, start: span.start, end: span.end, kind: "paragraph" };
}
