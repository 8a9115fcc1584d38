/**
 * Reading an answer out of text around it: math spans (`$…$`, `\(…\)`, `\[…\]`, `$$…$$`),
 * chat-template tokens that end a model's turn, answer sentences ("The area of $PQRS$ is 48"),
 * and LaTeX copied from JSON or Python source (`\\frac`). All scans are linear.
 */

import type { Span } from "../util/span";
export type { Span };

/** Tokens that end a model's turn: what follows is not part of the answer. */
const END_OF_TURN = /<\|im_start\|>|<\|im_end\|>|<\|eot_id\|>|<\|endoftext\|>|<\|end\|>|<\|user\|>|<\/s>/;
const ANY_CHAT_TOKEN = /<\|[a-z_]+\|>|<\/?s>/g;

/**
 * Text up to the first end-of-turn token (when something comes before it); other template
 * tokens become spaces, so offsets into the result are offsets into the input.
 */
export function withoutChatTokens(text: string): string {
  const m = END_OF_TURN.exec(text);
  let t = m && text.slice(0, m.index).trim() ? text.slice(0, m.index) : text;
  if (t.includes("<")) t = t.replace(ANY_CHAT_TOKEN, (tok) => " ".repeat(tok.length));
  return t;
}

/**
 * `\\frac{1}{2}` (LaTeX as written inside JSON or Python strings) as `\frac{1}{2}`: only when no
 * backslash stands alone, so the `\\` row separator of a matrix written once is left alone.
 */
export function undoubleBackslashes(s: string): string {
  if (!s.includes("\\\\") || !/\\\\[a-zA-Z{}()[\]]/.test(s)) return s;
  const runs = s.match(/\\+/g) ?? [];
  if (runs.some((r) => r.length % 2 === 1)) return s;
  return s.replace(/\\+/g, (r) => r.slice(r.length / 2));
}

export interface MathSpan {
  /** The span with its delimiters. */
  outer: Span;
  /** The content between the delimiters. */
  inner: Span;
}

const OPENERS: [string, string][] = [
  ["$$", "$$"],
  ["$", "$"],
  ["\\(", "\\)"],
  ["\\[", "\\]"],
];

/** Math spans in order; an escaped `\$` is a dollar sign, not a delimiter. Unclosed ones are skipped. */
export function mathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && text[i + 1] !== "(" && text[i + 1] !== "[") {
      i += 2;
      continue;
    }
    const pair = c === "$" || c === "\\" ? OPENERS.find(([open]) => text.startsWith(open, i)) : undefined;
    if (!pair) {
      i++;
      continue;
    }
    const close = findClose(text, i + pair[0].length, pair[1]);
    if (close < 0) {
      i += pair[0].length;
      continue;
    }
    spans.push({
      outer: { start: i, end: close + pair[1].length },
      inner: { start: i + pair[0].length, end: close },
    });
    i = close + pair[1].length;
  }
  return spans;
}

function findClose(text: string, from: number, close: string): number {
  for (let i = from; i < text.length; i++) {
    if (text.startsWith(close, i) && (close !== "$" || text[i - 1] !== "\\")) return i;
    if (text[i] === "\\" && close === "$") i++;
  }
  return -1;
}

/** Words that may stand between the parts of one answer (`$1$ and $2$`) or after a value. */
const CONNECTOR_TEXT = /^(?:[\s,;.]|\band\b|\bor\b|\\[,;:! ]|\\q?quad\b)*$/i;

/** True when the text outside the math spans is only separators: the spans form one answer. */
export function onlyConnectorsBetween(text: string, spans: MathSpan[], span: Span): boolean {
  let at = span.start;
  for (const s of spans) {
    if (s.outer.end <= span.start || s.outer.start >= span.end) continue;
    if (!CONNECTOR_TEXT.test(text.slice(at, s.outer.start))) return false;
    at = s.outer.end;
  }
  return CONNECTOR_TEXT.test(text.slice(at, span.end));
}

/** Words that occur in mathematics written as plain text: connectors, percent, function names. */
const NOT_PROSE =
  /^(?:and|text|mathrm|pct|percent|percentage|infinity|inf|sqrt|sin|cos|tan|sec|csc|cot|arcsin|arccos|arctan|sinh|cosh|tanh|log|exp|mod|max|min|gcd|lcm|thousand|million|billion|trillion)$/i;

/** Prose: `minWords` words of three or more letters that are not LaTeX commands or connectors. */
export function isProse(text: string, minWords = 2): boolean {
  let words = 0;
  const plain = text.replace(/\\(?:begin|end|operatorname|math[a-z]+)\s*\{[^{}]*\}/g, " ");
  for (const m of plain.matchAll(/(?<![\\a-zA-Z])[a-zA-Z]{3,}/g)) {
    if (NOT_PROSE.test(m[0])) continue;
    if (++words >= minWords) return true;
  }
  return false;
}

/** Verbs after which an answer sentence states its value: "The area of $PQRS$ is 48". */
const STATES = /\s(?:is|are|was|equals|becomes)\s+(?=\S)/g;

/** The part of a sentence after its last "is"/"equals" outside math spans (or the whole sentence). */
export function afterLastVerb(text: string, span: Span, spans: MathSpan[]): Span {
  let start = span.start;
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(STATES)) {
    const at = span.start + m.index;
    if (spans.some((s) => s.outer.start <= at && at < s.outer.end)) continue;
    start = at + m[0].length;
  }
  return { start, end: span.end };
}

export const NUMBER = /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\/\d+)?|-?\.\d+/g;

/** The last number outside math spans within `span`. */
export function lastBareNumber(text: string, span: Span, spans: MathSpan[]): Span | null {
  let found: Span | null = null;
  NUMBER.lastIndex = 0;
  for (const m of text.slice(span.start, span.end).matchAll(NUMBER)) {
    const at = span.start + m.index;
    if (spans.some((s) => s.outer.start <= at && at < s.outer.end)) continue;
    // A digit glued to letters (`x2`, `H2O`) is not a number of its own.
    if (/[a-zA-Z_^]/.test(text[at - 1] ?? "")) continue;
    found = { start: at, end: at + m[0].length };
  }
  return found;
}
