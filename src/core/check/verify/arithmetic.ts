/**
 * A problem that asks for the value of a constant expression: the claimed value is compared with
 * the expression by the grading engine (exact rationals, radicals, and its CAS for sums and the
 * like), or, without one, by the check parser's floating-point value.
 */
import { parseFormula } from "../math/parse";
import type { SymbolicResult } from "../types";
import type { Equivalence } from "./equivalence";
import { agree, show, unknowns, valueAt } from "./points";

const ASKS_FOR_VALUE =
  /\b(?:compute|evaluate|calculate|what is|what's|find|simplify|value|how (?:many|much))\b/i;

/**
 * The constant expression the problem asks about, or null. Values the problem gives
 * ("$x=-\\frac23 \\qquad y=\\frac57$ … What is $\\frac{xy}{z}$?") are substituted first.
 */
export interface ConstantExpression {
  /** What is evaluated: the asked formula with the given values substituted. */
  expression: string;
  /** How the reason names it: the formula as asked, and the values used. */
  label: string;
}

export function constantExpression(problem: string, formulas: readonly string[]): ConstantExpression | null {
  if (!ASKS_FOR_VALUE.test(problem)) return null;
  const given = givenValues(formulas);
  for (const formula of [...formulas].reverse()) {
    const asked = formula.replace(/=\s*(?:\?|\\,?\s*\?|\\underline\{[^{}]*\}|_+)?\s*$/, "").trim();
    const expression = substitute(asked, given);
    if (!/[-+*/^!]|\\(?:frac|sqrt|cdot|times|div|binom|sum|prod)/.test(expression)) continue;
    // `\sum_{n=1}^{10} n`: the index is bound, not an unknown.
    const indices = [...expression.matchAll(/\\(?:sum|prod)_\{\s*([a-zA-Z])\s*=/g)].map((m) => m[1] ?? "");
    const free = expression.replace(/_\{\s*[a-zA-Z]\s*=[^{}]*\}/g, "");
    if (free.includes("=")) continue;
    const letters = free.replace(/\\[a-zA-Z]+/g, "").replace(/\b(?:d|e)\b/g, "");
    if ([...letters.matchAll(/[a-zA-Z]/g)].some((m) => !indices.includes(m[0]))) continue;
    // A fragment such as `^2` (from "in$^2$") is not an expression; only the engine's CAS reads sums.
    if (!parseFormula(expression) && !/\\(?:sum|prod)/.test(expression)) continue;
    const used = [...given].filter(([name]) => lettersOf(asked).has(name));
    const values = used.map(([name, value]) => `${name} = ${value}`).join(", ");
    return { expression, label: values === "" ? asked : `${asked} with ${values}` };
  }
  return null;
}

/** `x = -\\frac{2}{3}` pieces of the problem's formulas: single letters given constant values. */
function givenValues(formulas: readonly string[]): Map<string, string> {
  const given = new Map<string, string>();
  for (const formula of formulas) {
    for (const piece of formula.split(/\\q?quad|\\text\{\s*and\s*\}|[,;]/)) {
      const m = /^\s*([a-zA-Z])\s*=\s*([^=]+?)\s*\.?\s*$/.exec(piece);
      const value = m?.[2] ? parseFormula(m[2]) : null;
      if (m?.[1] && value && unknowns(value).length === 0) given.set(m[1], m[2] ?? "");
    }
  }
  return given;
}

/** The single letters of a formula, not counting those of command names (`\\frac`). */
function lettersOf(formula: string): Set<string> {
  return new Set(formula.replace(/\\[a-zA-Z]+/g, " ").match(/[a-zA-Z]/g) ?? []);
}

/** Each given letter (not part of a command name) becomes its value in parentheses. */
function substitute(expression: string, given: ReadonlyMap<string, string>): string {
  if (given.size === 0) return expression;
  return expression.replace(
    /(\\[a-zA-Z]+)|([a-zA-Z])/g,
    (whole, command: string | undefined, letter: string | undefined) =>
      command === undefined && letter !== undefined && given.has(letter)
        ? `\\left(${given.get(letter) ?? ""}\\right)`
        : whole,
  );
}

export async function checkArithmetic(
  { expression, label }: ConstantExpression,
  claimed: string,
  equivalence: Equivalence | undefined,
): Promise<SymbolicResult> {
  if (/[a-zA-Z]{3,}/.test(claimed.replace(/\\[a-zA-Z]+/g, ""))) {
    return verdict("unchecked", "the answer is words, not a value the checker compares");
  }
  const own = parseFormula(expression);
  const value = own && unknowns(own).length === 0 ? valueAt(own, new Map()) : null;
  if (equivalence) {
    const result = await equivalence.isEquivalent(expression, claimed);
    const equals = value === null ? label : `${label} = ${show(value)}`;
    const engine = `(grading engine: ${result.reason})`;
    if (result.verdict === "equal") return verdict("verified", `${equals}, as claimed ${engine}`);
    if (result.verdict === "not-equal") {
      return verdict(
        "refuted",
        value === null ? `${label} ≠ ${claimed} ${engine}` : `${equals}, not ${claimed} ${engine}`,
      );
    }
  }
  const answer = parseFormula(claimed);
  const claimedValue = answer && unknowns(answer).length === 0 ? valueAt(answer, new Map()) : null;
  if (value === null || claimedValue === null)
    return verdict("unchecked", "the expression or the answer is not a number the checker reads");
  return agree(value, claimedValue, 1e-9)
    ? verdict("verified", `${label} = ${show(value)}, as claimed`)
    : verdict("refuted", `${label} = ${show(value)}, not ${show(claimedValue)}`);
}

function verdict(v: SymbolicResult["verdict"], reason: string): SymbolicResult {
  return { verdict: v, reason, strategy: "arithmetic" };
}
