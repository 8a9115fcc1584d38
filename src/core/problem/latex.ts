/**
 * Cursor rules for LaTeX (issue #2), in order: the innermost problem-like environment; else the
 * innermost `\item`; else a standalone display equation; else the paragraph. The preamble, sectioning
 * and layout lines and solutions are never a problem (issue #9): there the cursor is between problems.
 *
 * A display equation counts as standalone only when it is the whole paragraph: "Solve
 * \[x^2=4\] for $x$" needs its words, so the cursor inside that `\[…\]` still sends the paragraph.
 */
import { locateWithGaps } from "./around";
import { stripCommandWithArg, stripTexComments } from "./clean";
import { innermost, isBlank, lineText, paragraphAt, tidy, trimSpan } from "./lines";
import { documentBody, isStructuralTexLine } from "./texLines";
import { scanTex, type TexEnv, type TexItem, type TexScan, type TrackedRole } from "./texScan";
import type { ExtractedProblem, ProblemKind, ProblemLocation, Span } from "./types";

interface LatexDocument {
  text: string;
  scan: TexScan;
  body: Span;
  problems: TexEnv[];
  solutions: TexEnv[];
}

/**
 * The problem at the cursor, or "between" where the cursor is in the preamble, on a sectioning or
 * layout line, inside a solution, or on blank space between two problems.
 */
export function locateInLatex(text: string, cursor: number): ProblemLocation {
  const scan = scanTex(text, { comments: true });
  const doc: LatexDocument = {
    text,
    scan,
    body: documentBody(text),
    problems: withRole(scan.envs, "problem"),
    solutions: withRole(scan.envs, "solution"),
  };
  return locateWithGaps(text, cursor, {
    enclosing: (at) => enclosingProblem(doc, at),
    isGapLine: (lineStart) => isGapLine(doc, lineStart),
    extractAt: (at) => problemAt(doc, at),
  });
}

/** A problem environment or an item holds the cursor even on its blank or `\begin` lines; a solution never does. */
function enclosingProblem(doc: LatexDocument, cursor: number): ExtractedProblem | null {
  if (inSolution(doc, cursor)) return null;
  const problemEnv = innermost(doc.problems, cursor);
  if (problemEnv) return fromBody(doc.text, problemEnv, bodyOf(problemEnv), "problem-environment");
  // An item's blank tail (before the next `\item`) is space between two items, not the item.
  const item = innermost(
    doc.scan.items.map((it) => ({
      item: it,
      ...(trimSpan(doc.text, it) ?? { start: it.start, end: it.start }),
    })),
    cursor,
  );
  return item ? fromBody(doc.text, item.item, bodyOf(item.item), "item") : null;
}

/** Inside a solution (and not in a problem nested in it): the text there answers a problem. */
function inSolution(doc: LatexDocument, cursor: number): boolean {
  const solution = innermost(doc.solutions, cursor);
  if (!solution) return false;
  const problem = innermost(doc.problems, cursor);
  return !problem || problem.start < solution.start;
}

function isGapLine(doc: LatexDocument, lineStart: number): boolean {
  if (lineStart < doc.body.start || lineStart >= doc.body.end) return true;
  const line = lineText(doc.text, lineStart);
  return isBlank(line) || isStructuralTexLine(line) || inSolution(doc, lineStart);
}

/**
 * Rules on a content line (issue #2), in order: the innermost problem-like environment; else the
 * innermost `\item`; else a standalone display equation; else the paragraph.
 */
function problemAt(doc: LatexDocument, cursor: number): ExtractedProblem | null {
  const { text, scan } = doc;
  const problemEnv = innermost(doc.problems, cursor);
  if (problemEnv) return fromBody(text, problemEnv, bodyOf(problemEnv), "problem-environment");
  const item = innermost(scan.items, cursor);
  if (item) return fromBody(text, item, bodyOf(item), "item");
  const paragraph = paragraphAt(text, cursor, isLatexBoundary);
  const math = innermost(withRole(scan.envs, "math"), cursor);
  if (math && (!paragraph || isWholeParagraph(text, math, paragraph))) {
    return fromBody(text, math, bodyOf(math), "math-environment");
  }
  return paragraph ? fromBody(text, paragraph, paragraph, "paragraph") : null;
}

function withRole(envs: readonly TexEnv[], role: TrackedRole): TexEnv[] {
  return envs.filter((env) => env.role === role);
}

function bodyOf(span: TexEnv | TexItem): Span {
  return "bodyEnd" in span
    ? { start: span.bodyStart, end: span.bodyEnd }
    : { start: span.bodyStart, end: span.end };
}

/** The answer goes after the whole construct; the model gets the cleaned body. */
function fromBody(text: string, outer: Span, body: Span, kind: ProblemKind): ExtractedProblem | null {
  const problem = cleanLatex(text.slice(body.start, body.end));
  const span = trimSpan(text, outer);
  if (problem === "" || !span) return null;
  return { problem, start: span.start, end: span.end, kind };
}

export function cleanLatex(source: string): string {
  return tidy(stripCommandWithArg(stripTexComments(source.replace(/\r\n?/g, "\n")), "label"));
}

function isWholeParagraph(text: string, math: Span, paragraph: Span): boolean {
  const before = text.slice(paragraph.start, Math.max(paragraph.start, math.start));
  const after = text.slice(Math.min(paragraph.end, math.end), paragraph.end);
  return cleanLatex(before) === "" && cleanLatex(after) === "";
}

/**
 * A paragraph ends at a blank line, a structural line (sectioning, layout, the `\begin`/`\end` line
 * of a text environment) or an `\item`. Math environments do not end it: their lines are part of
 * the paragraph's sentence.
 */
function isLatexBoundary(line: string): boolean {
  return isBlank(line) || isStructuralTexLine(line) || /^\s*\\item(?![a-zA-Z])/.test(line);
}
