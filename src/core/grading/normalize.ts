/**
 * String normalisation of an answer (backend-protocol §4): turns the many spellings of one answer
 * into one, before any parsing. Pure string rewriting, linear in the input, never slow.
 */
import { undoubleBackslashes } from "./answerText";
import { matchingBrace } from "./extract";
import { separatorWords, spokenForms } from "./spellings";
import { replaceWordNumbers } from "./wordNumbers";

/** Longer answers are compared as they are: normalising pages of text helps nobody. */
const MAX_NORMALIZED_LENGTH = 4000;

export interface NormalizeOptions {
  /** Keep `y=` in `y=2x+3`: needed when the other answer is an equation. */
  keepVariablePrefix?: boolean;
}

export function normalizeAnswer(s: string, options: NormalizeOptions = {}): string {
  if (s.length > MAX_NORMALIZED_LENGTH) return s.trim();
  let t = replaceWordNumbers(unicodeToLatex(undoubleBackslashes(s)).trim());
  t = stripDelimiters(t);
  t = unwrapWholeBox(t);
  t = rewriteCommands(t);
  t = spokenForms(t);
  t = dropUnitsAndDecorations(t);
  t = fixMalformedArguments(t);
  t = separatorWords(t);
  t = removeSpaces(t);
  t = numberSpellings(t);
  if (!options.keepVariablePrefix) t = stripVariablePrefix(t);
  t = dropApproximation(t);
  return stripTrailingPunctuation(t);
}

const UNICODE: [RegExp, string][] = [
  [/[−–—]/g, "-"],
  [/×/g, "\\times "],
  [/[·⋅]/g, "\\cdot "],
  [/÷/g, "\\div "],
  [/√/g, "\\sqrt "],
  [/π/g, "\\pi "],
  [/∞/g, "\\infty "],
  [/≤/g, "\\leq "],
  [/≥/g, "\\geq "],
  [/≠/g, "\\neq "],
  [/∪/g, "\\cup "],
  [/∩/g, "\\cap "],
  [/°/g, "^\\circ "],
  [/\u00a0/g, " "],
];

function unicodeToLatex(s: string): string {
  if (!/[^ -~\t\n\r]/.test(s)) return s; // most answers are printable ASCII: skip the table
  return UNICODE.reduce((t, [from, to]) => t.replace(from, to), s);
}

/** `$…$`, `\(…\)`, `\[…\]`, and a trailing full stop outside them. */
function stripDelimiters(s: string): string {
  let t = s.trim().replace(/\.$/, "").trim();
  t = t
    .replace(/\\\$/g, "")
    .replace(/^\\\(|\\\)$/g, "")
    .replace(/^\\\[|\\\]$/g, "");
  return t.replace(/\$/g, "").trim();
}

/** An answer given as `\boxed{…}` (or `\fbox`) as a whole is the content. */
function unwrapWholeBox(s: string): string {
  const m = /^\\(?:boxed|fbox)\s*\{/.exec(s);
  if (!m) return s;
  const close = matchingBrace(s, m[0].length - 1);
  return close === s.length - 1 ? stripDelimiters(s.slice(m[0].length, close)) : s;
}

const COMMAND_REWRITES: [RegExp, string][] = [
  [/\\[dtc]frac(?![a-zA-Z])/g, "\\frac"],
  [/\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])\s*(\\?[()[\]{}|.]|\\[lr]?[vV]ert|\\[lr]angle)?/g, "$1"],
  [/\\[lr]vert/g, "|"],
  [/\\[lr]Vert/g, "\\|"],
  [/\\lbrace/g, "\\{"],
  [/\\rbrace/g, "\\}"],
  [/\\displaystyle|\\limits|\\nolimits/g, ""],
  [/(?<!\\)\\[!,;:> ]|~/g, " "],
  // `5 \quad \text{cm}` is spacing before a unit; between values `\quad` separates answers.
  [/\\q?quad(?=\s*\\(?:text|mathrm)\s*\{[^{}]*\}\s*$)/g, " "],
  [/\\q?quad(?![a-zA-Z])/g, " \\quad "],
  [/!=/g, "\\neq "],
  [/\\(?:leqslant|le)(?![a-zA-Z])/g, "\\leq"],
  [/\\(?:geqslant|ge)(?![a-zA-Z])/g, "\\geq"],
  [/\\ne(?![a-zA-Z])/g, "\\neq"],
  [/\\lt(?![a-zA-Z])/g, "<"],
  [/\\gt(?![a-zA-Z])/g, ">"],
  [/<=/g, "\\leq "],
  [/>=/g, "\\geq "],
  // `\mathrm{e}` and `\mathrm{i}` are the constants, not a unit after a number.
  [/\\(?:mathrm|mathit|text|operatorname)\s*\{\s*([ei])\s*\}/g, "$1"],
  [/\\(?:operatorname|mathrm|mathit|mathbf|textbf|textit|textnormal)\s*\{\s*([a-zA-Z]+)\s*\}/g, "\\text{$1}"],
  [/\\langle(?![a-zA-Z])/g, "("],
  [/\\rangle(?![a-zA-Z])/g, ")"],
  [/\\mbox\s*\{/g, "\\text{"],
  [/\\(?:inf|infin|infinity)(?![a-zA-Z])/g, "\\infty"],
  [/\binfinity\b|\binf\b|\boo\b/gi, "\\infty"],
  [/\\emptyset|\\varnothing|\\\{\s*\\\}/g, "\\emptyset"],
  [/\\dots|\\ldots|\\cdots/g, "\\ldots"],
];

function rewriteCommands(s: string): string {
  if (!/[\\<>!~a-z]/.test(s)) return s; // plain numbers: nothing to rewrite
  return COMMAND_REWRITES.reduce((t, [from, to]) => t.replace(from, to), s);
}

/** Unit words that may follow a number and carry no mathematical content. */
const UNIT_WORDS = [
  "square",
  "sq",
  "cubic",
  "units?",
  "unit",
  "cm",
  "mm",
  "km",
  "m",
  "meters?",
  "metres?",
  "centimeters?",
  "kilometers?",
  "inch(?:es)?",
  "in",
  "feet",
  "foot",
  "ft",
  "yards?",
  "miles?",
  "mph",
  "dollars?",
  "cents?",
  "degrees?",
  "deg",
  "radians?",
  "rad",
  "seconds?",
  "minutes?",
  "hours?",
  "days?",
  "weeks?",
  "years?",
  "kg",
  "g",
  "grams?",
  "pounds?",
  "lbs?",
  "liters?",
  "litres?",
  "ml",
  "people",
  "students?",
  "ways",
  "times",
  "points?",
  "percent",
];
const UNIT_TAIL = new RegExp(
  `(?<=[\\d}.])\\s*(?:\\\\text\\{\\s*)?(?:(?:${UNIT_WORDS.join("|")})(?:\\^?\\{?[23]\\}?)?\\s*)+\\}?(?:\\^\\{?[23]\\}?)?$`,
  "i",
);

/** Degrees, percent signs, `\text{units}`, and `\text{…}` wrappers around plain content. */
function dropUnitsAndDecorations(s: string): string {
  let t = s.replace(/\^\s*\{?\s*\\circ\s*\}?|\\circ|\\degree/g, "");
  t = t.replace(/\\%|%/g, "\\%");
  t = t.replace(/\s*\\text\{\s*percent\s*\}|\s+percent$/gi, "\\%");
  // A `\text{…}` after a value (`5\text{ cm}`, `3\text{ apples}`) names a unit: the value is the answer.
  t = t.replace(/(?<=[\d}])\s*\\text\{\s*[a-zA-Z][a-zA-Z\s./]*\}(?:\^\{?[23]\}?)?\s*$/, "");
  t = t.replace(UNIT_TAIL, "");
  // Any other word or words after a number and a space (`4.03188 amu`, `5 apples`) name a unit.
  t = t.replace(/(?<=\d)\s+[a-zA-Z]{2,}(?:[\s./-]+[a-zA-Z]+)*\.?$/, "");
  // Remaining `\text{…}` wrappers (`\text{(C)}`, `\text{Monday}`) keep their content.
  t = t.replace(/\\text\s*\{([^{}]*)\}/g, "$1");
  return t.trim();
}

/** `\frac12`→`\frac{1}{2}`, `\frac1b`, `\sqrt3`→`\sqrt{3}`, `\frac{1}2`. */
function fixMalformedArguments(s: string): string {
  if (!s.includes("\\sqrt") && !s.includes("\\frac")) return s;
  let t = s.replace(/\\sqrt\s*(\d|[a-zA-Z](?![a-zA-Z]))/g, "\\sqrt{$1}");
  t = t.replace(/\\frac\s*([0-9a-zA-Z])\s*([0-9a-zA-Z])/g, "\\frac{$1}{$2}");
  t = t.replace(/\\frac\s*([0-9a-zA-Z])\s*\{/g, "\\frac{$1}{");
  t = t.replace(/\\frac\s*(\{[^{}]*\})\s*([0-9a-zA-Z])/g, "\\frac$1{$2}");
  return t;
}

/** Removes spaces, except the one that ends a command name before a letter (`\pi r`). */
function removeSpaces(s: string): string {
  return s.replace(
    /(\\[a-zA-Z]+)?\s+/g,
    (_all, command: string | undefined, offset: number, whole: string) => {
      if (!command) return "";
      const next = whole[offset + _all.length] ?? "";
      return /[a-zA-Z]/.test(next) ? `${command} ` : command;
    },
  );
}

/** Thousands separators, `{,}` groups, leading-dot decimals. */
function numberSpellings(s: string): string {
  let t = s.replace(/\{,\}/g, ",");
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  t = t.replace(/(?<![\d.])\.(\d)/g, "0.$1");
  return t;
}

/** `x=3`, `k = 2`, `a_1=5` → the value; equations with anything more on the left stay equations. */
function stripVariablePrefix(s: string): string {
  const m =
    /^(?:[a-zA-Z](?:_\{?[a-zA-Z0-9]+\}?)?|\\[a-zA-Z]+)(?:=|\\approx|\\in(?![a-zA-Z]))(?!.*[=<>]|.*\\[lg]eq)/.exec(
      s,
    );
  return m && !/^\\(?:frac|sqrt)/.test(m[0]) ? s.slice(m[0].length) : s;
}

/** `\frac{\sqrt3}{3}\approx0.577`: the exact value before `\approx` is the answer. */
function dropApproximation(s: string): string {
  const i = s.indexOf("\\approx");
  return i > 0 ? s.slice(0, i) : s;
}

/** Trailing punctuation and stray backslashes (`185\`). */
function stripTrailingPunctuation(s: string): string {
  return s.replace(/(?:[.,;]|\\+)+$/, "");
}
