/**
 * Finds the final answer in a full solution text, and where it is (for highlighting).
 *
 * Order of preference, as the Qwen2.5-Math toolkit does: the last `\boxed`/`\fbox`, else the text
 * after the last "the answer is" / "final answer is" (or GSM8K's `####`), else the last number.
 * For multiple-choice sets a letter A–E is looked for first inside those, then anywhere.
 */

export type ExtractionMethod = "boxed" | "answer-phrase" | "last-number" | "choice";

/** `start`/`end` are offsets of the answer's content in the input text (end exclusive). */
export interface ExtractedAnswer {
  answer: string;
  start: number;
  end: number;
  method: ExtractionMethod;
}

export interface ExtractOptions {
  multipleChoice?: boolean;
}

interface Span {
  start: number;
  end: number;
}

const BOX_COMMAND = /\\(?:boxed|fbox)(?![a-zA-Z])/g;

export function extractAnswer(text: string, options: ExtractOptions = {}): ExtractedAnswer | null {
  const found = extractBoxed(text) ?? extractAnswerPhrase(text);
  if (options.multipleChoice) return extractChoice(text, found);
  return found ?? extractLastNumber(text);
}

/** Only the last `\boxed`/`\fbox` with non-empty content; null when there is none. */
export function extractBoxed(text: string): ExtractedAnswer | null {
  const starts = [...text.matchAll(BOX_COMMAND)].map((m) => m.index + m[0].length);
  // The last complete box wins; an earlier one is used only when the last is cut off (truncated output).
  for (let i = starts.length - 1; i >= 0; i--) {
    const span = boxContent(text, starts[i] ?? 0);
    if (span) return spanAnswer(text, trimSpan(text, span), "boxed");
  }
  return null;
}

/** The content after `\boxed`: a brace group, or a single token for `\boxed 5`. */
function boxContent(text: string, afterCommand: number): Span | null {
  let i = afterCommand;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  if (text[i] === "{") {
    const close = matchingBrace(text, i);
    if (close < 0) return null;
    return nonEmpty(text, { start: i + 1, end: close });
  }
  if (i === afterCommand) return null; // `\boxedx` is another command; `\boxed 5` needs the space
  const token = /^[^\s$]+/.exec(text.slice(i));
  return token ? nonEmpty(text, { start: i, end: i + token[0].length }) : null;
}

/** Index of the `}` that closes the `{` at `open`, skipping escaped braces; -1 if unbalanced. */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++; // `\{` and `\}` are literal braces, not grouping
    } else if (c === "{") {
      depth++;
    } else if (c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const ANSWER_PHRASE = /(?:final answer|the answer)\s*(?:is|:)\s*:?|####/gi;

/** The rest of the sentence after the last answer phrase. */
function extractAnswerPhrase(text: string): ExtractedAnswer | null {
  const last = [...text.matchAll(ANSWER_PHRASE)].pop();
  if (!last) return null;
  const start = last.index + last[0].length;
  const span = trimSpan(text, { start, end: sentenceEnd(text, start) });
  const answer = text.slice(span.start, span.end);
  // "the final answer is \boxed{}" (a prompt echoed back) names no answer.
  if (!answer || /^\\(?:boxed|fbox)\s*\{\s*\}$/.test(answer)) return null;
  return spanAnswer(text, span, "answer-phrase");
}

/** End of the answer sentence: a newline, or a full stop followed by a space or the end. */
function sentenceEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const newline = rest.search(/\n\s*\n|\n(?![^\n]*\\\])/);
  const stop = rest.search(/\.(?=\s|$)(?<!\d\.(?=\d))/);
  const ends = [newline, stop].filter((n) => n >= 0);
  return from + (ends.length ? Math.min(...ends) : rest.length);
}

const NUMBER = /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\/\d+)?|-?\.\d+/g;

function extractLastNumber(text: string): ExtractedAnswer | null {
  const last = [...text.matchAll(NUMBER)].pop();
  if (!last) return null;
  return { answer: last[0], start: last.index, end: last.index + last[0].length, method: "last-number" };
}

const CHOICE_ALONE = /^\s*(?:\\text\{\s*)?\(?([A-E])\)?(?![a-zA-Z])/;
const CHOICE_ANYWHERE = /\(([A-E])\)|(?<![A-Za-z\\])([A-E])(?![A-Za-z])/g;

/** A letter A–E: at the start of the boxed/phrase answer if there is one, else the last one in the text. */
function extractChoice(text: string, found: ExtractedAnswer | null): ExtractedAnswer | null {
  if (found) {
    const m = CHOICE_ALONE.exec(found.answer);
    if (m?.[1]) return letterAt(found.start + m[0].lastIndexOf(m[1]), m[1], found.method);
  }
  const last = [...text.matchAll(CHOICE_ANYWHERE)].pop();
  if (!last) return found;
  const letter = last[1] ?? last[2] ?? "";
  return letterAt(last.index + last[0].indexOf(letter), letter, "choice");
}

function letterAt(start: number, letter: string, method: ExtractionMethod): ExtractedAnswer {
  return { answer: letter, start, end: start + 1, method };
}

function nonEmpty(text: string, span: Span): Span | null {
  return text.slice(span.start, span.end).trim() ? span : null;
}

/** Narrows a span past surrounding spaces, `$` and `\(`…`\)` delimiters and a trailing full stop. */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  const open = /^(?:\s|\$|\\\(|\\\[|\*\*)+/.exec(text.slice(start, end));
  if (open) start += open[0].length;
  const close = /(?:\s|\$|\\\)|\\\]|\*\*|\.)+$/.exec(text.slice(start, end));
  if (close) end -= close[0].length;
  return { start, end: Math.max(start, end) };
}

function spanAnswer(text: string, span: Span, method: ExtractionMethod): ExtractedAnswer {
  return { answer: text.slice(span.start, span.end), start: span.start, end: span.end, method };
}
