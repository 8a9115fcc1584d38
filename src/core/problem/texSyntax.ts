/**
 * Small readers for LaTeX argument syntax used by the scanner. Each looks at a bounded stretch of
 * text (a name, a bracketed option), so a malformed document cannot make one call expensive.
 */

/** Environment names and `[titles]` longer than this are not what they seem; stop looking. */
const MAX_NAME = 80;
const MAX_OPTIONAL_ARG = 300;

/** A verbatim-like body ends at the first `\end{name}`; nothing inside it is TeX. */
export function skipVerbatim(text: string, name: string, from: number): number {
  const closing = `\\end{${name}}`;
  const at = text.indexOf(closing, from);
  return at < 0 ? text.length : at + closing.length;
}

/** `{name}` after optional spaces, with no nested braces or line breaks. */
export function readGroup(text: string, at: number): { value: string; end: number } | null {
  const open = skipSpaces(text, at);
  if (text.charAt(open) !== "{") return null;
  for (let j = open + 1; j < text.length && j <= open + MAX_NAME; j++) {
    const c = text.charAt(j);
    if (c === "}") return { value: text.slice(open + 1, j).trim(), end: j + 1 };
    if (c === "{" || c === "\n") return null;
  }
  return null;
}

/** After `[…]` (brackets inside braces do not count) when one follows on the same line. */
export function skipOptionalArg(text: string, at: number): number {
  const open = skipSpaces(text, at);
  if (text.charAt(open) !== "[") return at;
  let depth = 0;
  for (let j = open + 1; j < text.length && j <= open + MAX_OPTIONAL_ARG; j++) {
    const c = text.charAt(j);
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === "]" && depth <= 0) return j + 1;
    else if (c === "\n" && text.charAt(j + 1) === "\n") return at;
  }
  return at;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (text.charAt(i) === " " || text.charAt(i) === "\t") i++;
  return i;
}

export function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
