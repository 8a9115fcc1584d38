/**
 * Math spans in prose: `$…$`, `$$…$$`, `\(…\)`, `\[…\]` and display environments. Used to pull the
 * formula out of an "Answer: …" line and the expression out of a problem statement.
 */

export interface MathSpan {
  /** The formula without its delimiters. */
  content: string;
  start: number;
  end: number;
  display: boolean;
}

const DISPLAY_ENVS = "equation|align|gather|multline|displaymath|eqnarray|flalign";
const SPAN = new RegExp(
  String.raw`\$\$([\s\S]*?)\$\$|\\\[([\s\S]*?)\\\]|\\begin\{((?:${DISPLAY_ENVS})\*?)\}([\s\S]*?)\\end\{\3\}|\\\(([\s\S]*?)\\\)|(?<![\\$])\$((?:\\.|[^$\\])+?)\$`,
  "g",
);

export function mathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  for (const m of text.matchAll(SPAN)) {
    const display = m[1] !== undefined || m[2] !== undefined || m[4] !== undefined;
    const content = m[1] ?? m[2] ?? m[4] ?? m[5] ?? m[6] ?? "";
    spans.push({ content, start: m.index, end: m.index + m[0].length, display });
  }
  return spans;
}

/** `$x=-5/6$ units` → the text with math delimiters removed, math kept as written. */
export function withoutMathDelimiters(text: string): string {
  return text.replace(SPAN, (_whole, a, b, _env, c, d, e) => String(a ?? b ?? c ?? d ?? e ?? ""));
}
