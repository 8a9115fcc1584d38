/**
 * Finds the final answer in a full solution text (or in a gold answer written as text), and where
 * it is (for highlighting). Order of preference (docs/grading.md): the last `\boxed`/`\fbox`
 * group (several boxes separated only by commas/"and" are one list answer); else the sentence after
 * the last "final answer is" / "answer is" / "Answer:" (or GSM8K's `####`), narrowed to its value;
 * else the last math span or bare number, whichever comes later. Chat-template tokens end the text.
 * For multiple-choice sets a letter A–E is looked for first inside those, then anywhere.
 */
import {
  afterLastVerb,
  isProse,
  lastBareNumber,
  mathSpans,
  onlyConnectorsBetween,
  withoutChatTokens,
  type MathSpan,
  type Span,
} from "./answerText";
import { braceGroupEnd } from "../util/braces";

export type ExtractionMethod = "boxed" | "answer-phrase" | "math-span" | "last-number" | "choice";

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

const BOX_COMMAND = /\\(?:boxed|fbox)(?![a-zA-Z])/g;

export function extractAnswer(input: string, options: ExtractOptions = {}): ExtractedAnswer | null {
  const text = withoutChatTokens(input);
  const found = extractBoxed(text) ?? extractAnswerPhrase(text);
  if (options.multipleChoice) return extractChoice(text, found);
  return found ?? extractLastValue(text);
}

/**
 * The last `\boxed`/`\fbox` with non-empty content, together with the boxes just before it that
 * only separators divide from it (`\boxed{1}, \boxed{2}` is the answer `1, 2`); null when none.
 */
export function extractBoxed(text: string): ExtractedAnswer | null {
  const starts = [...text.matchAll(BOX_COMMAND)].map((m) => ({
    command: m.index,
    content: m.index + m[0].length,
  }));
  // The last complete box wins; an earlier one is used only when the last is cut off (truncated output).
  for (let i = starts.length - 1; i >= 0; i--) {
    const span = boxContent(text, starts[i]?.content ?? 0);
    if (!span) continue;
    const group = [trimAnswerDelimiters(text, span)];
    for (let j = i - 1; j >= 0; j--) {
      const previous = boxContent(text, starts[j]?.content ?? 0);
      const between = previous && text.slice(afterBox(text, previous), starts[j + 1]?.command ?? 0);
      if (!previous || between === null || !(BOX_SEPARATOR.test(between) || PARALLEL_STATEMENT.test(between)))
        break;
      group.unshift(trimAnswerDelimiters(text, previous));
    }
    if (group.length === 1) return spanAnswer(text, group[0] ?? span, "boxed");
    const answer = group.map((s) => text.slice(s.start, s.end)).join(", ");
    return { answer, start: group[0]?.start ?? 0, end: group[group.length - 1]?.end ?? 0, method: "boxed" };
  }
  return null;
}

/** The end of a box: after its closing brace. */
function afterBox(text: string, content: Span): number {
  return text[content.end] === "}" ? content.end + 1 : content.end;
}

/** What may stand between the boxes of one list answer: `, `, "and", `\quad`, `x =`, `$`, `\\`. */
const BOX_SEPARATOR =
  /^(?:[\s,;$&]|\\[,;:! ]|\\q?quad\b|\\\\|\\text\{[\s,]*(?:and|or)?[\s,]*\}|\b(?:and|or)\b|[a-zA-Z](?:_\{?\w+\}?)?\s*=)*$/;

/**
 * "The length is $\boxed{3}$ cm and the width is $\boxed{5}$ cm": within one sentence, a box
 * followed by "and"/"," and another statement ending in "is"/"are"/"=" before the next box
 * answers the same question in parts. ("\boxed{1} then we check and get \boxed{2}" is a
 * correction: no "is" before the last box, so only the last counts.)
 */
const PARALLEL_STATEMENT =
  /^[^.\n]{0,80}?(?:,|\band\b)[^.\n]{0,80}?(?:\s(?:is|are|equals)|=)\s*(?:\$|\\\(|\\\[)?\s*$/;

/** The content after `\boxed`: a brace group, or a single token for `\boxed 5`. */
function boxContent(text: string, afterCommand: number): Span | null {
  let i = afterCommand;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  if (text[i] === "{") {
    const end = braceGroupEnd(text, i);
    if (end < 0) return null;
    return nonEmpty(text, { start: i + 1, end: end - 1 });
  }
  if (i === afterCommand) return null; // `\boxedx` is another command; `\boxed 5` needs the space
  const token = /^[^\s$]+/.exec(text.slice(i));
  return token ? nonEmpty(text, { start: i, end: i + token[0].length }) : null;
}

const ANSWER_PHRASE = /(?:final answer|\banswers?)\s*(?:is|are|:)\s*:?|####/gi;

/** The value stated by the sentence after the last answer phrase. */
function extractAnswerPhrase(text: string): ExtractedAnswer | null {
  const last = [...text.matchAll(ANSWER_PHRASE)].pop();
  if (!last) return null;
  const start = last.index + last[0].length;
  const sentence = { start, end: sentenceEnd(text, start) };
  const span = trimAnswerDelimiters(text, sentence);
  const answer = text.slice(span.start, span.end);
  // "the final answer is \boxed{}" (a prompt echoed back) names no answer.
  if (!answer || /^\\(?:boxed|fbox)\s*\{\s*\}$/.test(answer)) return null;
  return spanAnswer(text, valueOfSentence(text, sentence), "answer-phrase");
}

/**
 * "The area of $PQRS$ is 48" → `48`; "$(4, -1)$" → `(4, -1)`; "$1$ and $2$" → all of it;
 * "48 km/h" → `48`; a sentence without math or numbers ("north") as it is.
 */
function valueOfSentence(text: string, sentence: Span): Span {
  const spans = mathSpans(text);
  const span = afterLastVerb(text, sentence, spans);
  const inside = spans.filter((s) => s.outer.start >= span.start && s.outer.end <= span.end);
  if (inside.length > 0 && onlyConnectorsBetween(text, spans, span)) {
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (first && last && inside.length === 1) return trimAnswerDelimiters(text, first.inner);
    if (first && last) return { start: first.outer.start, end: last.outer.end };
  }
  const value = lastValue(text, span, spans);
  if (value && (inside.length > 0 || isProse(text.slice(span.start, span.end), 1))) return value;
  return trimAnswerDelimiters(text, span);
}

/** The later of the last math span and the last number outside math spans. */
function lastValue(text: string, span: Span, spans: MathSpan[]): Span | null {
  const math = spans.filter(
    (s) =>
      s.outer.start >= span.start &&
      s.outer.end <= span.end &&
      /[\w\\]/.test(text.slice(s.inner.start, s.inner.end)),
  );
  const lastMath = math[math.length - 1];
  const number = lastBareNumber(text, span, spans);
  if (lastMath && (!number || number.start < lastMath.outer.start))
    return trimAnswerDelimiters(text, lastMath.inner);
  return number;
}

/** End of the answer sentence: a newline, or a full stop followed by a space or the end. */
function sentenceEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const newline = rest.search(/\n\s*\n|\n(?![^\n]*\\\])/);
  const stop = rest.search(/\.(?=\s|$)(?<!\d\.(?=\d))/);
  const ends = [newline, stop].filter((n) => n >= 0);
  return from + (ends.length ? Math.min(...ends) : rest.length);
}

/** No box and no answer phrase: the last math span or the last number, whichever comes later. */
function extractLastValue(text: string): ExtractedAnswer | null {
  const spans = mathSpans(text);
  const whole = { start: 0, end: text.length };
  // `$x=2$ or $x=3$`: math spans joined only by words like "or" are one answer.
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first && last && spans.length > 1 && onlyConnectorsBetween(text, spans, whole))
    return spanAnswer(text, { start: first.outer.start, end: last.outer.end }, "math-span");
  const stated = statedSpans(text, spans);
  if (stated) return spanAnswer(text, stated, "math-span");
  const value = lastValue(text, whole, spans);
  if (!value) return null;
  const inMath = spans.some((s) => s.inner.start <= value.start && value.end <= s.inner.end);
  return spanAnswer(text, value, inMath ? "math-span" : "last-number");
}

/**
 * "The solutions are $x = 1$ and $x = 2$.": the math spans after the last sentence's verb, joined
 * only by connectors, are one answer (as after an answer phrase).
 */
function statedSpans(text: string, spans: MathSpan[]): Span | null {
  const last = spans[spans.length - 1];
  if (!last || spans.length < 2) return null;
  let start = 0;
  for (const m of text.slice(0, last.outer.start).matchAll(/[.!?]\s|\n/g)) {
    const at = m.index;
    if (!spans.some((s) => s.outer.start <= at && at < s.outer.end)) start = at + m[0].length;
  }
  const tail = afterLastVerb(text, { start, end: text.length }, spans);
  const inside = spans.filter((s) => s.outer.start >= tail.start);
  const first = inside[0];
  if (tail.start === start || inside.length < 2 || !first || !onlyConnectorsBetween(text, spans, tail))
    return null;
  return { start: first.outer.start, end: last.outer.end };
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
function trimAnswerDelimiters(text: string, span: Span): Span {
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
