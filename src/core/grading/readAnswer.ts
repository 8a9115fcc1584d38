/**
 * Gold and prediction are read the same way (gold first, then prediction): a bare answer is used
 * as it is; an answer written as text (`$9$`, "Answer: $9$", "The speed is $\boxed{48}$.", a
 * sentence with one number) goes through the extraction priority of `extractAnswer`.
 */
import { afterLastVerb, isProse, mathSpans, undoubleBackslashes } from "./answerText";
import { extractAnswer } from "./extract";

/** Cheap test first: most answers are bare and must stay fast (≥ 20,000 pairs/s). */
const MAYBE_TEXT = /[$<#]|\\\(|\\\[|\\boxed|\\fbox|answer|(?<![\\a-zA-Z])[a-zA-Z]{3}/i;
const ANSWER_WORDS = /\\boxed|\\fbox|answers?\s*(?:is|are|:)|####|<\||<\/s>/i;

export function readAnswer(raw: string): string {
  let s = undoubleBackslashes(raw);
  // A boxed or stated answer may itself be a sentence ("\boxed{350,000 pages}"): read it again.
  for (let i = 0; i < 3; i++) {
    const next = readOnce(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

function readOnce(s: string): string {
  if (!MAYBE_TEXT.test(s)) return s;
  // "Yes, it is possible." answers a yes/no question with its first word (a comma, not a full
  // stop: "No. It is not closed under addition." is a whole answer, compared as text).
  const yesNo = YES_NO.exec(s);
  if (yesNo?.[1]) return yesNo[1];
  if (ANSWER_WORDS.test(s) || hasInnerMath(s)) return extractAnswer(s)?.answer ?? s;
  if (!isProse(withoutUnitText(s), 1)) return s;
  return /\d/.test(s) ? valueOfProse(s) : (statedWord(s) ?? lastWordOfSentence(s) ?? s);
}

/**
 * "The series diverges.": a short sentence with a subject ("The …", "It …", "Therefore …") and
 * no negation answers with its last word. Phrases without a subject ("all real numbers", "no
 * solution", "Quadrant I") are answers as they stand.
 */
function lastWordOfSentence(s: string): string | null {
  const m = SHORT_SENTENCE.exec(s.trim());
  if (!m?.[1] || NEGATION.test(s)) return null;
  return m[1];
}

const SHORT_SENTENCE =
  /^(?:so,?\s+|thus,?\s+|hence,?\s+|therefore,?\s+)?(?:the|it|this|that|they|these|each)\s+(?:[a-zA-Z]+\s+){0,4}([a-zA-Z]{3,})\s*[.!]?$/i;
const NEGATION = /\b(?:not|no|never|nor|neither|cannot)\b|n't/i;

/** "The correct option is B.", "The function is even.": one word after the verb is the answer. */
function statedWord(s: string): string | null {
  const span = afterLastVerb(s, { start: 0, end: s.length }, []);
  if (span.start === 0) return null;
  const rest = s
    .slice(span.start)
    .replace(/[.!]\s*$/, "")
    .trim();
  return /^\S{1,20}$/.test(rest) ? rest : null;
}

const YES_NO = /^\s*(yes|no),\s+[a-z]/i;

/** "The speed is 48" → `48`; "2\sqrt{3} square units" → `2\sqrt{3}`; else the last value. */
function valueOfProse(s: string): string {
  const span = afterLastVerb(s, { start: 0, end: s.length }, []);
  const rest = withoutTrailingWords(s.slice(span.start));
  if (rest.trim() && !isProse(rest, 1)) return rest;
  return extractAnswer(rest)?.answer ?? s;
}

/** One trailing word or `\text{…}` (a regex for a whole run of them would backtrack badly). */
const TRAILING_WORD = /\s*(?:\\text\s*\{[^{}]*\}|(?<![\\a-zA-Z])[a-zA-Z][a-zA-Z./]+)\s*\.?\s*$/;

function withoutTrailingWords(s: string): string {
  let t = s;
  for (let i = 0; i < 30; i++) {
    const next = t.replace(TRAILING_WORD, "");
    if (next === t) break;
    t = next;
  }
  return t;
}

/** Math delimiters that do not simply wrap the whole answer (`$…$` alone is left to normalisation). */
function hasInnerMath(s: string): boolean {
  return /\$|\\\(|\\\[/.test(s) && mathSpans(s).length > 0 && !isWholeMath(s);
}

/** `$…$` around the whole answer is removed by normalisation anyway. */
function isWholeMath(s: string): boolean {
  const t = s.trim().replace(/\.$/, "");
  const m = /^(\$\$?|\\\(|\\\[)([^$]*?)(\$\$?|\\\)|\\\])$/.exec(t);
  return !!m && !/\$|\\\(|\\\[|\\\)|\\\]/.test(m[2] ?? "");
}

/** Words inside `\text{…}` after a value are units (`5\text{ apples}`), not prose. */
function withoutUnitText(s: string): string {
  return s.replace(/\\text\s*\{[^{}]*\}\s*$/, "");
}
