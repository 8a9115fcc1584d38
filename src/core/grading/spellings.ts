/**
 * Spellings of numbers and lists that need the spaces still in the answer (so they run before
 * spaces are removed): clock times, percent words, scientific notation, degrees inside trig
 * functions, mixed numbers, base subscripts, and the words and `\quad` that join several answers.
 */

const TRIG = /\\(?:sin|cos|tan|sec|csc|cot)(?![a-zA-Z])/;
const DEGREES = /(\d+(?:\.\d+)?)\s*\^\s*\{?\s*\\circ\s*\}?/g;
const TEXT_WRAPPED = /^\\(?:text|mathrm|textrm)\s*\{([^{}]*)\}$/;
const CLOCK_12H = /^(\d{1,2}):(\d{2})\s*(?:\\text\s*\{\s*)?([ap])\.?\s*m\.?\s*\}?$/i;

/** Rewrites whose meaning depends on the whole answer or on spaces. */
export function spokenForms(s: string): string {
  if (ELLIPSIS.test(s)) s = decimalsWithEllipsis(s);
  // Plain numbers and fractions (most answers) have none of these spellings.
  if (/^[-\d.,/{}]*$/.test(s)) return s;
  let t = clockTime(wholeAnswerWords(s));
  t = plainTextMath(t);
  t = repeatingDecimals(t);
  t = t.replace(/(?<=\d)\s*(?:\\text\s*\{\s*)?(?:pct|percentage|per\s*cent)\.?\s*\}?$/i, "\\%");
  // `2 million`, `1.5 billion`: a scale word multiplies the number before it.
  t = t.replace(
    SCALED_NUMBER,
    (_all, n: string, word: string) => `${n}\\times10^{${SCALE_POWERS[word.toLowerCase()] ?? 0}}`,
  );
  // `3.0 x 10^8`: a plain-text times sign between a number and a power of ten.
  t = t.replace(/(?<=\d)\s*[xX]\s*(?=10\s*\^)/g, "\\times ");
  // `2.7778e-6`, `9e11` (a value written by a program): a power of ten, not Euler's e.
  t = t.replace(/(?<![\w.^\\])(\d+(?:\.\d+)?)[eE]([-+]?\d+)(?![\w.])/g, "$1\\times10^{$2}");
  // Inside trigonometric functions degrees are a unit of angle: `\cos(90^\circ-x)` = `\sin x`.
  if (TRIG.test(t)) t = t.replace(DEGREES, "(\\frac{$1}{180}\\pi)");
  // `2 1/4` is two and a quarter (a proper fraction after a whole number), not 21/4.
  t = t.replace(/(?<![\d.,/])(\d+)\s+(\d+)\s*\/\s*(\d+)(?![\d.])/g, (all, w: string, n: string, d: string) =>
    Number(n) < Number(d) ? `${w}\\frac{${n}}{${d}}` : all,
  );
  // `1011_{2}` and `1011_2` are one spelling of a number in base 2.
  return t.replace(/(?<=[0-9A-F])_\{(\d+)\}/g, "_$1");
}

const SCALE_POWERS: Record<string, number> = { thousand: 3, million: 6, billion: 9, trillion: 12 };
const SCALED_NUMBER = /(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)(?![a-zA-Z])/gi;

/** `2:05 p.m.` → `14:05`; `09:05` → `9:05`: one spelling of a time of day. */
function clockTime(s: string): string {
  // `\text{4:30 p.m.}`: gold answers often wrap the whole time in text.
  const m = CLOCK_12H.exec(s.trim().replace(TEXT_WRAPPED, "$1").trim());
  if (m) {
    const hour = (Number(m[1]) % 12) + (m[3]?.toLowerCase() === "p" ? 12 : 0);
    return `${hour}:${m[2]}`;
  }
  return s.replace(/^0(\d):(\d\d)$/, "$1:$2");
}

/**
 * Words and spacing that join several answers: "or" becomes the union marker `\lor`, "and" and
 * `\quad` a comma. Only whole words count: "north" and "random" are words, not unions.
 */
export function separatorWords(s: string): string {
  if (!/or|and|\\quad/.test(s)) return s;
  let t = s.replace(/\s*(?<![a-zA-Z\\])or(?![a-zA-Z])\s*/g, " \\lor ");
  t = t.replace(/\s*(?<![a-zA-Z\\])and(?![a-zA-Z])\s*/g, ",");
  t = t.replace(/(?:\s*\\quad\s*)+/g, ",");
  t = t.replace(/\s*,[\s,]*/g, ",").replace(/,?\s*\\lor\s*,?/g, " \\lor ");
  t = t.replace(/^[\s,]*(?:\\lor\s*)?/, "");
  // The end by hand: a `$`-anchored pattern would be retried at every position of a long text.
  let end = t.length;
  while (end > 0 && /[\s,]/.test(t[end - 1] ?? "")) end--;
  if (t.slice(0, end).endsWith("\\lor")) end -= 4;
  while (end > 0 && /[\s,]/.test(t[end - 1] ?? "")) end--;
  return t.slice(0, end);
}

/** Answers that name a set in words: all real numbers, no solution. */
function wholeAnswerWords(s: string): string {
  if (s.length > 40) return s;
  const t = s
    .trim()
    .replace(/^\\text\s*\{(.*)\}$/, "$1")
    .trim()
    .replace(/\.$/, "");
  if (/^(?:all real numbers|\\mathbb\s*\{?R\}?|\\mathbf\s*\{R\}|\\R|\(-\\infty\s*,\s*\\infty\))$/i.test(t))
    return "(-\\infty,\\infty)";
  if (/^(?:no (?:real )?solutions?|none|no such \w+)$/i.test(t)) return "\\emptyset";
  if (/^(?:DNE|does not exist|doesn't exist)$/i.test(t)) return "DNE";
  return s;
}

/** Programmers' spellings: `x**2`, `sqrt(2)`, `2pi`. */
function plainTextMath(s: string): string {
  if (!/\*\*|sqrt|pi|sin|cos|tan|ln|log|exp|gcd|lcm/.test(s)) return s;
  return s
    .replace(/\*\*/g, "^")
    .replace(/(?<![\\a-zA-Z])sqrt\s*\(([^()]*)\)/g, "\\sqrt{$1}")
    .replace(/(?<![\\a-zA-Z])(sqrt|sin|cos|tan|ln|log|exp|gcd|lcm)(?=\s*\()/g, "\\$1")
    .replace(/(?<![\\a-zA-Z])pi(?![a-zA-Z])/g, "\\pi ");
}

/** `0.\overline{3}` = 1/3, `0.1\overline{6}` = 1/6: a repeating decimal as the fraction it is. */
function repeatingDecimals(s: string): string {
  if (!/\\(?:overline|dot|bar)/.test(s)) return s;
  return s.replace(
    /(\d*)\.(\d*)\\(?:overline|dot|bar)\s*\{?(\d+)\}?/g,
    (_all, w: string, fixed: string, rep: string) => repeatingFraction(w, fixed, rep),
  );
}

function repeatingFraction(whole: string, fixed: string, rep: string): string {
  const shift = 10n ** BigInt(fixed.length);
  const period = 10n ** BigInt(rep.length) - 1n;
  const numerator = (BigInt(whole || "0") * shift + BigInt(fixed || "0")) * period + BigInt(rep);
  return `\\frac{${numerator}}{${shift * period}}`;
}

const ELLIPSIS = /\d(?:\\[lc]?dots|\.{2,3})/;
const LONGEST_PERIOD = 6;

/**
 * `0.333\ldots`, `0.1666...`: digits that visibly repeat before an ellipsis (a block seen at
 * least twice, a single digit at least twice) are that repeating decimal; otherwise the ellipsis
 * only marks a truncated decimal (`3.14159...`), which is compared with the tolerance.
 */
function decimalsWithEllipsis(s: string): string {
  return s.replace(/(\d*)\.(\d+)\s*(?:\\[lc]?dots|\.{2,3})/g, (_all, whole: string, digits: string) => {
    for (let p = 1; p <= LONGEST_PERIOD && 2 * p <= digits.length; p++) {
      if (digits.slice(-p) !== digits.slice(-2 * p, -p)) continue;
      let start = digits.length - 2 * p;
      while (start > 0 && digits[start - 1] === digits[start - 1 + p]) start--;
      return repeatingFraction(whole, digits.slice(0, start), digits.slice(start, start + p));
    }
    return `${whole}.${digits}`;
  });
}
