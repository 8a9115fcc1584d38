/**
 * Comparing two normalised scalar answers without a CAS: text, then numbers (exact rationals,
 * radicals, tolerance for decimals), percentages. Anything with free variables needs symbolic work.
 */
import { evaluate } from "./evaluate";
import { containsDecimal, freeSymbols, type Expr } from "./expr";
import { compareConstants, isClose, type Constant } from "./numeric";
import { parseLatex } from "./parse";
import { DEFAULT_RELATIVE_TOLERANCE, equal, NEEDS_SYMBOLIC, notEqual, unknown } from "./types";
import type { EquivalenceOptions, GradeResult } from "./types";

const WORDS = /^[a-zA-Z]+(?:\s[a-zA-Z]+)*$/;

export function compareScalarsFast(
  gold: string,
  pred: string,
  options: EquivalenceOptions = {},
): GradeResult {
  if (gold === pred) return equal("same text after normalisation");
  const based = compareBaseNumbers(gold, pred);
  if (based) return based;
  const ratios = ratioForms(gold, pred);
  if (ratios) return compareScalarsFast(ratios[0], ratios[1], options);
  const constants = sameIntegrationConstant(gold, pred);
  if (constants) return compareScalarsFast(gold, constants, options);
  if (
    WORDS.test(gold) &&
    WORDS.test(pred) &&
    (gold.length > 1 || pred.length > 1 || isChoice(gold)) &&
    !isReorderedProduct(gold, pred)
  ) {
    return gold.toLowerCase() === pred.toLowerCase() ? equal("same words") : notEqual("different words");
  }
  const g = percentForms(gold);
  const p = percentForms(pred);
  let verdict: GradeResult | undefined;
  for (const a of g.forms) {
    for (const b of p.forms) {
      const r = compareExpressions(a, b, options);
      if (r.verdict === "equal")
        return g.forms.length + p.forms.length > 2 ? equal(`${r.reason} (as a percentage)`) : r;
      if (!verdict || (verdict.verdict === "not-equal" && r.verdict === "unknown")) verdict = r;
    }
  }
  if (verdict?.verdict === "not-equal") return percentLenient(g.forms[0], p.forms[0], options) ?? verdict;
  return verdict ?? unknown("nothing to compare");
}

/** `ab` and `ba`, `xyz` and `zyx`: short lower-case letter strings with the same letters are products. */
function isReorderedProduct(gold: string, pred: string): boolean {
  if (gold === pred || gold.length > 4 || !/^[a-z]+$/.test(gold + pred)) return false;
  if (ANSWER_WORDS.test(gold) || ANSWER_WORDS.test(pred)) return false;
  return [...gold].sort().join() === [...pred].sort().join();
}

/** Short words that answers use as words (`yes` is not y·e·s). */
const ANSWER_WORDS = /^(?:yes|no|on|odd|even|true|false|none|all|both|not|and|or|max|min|dne)$/;

const TRAILING_CONSTANT = /\+(?:C|c|K|k|C_\{?1\}?)$/;

/**
 * `x^2 + C` against `x^2 + c` or `+ K`: an antiderivative's arbitrary constant may be named
 * either way; the prediction's is renamed to the gold's (returns the renamed prediction).
 */
export function sameIntegrationConstant(gold: string, pred: string): string | undefined {
  const g = TRAILING_CONSTANT.exec(gold)?.[0];
  const p = TRAILING_CONSTANT.exec(pred)?.[0];
  if (!g || !p || g === p || /[CcKk]/.test(pred.slice(0, -p.length).replace(/\\[a-zA-Z]+/g, "")))
    return undefined;
  return pred.slice(0, -p.length) + g;
}

const BASE_NUMBER = /^([0-9][0-9A-Fa-f]*)_(\d+)$/;

/** `1011_2`: the digits in the stated base; without a subscript the same digits are accepted. */
function compareBaseNumbers(gold: string, pred: string): GradeResult | undefined {
  const g = BASE_NUMBER.exec(gold);
  const p = BASE_NUMBER.exec(pred);
  if (!g && !p) return undefined;
  // Both parts must be numbers: `4:30p` is a time written badly, `x:y` needs symbolic work.
  if ([g, p].some((m) => m && (!isNumber(m[1] ?? "") || !isNumber(m[2] ?? "")))) return undefined;
  if (g && p && g[2] !== p[2]) return notEqual("different bases");
  const [a, b] = [g?.[1] ?? gold, p?.[1] ?? pred];
  return a.toUpperCase() === b.toUpperCase()
    ? equal("same digits in the stated base")
    : notEqual("different digits");
}

const RATIO = /^([^:]+):([^:]+)$/;

/**
 * `3:8` is the ratio 3/8: ratios compare as fractions (`3:8` = `6:16`, `1:4` = `\frac14`). Times
 * of day were made `H:MM` by normalisation, so equal times are equal text before this.
 */
function ratioForms(gold: string, pred: string): [string, string] | undefined {
  const g = RATIO.exec(gold);
  const p = RATIO.exec(pred);
  if (!g && !p) return undefined;
  // Both parts must be numbers: `4:30p` is a time written badly, `x:y` needs symbolic work.
  if ([g, p].some((m) => m && (!isNumber(m[1] ?? "") || !isNumber(m[2] ?? "")))) return undefined;
  const asFraction = (m: RegExpExecArray | null, s: string) => (m ? `\\frac{${m[1]}}{${m[2]}}` : s);
  return [asFraction(g, gold), asFraction(p, pred)];
}

function isNumber(s: string): boolean {
  const e = parseCached(s);
  return !!e && freeSymbols(e).size === 0;
}

function isChoice(s: string): boolean {
  return /^[A-E]$/.test(s);
}

/** `10\%` may mean 10 (the percent sign dropped) or 0.1; both readings are accepted. */
function percentForms(s: string): { forms: string[] } {
  const m = /^(.*?)\\%$/.exec(s);
  if (!m?.[1]) return { forms: [s] };
  return { forms: [m[1], `\\frac{${m[1]}}{100}`] };
}

/** The Qwen grader's option: a plain number equal to the gold ×100 or ÷100. */
function percentLenient(
  gold: string | undefined,
  pred: string | undefined,
  options: EquivalenceOptions,
): GradeResult | undefined {
  if (!options.percentLeniency || gold === undefined || pred === undefined) return undefined;
  const a = constantOf(gold);
  const b = constantOf(pred);
  if (!a || !b) return undefined;
  const tolerance = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  const matches = [a.value.x * 100, a.value.x / 100].some((x) => isClose(x, b.value.x, tolerance));
  return matches ? equal("equal with percentage leniency (×100 or ÷100)") : undefined;
}

const parseCache = new Map<string, Expr | null>();

/** Parsing is the costly part of typical pairs; answers repeat a lot (majority vote), so cache. */
export function parseCached(s: string): Expr | null {
  let e = parseCache.get(s);
  if (e === undefined) {
    if (parseCache.size > 5000) parseCache.clear();
    e = parseLatex(s);
    parseCache.set(s, e);
  }
  return e;
}

function constantOf(s: string): Constant | null {
  const e = parseCached(s);
  if (!e || freeSymbols(e).size > 0) return null;
  const value = evaluate(e);
  const overflow = !Number.isFinite(value.x) && !/\\infty/.test(s);
  return { value, approximate: containsDecimal(e), overflow };
}

/** A word of five letters or more (`undefined`, `diverges`) is an answer in words, not a product. */
function isWordAnswer(s: string): boolean {
  return /^[a-zA-Z]{5,}$/.test(s);
}

function compareExpressions(gold: string, pred: string, options: EquivalenceOptions): GradeResult {
  if (gold === pred) return equal("same text after normalisation");
  // `undefined` against `\infty`: a word is not a product of its letters.
  if (isWordAnswer(gold) !== isWordAnswer(pred)) return notEqual("a word against a value");
  const a = parseCached(gold);
  const b = parseCached(pred);
  if (!a || !b) return unparsable(gold, pred);
  if (freeSymbols(a).size > 0 || freeSymbols(b).size > 0) return unknown(NEEDS_SYMBOLIC);
  const ca = constantOf(gold);
  const cb = constantOf(pred);
  if (!ca || !cb) return unknown(NEEDS_SYMBOLIC);
  return compareConstants(ca, cb, options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE);
}

/** Text the fast parser cannot read: LaTeX commands may still mean something to the CAS. */
function unparsable(gold: string, pred: string): GradeResult {
  if (/\\[a-zA-Z]/.test(gold + pred)) return unknown(NEEDS_SYMBOLIC);
  return notEqual("different text (not readable as mathematics)");
}
