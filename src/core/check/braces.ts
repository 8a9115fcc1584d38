/**
 * Brace matching for LaTeX arguments. Escaped braces (`\{`) do not count, `%` comments are skipped
 * when asked, and every search is bounded by `limit` characters so malformed input stays cheap.
 */

import { braceGroupEnd } from "../util/braces";

export const DEFAULT_GROUP_LIMIT = 200_000;

/** The offset just after the `}` matching the `{` at `open`, or -1 when it is unbalanced within `limit`. */
export function matchBrace(text: string, open: number, limit = DEFAULT_GROUP_LIMIT, comments = true): number {
  return braceGroupEnd(text, open, { end: open + limit, comments });
}

export interface Group {
  /** The text inside the delimiters. */
  value: string;
  /** At the opening delimiter. */
  start: number;
  /** After the closing delimiter. */
  end: number;
}

/** A `{…}` group after optional spaces (and at most one line break), or null. */
export function readBraced(text: string, at: number, comments = true): Group | null {
  const open = skipSpace(text, at);
  const end = matchBrace(text, open, DEFAULT_GROUP_LIMIT, comments);
  return end < 0 ? null : { value: text.slice(open + 1, end - 1), start: open, end };
}

/** A `[…]` group after optional spaces (brackets inside braces do not end it), or null. */
export function readBracketed(text: string, at: number): Group | null {
  const open = skipSpace(text, at);
  if (text.charAt(open) !== "[") return null;
  let depth = 0;
  for (let i = open + 1; i < text.length && i < open + 2000; i++) {
    const c = text.charAt(i);
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === "]" && depth <= 0) return { value: text.slice(open + 1, i), start: open, end: i + 1 };
  }
  return null;
}

/** One TeX argument: a braced group, a control sequence, or a single character. */
export function readArgument(text: string, at: number): Group | null {
  const i = skipSpace(text, at);
  if (i >= text.length) return null;
  if (text.charAt(i) === "{") return readBraced(text, i);
  if (text.charAt(i) === "\\") {
    const name = /^\\(?:[a-zA-Z@]+|.)/.exec(text.slice(i, i + 60));
    return name ? { value: name[0], start: i, end: i + name[0].length } : null;
  }
  return { value: text.charAt(i), start: i, end: i + 1 };
}

function skipSpace(text: string, at: number): number {
  let i = at;
  let newlines = 0;
  while (i < text.length && /\s/.test(text.charAt(i))) {
    if (text.charAt(i) === "\n" && ++newlines > 1) break;
    i++;
  }
  return i;
}

/**
 * Every `{` of the text with the offset after its matching `}` (-1 when unbalanced), found in one
 * pass: looking up many groups (all the boxes of a document) stays linear however they nest.
 */
export function braceMatches(text: string, comments = true): Map<number, number> {
  const matches = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x25 && comments) {
      const newline = text.indexOf("\n", i);
      i = newline < 0 ? text.length : newline;
    } else if (c === 0x7b) open.push(i);
    else if (c === 0x7d) {
      const at = open.pop();
      if (at !== undefined) matches.set(at, i + 1);
    }
  }
  for (const at of open) matches.set(at, -1);
  return matches;
}
