/**
 * Where "Insert answer/solution" writes: after the problem (as tracked through edits), or at the cursor
 * when the user has since put it outside the problem; and never where the text would break something,
 * inside a formula, a comment, a code block, a LaTeX group or a word.
 */
import type { Span } from "../problem/types";
import type { Markup } from "./markup";
import { splitSegments, type Segment } from "./segments";
import type { TrackedSpan } from "./trackedSpan";

export interface PlacementInput {
  /** The document's text now. */
  text: string;
  markup: Markup;
  /** The problem's span, tracked since the solve. */
  problem: TrackedSpan;
  /** The selection (or bare cursor) of an editor showing the document; null when none shows it. */
  selection: Span | null;
}

export function chooseInsertionOffset(input: PlacementInput): number {
  const { problem, selection, text } = input;
  const wanted = selection && (!problem.intact || !touches(selection, problem)) ? selection.end : problem.end;
  return snapToSafeOffset(text, clamp(wanted, text.length), input.markup);
}

/** A cursor at either edge of the problem, or a selection overlapping it, counts as inside. */
function touches(selection: Span, problem: Span): boolean {
  return selection.start <= problem.end && selection.end >= problem.start;
}

/**
 * The first offset at or after `offset` that is outside math, code and comments (and, in LaTeX, outside
 * every `{…}` group and a command's arguments) and not inside a word.
 */
export function snapToSafeOffset(text: string, offset: number, markup: Markup): number {
  const at = clamp(offset, text.length);
  if (markup === "plain") return wordEnd(text, at);
  const segments = splitSegments(text, { latex: markup === "latex", markdownCode: markup === "markdown" });
  const outside = afterEnclosingSegment(segments, at);
  const ungrouped = markup === "latex" ? afterOpenGroups(text, segments, outside) : outside;
  const afterWord = wordEnd(text, ungrouped);
  return markup === "latex" ? afterCommandArguments(text, afterWord) : afterWord;
}

function afterEnclosingSegment(segments: readonly Segment[], at: number): number {
  const enclosing = segments.find((s) => s.kind !== "text" && s.start < at && at < s.end);
  return enclosing ? enclosing.end : at;
}

/** After the `}` that closes the outermost group open at `at` (braces in math and comments do not count). */
function afterOpenGroups(text: string, segments: readonly Segment[], at: number): number {
  let depth = 0;
  for (const segment of segments) {
    if (segment.kind !== "text") {
      if (segment.start >= at && depth === 0) return at;
      continue;
    }
    for (let i = segment.start; i < segment.end; i++) {
      if (i >= at && depth === 0) return at;
      const c = text.charAt(i);
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}" && depth > 0) {
        depth--;
        if (depth === 0 && i >= at) return i + 1;
      }
    }
  }
  return at; // an unclosed group: nowhere better to go
}

/** `\textbf|{x}` or `\sec|tion{A}`: after the control word and its `{…}`/`[…]` arguments. */
function afterCommandArguments(text: string, at: number): number {
  let start = at;
  while (start > 0 && isAsciiLetter(text.charAt(start - 1))) start--;
  if (start === at || text.charAt(start - 1) !== "\\" || isEscapedBackslash(text, start - 1)) return at;
  let i = at;
  for (let next = skipArgument(text, i); next > i; next = skipArgument(text, i)) i = next;
  return i;
}

/** After one `{…}` or `[…]` (nested braces allowed) that starts at `at`; `at` itself when there is none. */
function skipArgument(text: string, at: number): number {
  const open = text.charAt(at);
  if (open !== "{" && open !== "[") return at;
  const close = open === "{" ? "}" : "]";
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\") i++;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
  }
  return at;
}

function wordEnd(text: string, at: number): number {
  if (!isWordCharacter(text.charAt(at - 1)) || !isWordCharacter(text.charAt(at))) return at;
  let end = at;
  while (end < text.length && isWordCharacter(text.charAt(end))) end++;
  return end;
}

function isWordCharacter(c: string): boolean {
  return c !== "" && /[\p{L}\p{N}\p{M}_'’]/u.test(c);
}

function isAsciiLetter(c: string): boolean {
  return /^[A-Za-z]$/.test(c);
}

/** True when the backslash at `at` is itself escaped (`\\` is a line break, not a command). */
function isEscapedBackslash(text: string, at: number): boolean {
  let count = 0;
  while (at - count - 1 >= 0 && text.charAt(at - count - 1) === "\\") count++;
  return count % 2 === 1;
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(Math.max(0, Math.trunc(offset)), length) : length;
}
