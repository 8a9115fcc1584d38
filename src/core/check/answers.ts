/**
 * The written answers of a document: `\boxed{…}`/`\fbox{…}` (brace-matched), "Answer: …" and
 * "Final answer: …" lines (also `\textbf{Answer:}` and `**Answer:**`), and, for a solution block
 * with neither, its last display. Which of them is final is decided per solution (see `locate.ts`).
 */
import { braceMatches } from "./braces";
import { mathSpans, withoutMathDelimiters, type MathSpan } from "./mathSpans";
import type { SolutionRegion, WrittenAnswer } from "./types";

const BOX = /\\(?:boxed|fbox)\s*(?=\{)/g;
/**
 * "Answer:" at the start of a line, bold or not, in LaTeX or Markdown, after quote markers. Only spaces
 * and tabs before the word: a `\s` there would start the match (and the diagnostic) on a blank line above.
 */
const ANSWER_LINE =
  /^[ \t>]*(?:\\noindent\s*)?(?:\\textbf\{|\\emph\{|\*\*|__|\*)?[ \t]*(?:final[ \t]+answer|answer)\s*(?::\s*(?:\}|\*\*|__|\*)?|(?:\}|\*\*|__|\*)\s*:)[ \t]*(.*)$/gim;

export function findBoxes(text: string): WrittenAnswer[] {
  const found: WrittenAnswer[] = [];
  const matches = braceMatches(text);
  for (const m of text.matchAll(BOX)) {
    const open = m.index + m[0].length;
    const end = matches.get(open) ?? -1;
    if (end < 0) continue;
    const latex = text.slice(open + 1, end - 1).trim();
    if (latex !== "") found.push({ latex, start: m.index, end, kind: "boxed", final: true });
  }
  return found;
}

export function findAnswerLines(text: string): WrittenAnswer[] {
  const found: WrittenAnswer[] = [];
  for (const m of text.matchAll(ANSWER_LINE)) {
    const rest = (m[1] ?? "").trim();
    const latex = answerFromRest(rest);
    if (latex === "") continue;
    found.push({ latex, start: m.index, end: m.index + m[0].length, kind: "answer-line", final: true });
  }
  return found;
}

/** One formula on the line is the answer; otherwise the words and formulas as written, `$` removed. */
function answerFromRest(rest: string): string {
  const unboxed = rest.replace(/\s*(?:\\\\|\\par)\s*$/, "");
  const spans = mathSpans(unboxed);
  const only = spans.length === 1 ? spans[0] : undefined;
  if (only) {
    const around = (unboxed.slice(0, only.start) + unboxed.slice(only.end)).trim();
    // "$120$ units", "$x=3$." keep only the formula; "rel. min. at $x=3$" keeps its words.
    if (/^[\s.,;]*(?:[a-zA-Z.]+)?[\s.,;]*$/.test(around) && !/^[a-z]/i.test(unboxed.trim()))
      return only.content.trim();
  }
  return withoutMathDelimiters(unboxed).replace(/\s+/g, " ").trim();
}

/**
 * The last display formula of a solution body, as the final answer of a solution that neither
 * boxes nor labels one. For an `align` chain the last line is taken, without `&`, labels and tags.
 */
export function lastDisplayOf(
  region: SolutionRegion,
  spans: readonly MathSpan[],
  text: string,
): WrittenAnswer | null {
  const inside = spansWithin(spans, region.bodyStart, region.bodyEnd);
  const display = inside.filter((span) => span.display).pop() ?? onlyFormula(text, region, inside);
  if (!display) return null;
  const lines = display.content
    .split(/\\\\/)
    .map(cleanDisplayLine)
    .filter((line) => line !== "");
  const latex = lines[lines.length - 1];
  if (!latex) return null;
  return { latex, start: display.start, end: display.end, kind: "display", final: true };
}

/** The spans (sorted by start) that lie inside `[from, to)`, found by binary search. */
function spansWithin(spans: readonly MathSpan[], from: number, to: number): MathSpan[] {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((spans[mid]?.start ?? 0) < from) low = mid + 1;
    else high = mid;
  }
  const inside: MathSpan[] = [];
  for (let k = low; k < spans.length && (spans[k]?.start ?? to) < to; k++) {
    const span = spans[k];
    if (span && span.end <= to) inside.push(span);
  }
  return inside;
}

/** `\exsol{$2t^2-2t+1$}`: a solution that is one formula and nothing else is its answer. */
function onlyFormula(text: string, region: SolutionRegion, spans: readonly MathSpan[]): MathSpan | undefined {
  const [only] = spans;
  if (spans.length !== 1 || !only) return undefined;
  const rest = (text.slice(region.bodyStart, only.start) + text.slice(only.end, region.bodyEnd)).replace(
    /%[^\n]*/g,
    "",
  );
  return /^[\s.,;]*$/.test(rest) ? only : undefined;
}

function cleanDisplayLine(line: string): string {
  return line
    .replace(/%[^\n]*/g, "")
    .replace(/\\(?:label|tag|nonumber|notag)\b(?:\{[^{}]*\})?/g, "")
    .replace(/&/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
