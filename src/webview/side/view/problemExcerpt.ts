/**
 * The start of a problem's source, typeset: the side panel's problem box and each history entry.
 * The cut is made on the source (so search and tooltips keep matching it), and never inside a math
 * span: a half formula such as `$\frac{1}{` would typeset as a red error or, with an unclosed `$$`,
 * swallow the rest of the excerpt. A cut span is dropped whole; the excerpt ends before it.
 */
import { renderMarkdown } from "../../render/markdown";
import { setRenderedHtml, setText } from "../../view/dom";

export interface ProblemExcerpt {
  /** Markdown source to typeset, or plain text when `typeset` is false. */
  text: string;
  /** False only when the excerpt would be empty without the cut formula: its source is then shown as text. */
  typeset: boolean;
}

interface MathSpan {
  start: number;
  /** One past the closing delimiter. */
  end: number;
}

const ELLIPSIS = "…";

interface Opener {
  length: number;
  closer: string | null;
}

/** `\(`, `\[`, `\begin{env}` open math; any other backslash pair (`\$`, `\\`) is one escaped character. */
function backslashOpener(text: string, i: number): Opener {
  const next = text[i + 1];
  if (next === "(") return { length: 2, closer: "\\)" };
  if (next === "[") return { length: 2, closer: "\\]" };
  const begin = /^\\begin\s*\{([^{}]+)\}/.exec(text.slice(i, i + 64));
  return begin ? { length: begin[0].length, closer: `\\end{${begin[1]}}` } : { length: 2, closer: null };
}

function openerAt(text: string, i: number): Opener {
  if (text[i] === "\\") return backslashOpener(text, i);
  if (text.startsWith("$$", i)) return { length: 2, closer: "$$" };
  if (text[i] === "$" && !/\s/.test(text[i + 1] ?? " ")) return { length: 1, closer: "$" };
  return { length: 1, closer: null };
}

/** A lone `$` closes inline math only after a non-space and not before a digit (as the renderer reads it). */
function closesInlineDollar(text: string, i: number): boolean {
  return !/\s/.test(text[i - 1] ?? " ") && !/\d/.test(text[i + 1] ?? "");
}

/** One past the end of `closer`, searched from `from` (the span's content), or -1 if it never comes. */
function closingEnd(text: string, from: number, closer: string): number {
  for (let i = from; i < text.length; i++) {
    if (closer === "$" && text[i] === "$") {
      if (closesInlineDollar(text, i)) return i + 1;
      continue;
    }
    if (text.startsWith(closer, i)) return i + closer.length;
    if (text[i] === "\\") i++; // an escaped character (`\$`, `\\`) closes nothing
  }
  return -1;
}

/** The math spans of `text` that start before `limit`, in order. Unclosed openers are not math. */
export function mathSpans(text: string, limit = text.length): MathSpan[] {
  const spans: MathSpan[] = [];
  let i = 0;
  while (i < limit) {
    const opener = openerAt(text, i);
    const end = opener.closer === null ? -1 : closingEnd(text, i + opener.length, opener.closer);
    if (end === -1) {
      i += opener.length;
      continue;
    }
    spans.push({ start: i, end });
    i = end;
  }
  return spans;
}

/** The first `maxChars` characters of the source, moved back to the start of a math span it would split. */
export function problemExcerpt(text: string, maxChars: number): ProblemExcerpt {
  if (text.length <= maxChars) return { text, typeset: true };
  const split = mathSpans(text, maxChars).find((span) => span.start < maxChars && span.end > maxChars);
  const cut = split ? split.start : maxChars;
  const kept = text.slice(0, cut).trimEnd();
  if (kept.length === 0) return { text: `${text.slice(0, maxChars)}${ELLIPSIS}`, typeset: false };
  return { text: `${kept}${ELLIPSIS}`, typeset: true };
}

/** Shows the excerpt in `element`: typeset through the untrusted-markdown renderer, or as plain text. */
export function showProblemExcerpt(element: HTMLElement, problem: string, maxChars: number): void {
  const excerpt = problemExcerpt(problem, maxChars);
  element.classList.toggle("excerpt-source", !excerpt.typeset);
  if (excerpt.typeset) setRenderedHtml(element, renderMarkdown(excerpt.text));
  else setText(element, excerpt.text);
}
