/**
 * Splits text into the stretches that TeX or a Markdown renderer reads as math, code or a comment, and the
 * text between them. Both the placement of an insertion (never inside math) and its cleaning (escape text,
 * keep math) read the same split.
 *
 * Linear in the text: a closer that is missing is remembered as missing, so a thousand unclosed `\[` cost
 * one search, not a thousand. Unclosed math is text (a stray `$` must not swallow the rest).
 */
import { lineEndAt } from "../problem/lines";
import { envRole } from "../problem/texNames";
import { isLetter, readGroup } from "../problem/texSyntax";

export type SegmentKind = "text" | "math" | "code" | "comment";

export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
  /** Inside the delimiters (math) or the fences (code); the whole segment otherwise. */
  bodyStart: number;
  bodyEnd: number;
  /** A fenced code block that runs to the end of the text: the fence that would close it. */
  missingCloser?: string;
}

export interface SegmentOptions {
  /** LaTeX `%` comments and verbatim (`\begin{verbatim}`, `\verb|…|`): a .tex document. */
  latex: boolean;
  /** Markdown code spans and fenced blocks: a Markdown document, and model output (which is Markdown). */
  markdownCode: boolean;
}

/** Only the math and verbatim roles matter here, and those names are fixed. */
const NO_EXTRA_PROBLEM_ENVS: ReadonlySet<string> = new Set();

/** What a construct starting at some offset turned out to be: a segment, or where to resume scanning. */
type Found = Segment | number | null;

interface Scanner {
  text: string;
  options: SegmentOptions;
  /** Needle → the smallest offset from which it is known not to occur. */
  absentFrom: Map<string, number>;
  /** The next paragraph break at or after `nextBreakFrom` (inline math never crosses one). */
  nextBreak: number;
  nextBreakFrom: number;
}

export function splitSegments(text: string, options: SegmentOptions): Segment[] {
  const scanner: Scanner = { text, options, absentFrom: new Map(), nextBreak: -1, nextBreakFrom: -1 };
  const segments: Segment[] = [];
  let textStart = 0;
  let i = 0;
  while (i < text.length) {
    const found = constructAt(scanner, i);
    if (found === null) i++;
    else if (typeof found === "number") i = Math.max(found, i + 1);
    else {
      pushText(segments, textStart, found.start);
      segments.push(found);
      textStart = i = found.end;
    }
  }
  pushText(segments, textStart, text.length);
  return segments;
}

function pushText(segments: Segment[], start: number, end: number): void {
  if (end > start) segments.push({ kind: "text", start, end, bodyStart: start, bodyEnd: end });
}

function constructAt(scanner: Scanner, at: number): Found {
  const { text, options } = scanner;
  const c = text.charAt(at);
  if (c === "\\") return backslashAt(scanner, at);
  if (c === "$") return dollarAt(scanner, at);
  if (c === "%" && options.latex) return comment(text, at);
  if (options.markdownCode && (c === "`" || c === "~")) return fenceAt(text, at) ?? codeSpanAt(scanner, at);
  return null;
}

function backslashAt(scanner: Scanner, at: number): Found {
  const { text } = scanner;
  const next = text.charAt(at + 1);
  if (next === "(") return delimited(scanner, "math", at, 2, "\\)");
  if (next === "[") return delimited(scanner, "math", at, 2, "\\]");
  let j = at + 1;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  // `\$`, `\%`, `\\`, `\``: the escaped character is not a delimiter.
  if (j === at + 1) return at + 2;
  const name = text.slice(at + 1, j);
  if (name === "begin") return environmentAt(scanner, at, j);
  if (name === "verb" && scanner.options.latex) return verbAt(text, at, j);
  return j;
}

function environmentAt(scanner: Scanner, at: number, afterBegin: number): Found {
  const group = readGroup(scanner.text, afterBegin);
  if (!group) return afterBegin;
  const role = envRole(group.value, NO_EXTRA_PROBLEM_ENVS);
  const closer = `\\end{${group.value}}`;
  if (role === "math") return delimited(scanner, "math", at, group.end - at, closer) ?? group.end;
  if (role === "verbatim" && scanner.options.latex) {
    return delimited(scanner, "code", at, group.end - at, closer) ?? codeToEnd(scanner.text, at, group.end);
  }
  return group.end;
}

/** `\verb|x|`: the delimiter is any character; the body stays on one line. */
function verbAt(text: string, at: number, afterVerb: number): Found {
  const from = text.charAt(afterVerb) === "*" ? afterVerb + 1 : afterVerb;
  const delimiter = text.charAt(from);
  if (delimiter === "" || /[\s\w]/.test(delimiter)) return afterVerb;
  const close = text.indexOf(delimiter, from + 1);
  const lineEnd = lineEndAt(text, from);
  if (close < 0 || close > lineEnd) return afterVerb;
  return segment("code", at, close + 1, from + 1, close);
}

function dollarAt(scanner: Scanner, at: number): Found {
  if (scanner.text.charAt(at + 1) === "$") return delimited(scanner, "math", at, 2, "$$") ?? at + 2;
  const close = findUnescaped(scanner, "$", at + 1);
  if (close < 0 || close > paragraphBreakAfter(scanner, at)) return at + 1;
  return segment("math", at, close + 1, at + 1, close);
}

/** A construct that opens with `openLength` characters at `at` and ends with `closer`; null if unclosed. */
function delimited(
  scanner: Scanner,
  kind: SegmentKind,
  at: number,
  openLength: number,
  closer: string,
): Segment | null {
  const bodyStart = at + openLength;
  const close = findUnescaped(scanner, closer, bodyStart);
  if (close < 0) return null;
  return segment(kind, at, close + closer.length, bodyStart, close);
}

function comment(text: string, at: number): Segment {
  const end = lineEndAt(text, at);
  return segment("comment", at, end, at, end);
}

function codeToEnd(text: string, at: number, bodyStart: number): Segment {
  return segment("code", at, text.length, bodyStart, text.length);
}

/** A Markdown fence: three or more backticks or tildes that start a line (indented at most 3 spaces). */
function fenceAt(text: string, at: number): Segment | null {
  let lineStart = at;
  while (lineStart > 0 && at - lineStart < 4 && text.charAt(lineStart - 1) === " ") lineStart--;
  if (at - lineStart > 3 || (lineStart > 0 && text.charAt(lineStart - 1) !== "\n")) return null;
  const lineEnd = lineEndAt(text, at);
  const opening = /^(`{3,}|~{3,})(.*)$/.exec(text.slice(at, lineEnd));
  if (!opening?.[1] || (opening[1].startsWith("`") && opening[2]?.includes("`"))) return null;
  const fence = opening[1];
  const closing = new RegExp(`^ {0,3}${fence.charAt(0) === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
  for (let start = lineEnd + 1; start < text.length; start = lineEndAt(text, start) + 1) {
    const end = lineEndAt(text, start);
    if (closing.test(text.slice(start, end))) return segment("code", at, end, lineEnd + 1, start);
  }
  const bodyStart = Math.min(lineEnd + 1, text.length);
  return { ...segment("code", at, text.length, bodyStart, text.length), missingCloser: fence };
}

/** A code span: a run of n backticks closed by the next run of exactly n; otherwise literal backticks. */
function codeSpanAt(scanner: Scanner, at: number): Found {
  const { text } = scanner;
  if (text.charAt(at) !== "`") return null;
  let run = at;
  while (text.charAt(run) === "`") run++;
  const key = "`".repeat(run - at);
  const absent = scanner.absentFrom.get(key);
  if (absent !== undefined && run >= absent) return run;
  for (let i = text.indexOf("`", run); i >= 0;) {
    let j = i;
    while (text.charAt(j) === "`") j++;
    if (j - i === key.length) return segment("code", at, j, run, i);
    i = text.indexOf("`", j);
  }
  scanner.absentFrom.set(key, run);
  return run;
}

function segment(kind: SegmentKind, start: number, end: number, bodyStart: number, bodyEnd: number): Segment {
  return { kind, start, end, bodyStart, bodyEnd };
}

/** The next `needle` at or after `from` that no backslash escapes; -1 when there is none. */
function findUnescaped(scanner: Scanner, needle: string, from: number): number {
  const absent = scanner.absentFrom.get(needle);
  if (absent !== undefined && from >= absent) return -1;
  for (let at = scanner.text.indexOf(needle, from); at >= 0; at = scanner.text.indexOf(needle, at + 1)) {
    if (!isEscaped(scanner.text, at)) return at;
  }
  scanner.absentFrom.set(needle, Math.min(from, absent ?? from));
  return -1;
}

/** True when an odd number of backslashes precede `at`. */
function isEscaped(text: string, at: number): boolean {
  let count = 0;
  while (at - count - 1 >= 0 && text.charAt(at - count - 1) === "\\") count++;
  return count % 2 === 1;
}

/** Where the paragraph of `at` ends: the next blank line, or the end of the text. */
function paragraphBreakAfter(scanner: Scanner, at: number): number {
  if (at >= scanner.nextBreakFrom && at <= scanner.nextBreak) return scanner.nextBreak;
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = at;
  const match = blank.exec(scanner.text);
  scanner.nextBreakFrom = at;
  scanner.nextBreak = match ? match.index : scanner.text.length;
  return scanner.nextBreak;
}
