/**
 * Every `\begin{name}…\end{name}` pair of a LaTeX text (any name), with `%` comments and verbatim
 * bodies skipped. Forgiving like the problem scanner: an unmatched `\end` is ignored and an
 * environment left open ends with the text. One linear pass.
 */
import { readBracketed } from "./braces";

export interface EnvSpan {
  name: string;
  start: number;
  /** After `\begin{name}` and an optional `[…]` on the same line. */
  bodyStart: number;
  bodyEnd: number;
  end: number;
  /** The `[…]` option, e.g. "Solution" in `\begin{proof}[Solution]`. */
  option?: string;
}

const TOKEN = /%[^\n]*|\\(begin|end)\s*\{([^{}\n]{1,80})\}/g;
const VERBATIM = new Set(["verbatim", "Verbatim", "lstlisting", "minted", "comment"]);

export function texEnvironments(text: string, comments = true): EnvSpan[] {
  const spans: EnvSpan[] = [];
  const stack: Omit<EnvSpan, "bodyEnd" | "end">[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[0].startsWith("%")) {
      if (!comments || (m.index > 0 && text.charAt(m.index - 1) === "\\")) TOKEN.lastIndex = m.index + 1;
      continue;
    }
    const name = (m[2] ?? "").trim();
    const after = m.index + m[0].length;
    if (m[1] === "begin") {
      if (VERBATIM.has(name)) {
        const close = text.indexOf(`\\end{${name}}`, after);
        TOKEN.lastIndex = close < 0 ? text.length : close;
        continue;
      }
      const option = sameLineOption(text, after);
      stack.push({
        name,
        start: m.index,
        bodyStart: option?.end ?? after,
        ...(option ? { option: option.value } : {}),
      });
      continue;
    }
    const depth = stack.map((env) => env.name).lastIndexOf(name);
    if (depth < 0) continue;
    for (const open of stack.splice(depth).reverse()) {
      const matched = open.name === name;
      spans.push({ ...open, bodyEnd: m.index, end: matched ? after : m.index });
    }
  }
  for (const open of stack.reverse()) spans.push({ ...open, bodyEnd: text.length, end: text.length });
  return spans.sort((a, b) => a.start - b.start);
}

function sameLineOption(text: string, at: number): { value: string; end: number } | null {
  const option = readBracketed(text, at);
  if (!option || text.slice(at, option.start).includes("\n")) return null;
  return { value: option.value, end: option.end };
}
