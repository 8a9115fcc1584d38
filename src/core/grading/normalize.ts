/**
 * String normalisation of an answer (docs/protocol.md §4): turns the many spellings of one answer
 * into one, before any parsing. Pure string rewriting, linear in the input, never slow.
 */
import { undoubleBackslashes } from "./answerText";
import { braceGroupEnd } from "../util/braces";
import { dropIntegerQualifier } from "./qualifiers";
import { separatorWords, spokenForms } from "./spellings";
import { dropSpacedUnit, dropUnitsAndDecorations } from "./units";
import { replaceWordNumbers } from "./wordNumbers";

/** Longer answers are compared as they are: normalising pages of text helps nobody. */
const MAX_NORMALIZED_LENGTH = 4000;

export interface NormalizeOptions {
  /** Keep `y=` in `y=2x+3`: needed when the other answer is an equation. */
  keepVariablePrefix?: boolean;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function normalizeAnswer(s: string, options: NormalizeOptions = {}): string {
  if (s.length > MAX_NORMALIZED_LENGTH) return s.trim();
  // Plain numbers (most answers) are already in normal form: no rewrite applies to them.
  if (PLAIN_NUMBER.test(s)) return s;
  let t = replaceWordNumbers(unicodeToLatex(undoubleBackslashes(s)).trim());
  t = stripDelimiters(t);
  t = unwrapWholeBox(t);
  t = dropIntegerQualifier(dropSpacedUnit(t));
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

const SUPERSCRIPTS: Record<string, string> = Object.fromEntries(
  [..."⁰¹²³⁴⁵⁶⁷⁸⁹"]
    .map((c, i) => [c, String(i)])
    .concat([
      ["⁻", "-"],
      ["⁺", "+"],
    ]),
);
const VULGAR_FRACTIONS: Record<string, string> = {
  "½": "1}{2",
  "⅓": "1}{3",
  "⅔": "2}{3",
  "¼": "1}{4",
  "¾": "3}{4",
  "⅕": "1}{5",
  "⅖": "2}{5",
  "⅗": "3}{5",
  "⅘": "4}{5",
  "⅙": "1}{6",
  "⅚": "5}{6",
  "⅛": "1}{8",
  "⅜": "3}{8",
  "⅝": "5}{8",
  "⅞": "7}{8",
};

const UNICODE: [RegExp, string | ((match: string) => string)][] = [
  [/[−–—]/g, "-"],
  [/×/g, "\\times "],
  [/[·⋅]/g, "\\cdot "],
  [/÷/g, "\\div "],
  [/√/g, "\\sqrt "],
  [/π/g, "\\pi "],
  [/∞/g, "\\infty "],
  [/≤/g, "\\leq "],
  [/≥/g, "\\geq "],
  [/≈/g, "\\approx "],
  [/[⩽≦]/g, "\\leq "],
  [/[⩾≧]/g, "\\geq "],
  [/…/g, "\\ldots "],
  [/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (run) => `^{${[...run].map((c) => SUPERSCRIPTS[c] ?? c).join("")}}`],
  [/[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]/g, (c) => `\\frac{${VULGAR_FRACTIONS[c] ?? c}}`],
  [/≠/g, "\\neq "],
  [/∪/g, "\\cup "],
  [/∩/g, "\\cap "],
  [/°/g, "^\\circ "],
  [/\u00a0/g, " "],
];

function unicodeToLatex(s: string): string {
  if (!/[^ -~\t\n\r]/.test(s)) return s; // most answers are printable ASCII: skip the table
  return UNICODE.reduce((t, [from, to]) => t.replace(from, to as string), s);
}

/** `$…$`, `\(…\)`, `\[…\]`, and a trailing full stop outside them. */
function stripDelimiters(s: string): string {
  // Markdown bold or italics around the whole answer (`**5**`) is emphasis, not content.
  let t = s
    .trim()
    .replace(/^(\*\*|__)(.+)\1$/, "$2")
    .replace(/\.$/, "")
    .trim();
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
  const end = braceGroupEnd(s, m[0].length - 1);
  return end === s.length ? stripDelimiters(s.slice(m[0].length, end - 1)) : s;
}

const COMMAND_REWRITES: [RegExp, string][] = [
  [/\\[dtc]frac(?![a-zA-Z])/g, "\\frac"],
  // `\left.` and `\right.` are invisible delimiters: nothing of them is kept.
  [
    /\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])\s*(?:\.|(\\?[()[\]{}|]|\\[lr]?[vV]ert|\\[lr]angle))?/g,
    "$1",
  ],
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
  // Unit vectors in any typeface (`\mathbf{i}`, `\vec{j}`, `\hat k`) are one symbol, read by shapes.
  [/\\(?:mathbf|boldsymbol|bm|vec|hat)\s*\{?\s*([ijk])\s*\}?(?![a-zA-Z])/g, "\\hat{$1}"],
  // `\mathrm{e}` and `\mathrm{i}` are the constants, not a unit after a number.
  [/\\(?:mathrm|mathit|text|operatorname)\s*\{\s*([ei])\s*\}/g, "$1"],
  [/\\operatorname\s*\{\s*(gcd|lcm)\s*\}/g, "\\$1"],
  [/\\(?:operatorname|mathrm|mathit|mathbf|textbf|textit|textnormal)\s*\{\s*([a-zA-Z]+)\s*\}/g, "\\text{$1}"],
  // A unit in a font command (`\mathrm{m/s^2}`, `\mathrm{~cm}^{2}`) is a unit text like `\text{cm}`.
  [
    /\\(?:mathrm|mathit|textnormal|textrm)\s*\{(\s*~?\s*[a-zA-Z](?:[a-zA-Z\s./^\d~-]|\{[^{}]*\})*)\}/g,
    "\\text{$1}",
  ],
  // Bold, italic and roman fonts change how a value looks, not what it is: `\mathbf{5}`, `\textbf{(B)}`.
  [
    /\\(?:mathbf|textbf|mathrm|mathit|textit|textnormal|textrm|boldsymbol|bm|mathsf|textsf|mathtt|texttt|emph|textup)\s*\{([^{}]*)\}/g,
    "$1",
  ],
  [/\\minus(?![a-zA-Z])/g, "-"],
  [/\{\s*([^{}]+?)\s*\\choose\s*([^{}]+?)\s*\}/g, "\\binom{$1}{$2}"],
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
  // `.5` is 0.5, but not after a letter: `A.12` is a choice letter and its option.
  t = t.replace(/(?<![\w.}])\.(\d)/g, "0.$1");
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
  if (i === 0) return s.slice("\\approx".length); // `\approx 3.14159`: only the approximation is given
  return i > 0 ? s.slice(0, i) : s;
}

/** Trailing punctuation and stray backslashes (`185\`). */
function stripTrailingPunctuation(s: string): string {
  return s.replace(/(?:[.,;]|\\+)+$/, "");
}
