/**
 * Line-level helpers shared by the LaTeX, Markdown and plain-text extractors. Everything here walks
 * outwards from one point or over one span, so the cost is proportional to what is returned.
 */
import { trimSpan } from "../util/span";
import type { Span } from "./types";

export { trimSpan };

export function lineStartAt(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset of the line's `\n` (or the end of the text); a `\r` before it is part of the line. */
export function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline;
}

/** The line's content without its line break (a CRLF document keeps `\r` before `\n`). */
export function lineText(text: string, lineStart: number): string {
  const line = text.slice(lineStart, lineEndAt(text, lineStart));
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

export function previousLineStart(text: string, lineStart: number): number | null {
  return lineStart === 0 ? null : lineStartAt(text, lineStart - 1);
}

export function nextLineStart(text: string, lineStart: number): number | null {
  const end = lineEndAt(text, lineStart);
  return end >= text.length ? null : end + 1;
}

export function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** The narrowest span that contains the cursor; both ends count (the caret sits at a line's edge). */
export function innermost<T extends Span>(spans: readonly T[], cursor: number): T | undefined {
  let best: T | undefined;
  for (const span of spans) {
    if (span.start <= cursor && cursor <= span.end && (!best || span.start >= best.start)) best = span;
  }
  return best;
}

/**
 * The run of consecutive non-boundary lines around `offset`. When `offset` is on a boundary line
 * (a blank line, say) the run just above wins, because users usually type a problem and then run
 * Solve from the empty line below it; the run below is the fallback at the top of a document.
 */
export function paragraphAt(
  text: string,
  offset: number,
  isBoundary: (line: string) => boolean,
): Span | null {
  const anchor = contentLineNear(text, lineStartAt(text, offset), isBoundary);
  if (anchor === null) return null;
  let start = anchor;
  for (let prev = previousLineStart(text, start); prev !== null; prev = previousLineStart(text, prev)) {
    if (isBoundary(lineText(text, prev))) break;
    start = prev;
  }
  let last = anchor;
  for (let next = nextLineStart(text, last); next !== null; next = nextLineStart(text, next)) {
    if (isBoundary(lineText(text, next))) break;
    last = next;
  }
  return trimSpan(text, { start, end: lineEndAt(text, last) });
}

function contentLineNear(
  text: string,
  lineStart: number,
  isBoundary: (line: string) => boolean,
): number | null {
  for (let at: number | null = lineStart; at !== null; at = previousLineStart(text, at)) {
    if (!isBoundary(lineText(text, at))) return at;
  }
  for (let at = nextLineStart(text, lineStart); at !== null; at = nextLineStart(text, at)) {
    if (!isBoundary(lineText(text, at))) return at;
  }
  return null;
}

/**
 * From a blank line, the end of the nearest non-blank line above (else the start of the one below):
 * the same preference as `paragraphAt`, applied before the structural rules so that the blank line
 * under `\end{problem}` still means that problem.
 */
export function offBlankLine(text: string, offset: number): number {
  const lineStart = lineStartAt(text, offset);
  if (!isBlank(lineText(text, lineStart))) return offset;
  for (let at = previousLineStart(text, lineStart); at !== null; at = previousLineStart(text, at)) {
    const line = lineText(text, at);
    if (!isBlank(line)) return at + line.length;
  }
  for (let at = nextLineStart(text, lineStart); at !== null; at = nextLineStart(text, at)) {
    if (!isBlank(lineText(text, at))) return at;
  }
  return offset;
}

export interface TidyOptions {
  /**
   * True (the default) when the text was cut from the middle of a line (after `\item`, `\begin{…}`,
   * a list marker, or a trimmed span): the first line's indentation is then not comparable with the
   * others', so it is trimmed and the remaining lines are dedented on their own. False for code,
   * whose first line starts at column 0 and whose indentation is meaningful.
   */
  startsMidLine?: boolean;
}

/**
 * Normalizes a cleaned problem for the model: LF line breaks, no trailing spaces, runs of blank lines
 * collapsed to one, common indentation removed (problems are often indented inside environments).
 */
export function tidy(text: string, options: TidyOptions = {}): string {
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  // A cut right before a line break leaves an empty first line: every kept line then starts a line.
  const midLine = options.startsMidLine !== false && !isBlank(raw[0] ?? "");
  const lines = collapseBlankLines(raw);
  const [first, ...rest] = lines;
  if (first === undefined) return "";
  return midLine ? [first.trimStart(), ...dedent(rest)].join("\n") : dedent(lines).join("\n");
}

/** Trailing spaces go; leading and trailing blank lines go; inner runs of blank lines become one. */
function collapseBlankLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === "" && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  return kept;
}

function dedent(lines: readonly string[]): string[] {
  // A reduce, not Math.min(...lines): spreading a huge paragraph would overflow the argument limit.
  const indent = lines.reduce(
    (min, line) => (line === "" ? min : Math.min(min, leadingWhitespace(line))),
    Infinity,
  );
  return lines.map((line) => line.slice(Math.min(indent, line.length)));
}

function leadingWhitespace(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return i;
}
