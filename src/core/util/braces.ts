/**
 * Matching a LaTeX brace group: the one implementation behind the problem finder, answer extraction,
 * the answer checker and the panel's `\boxed{…}` rule. `\{` and `\}` are literal braces, not grouping.
 */

export interface BraceOptions {
  /** Offset where the search stops (exclusive); the group must close before it. */
  end?: number;
  /** Skip `%` comments to the end of their line (LaTeX source; not model output or answers). */
  comments?: boolean;
}

/** The offset just after the `}` that closes the `{` at `open`, or -1 when there is none before `end`. */
export function braceGroupEnd(text: string, open: number, options: BraceOptions = {}): number {
  if (text.charAt(open) !== "{") return -1;
  const stop = Math.min(text.length, options.end ?? text.length);
  let depth = 0;
  for (let i = open; i < stop; i++) {
    const c = text.charAt(i);
    if (c === "\\") i++;
    else if (c === "%" && options.comments) {
      const newline = text.indexOf("\n", i);
      i = newline < 0 ? stop : newline;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return -1;
}
