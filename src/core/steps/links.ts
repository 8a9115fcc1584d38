/**
 * Judging one link `left sign right` of a chain, numerically, with the grading engine's relative
 * tolerance. What a link is decides how it is judged:
 *
 * - both sides constant (after the values the solution established): arithmetic; a side written as
 *   a decimal may be rounded or cut to its digits;
 * - a lone variable and a constant (`x = 5`): a solved form, which must satisfy one of the last
 *   equations in that variable; it then becomes a value used later;
 * - free variables on both sides: an identity (expansion, simplification) when it holds at random
 *   points; where it does not, it is an identity claim only when the author chained it to a named
 *   quantity (`f(x) = (x+1)^2 = x^2 + 1`) or continued a chain (`&= …`) and both sides have the same
 *   variables (different ones mean a substitution, `ad = a \cdot \frac{48}{a}`); otherwise it is an
 *   equation, judged against the previous one (equations.ts);
 * - `\frac{d}{dx}(…) = …`: a derivative, compared with a numeric derivative.
 *
 * Free symbols with no value and nothing to compare with leave a link "unchecked", never "refuted";
 * an identity that fails only at negative points is "unchecked" too (lengths, `\sqrt{x^2} = x`).
 */
import type { Node } from "../check/math/ast";
import { checkDerivative } from "../check/verify/calculus";
import {
  agree,
  MIN_DEFINED,
  samplePoints,
  show,
  unknowns,
  valueAt,
  type Constraint,
} from "../check/verify/points";
import type { Facts } from "./facts";
import { decimalPlaces, forParser, loneVariable, prepareMember, readable, writtenName } from "./formula";
import { parseFormula } from "../check/math/parse";
import type { RelationSign } from "./relations";
import { judgeEquation, judgeSolvedForm } from "./equations";

export type Verdict = "verified" | "refuted" | "unchecked";

export interface LinkCheck {
  /** The relation as written: `17 \times 4 = 78`. */
  link: string;
  verdict: Verdict;
  reason: string;
  counterexample?: Record<string, number>;
}

export interface LinkRole {
  /** Chained to a named quantity or continuing a chain: an identity is claimed when both sides have the same variables. */
  claimsIdentity: boolean;
}

export interface LinkSettings {
  tolerance: number;
  constraints: readonly Constraint[];
  functionNames: ReadonlySet<string>;
}

const D_DX = /^\\[dt]?frac\s*\{\s*(?:\\mathrm\{d\}|d)\s*\}\s*\{\s*(?:\\mathrm\{d\}|d)\s*([a-zA-Z])\s*\}\s*/;

export function judgeLink(
  left: string,
  sign: RelationSign,
  right: string,
  role: LinkRole,
  facts: Facts,
  settings: LinkSettings,
): LinkCheck {
  const result = judgeAsWritten(left, sign, right, role, facts, settings);
  const unitsLeft = prepareMember(left)?.units ?? "";
  const unitsRight = prepareMember(right)?.units ?? "";
  if (result.verdict !== "refuted" || unitsLeft === unitsRight) return result;
  // `20 \text{ dozen} = 20 \times 12`, `\$1.20 = 120 \text{ cents}`: a conversion, not an equality of numbers.
  const shown = (units: string) => (units === "" ? "no unit" : units);
  return {
    link: result.link,
    verdict: "unchecked",
    reason: `the sides are in different units (${shown(unitsLeft)}; ${shown(unitsRight)})`,
  };
}

function judgeAsWritten(
  left: string,
  sign: RelationSign,
  right: string,
  role: LinkRole,
  facts: Facts,
  settings: LinkSettings,
): LinkCheck {
  const link = `${left} ${sign} ${right}`;
  const say = (verdict: Verdict, reason: string, counterexample?: Record<string, number>): LinkCheck => ({
    link,
    verdict,
    reason,
    ...(counterexample
      ? {
          counterexample: Object.fromEntries(
            Object.entries(counterexample).map(([n, v]) => [writtenName(n), v]),
          ),
        }
      : {}),
  });
  const derivative = D_DX.exec(left);
  if (derivative && sign === "=")
    return judgeDerivative(left.slice(derivative[0].length), derivative[1] ?? "x", right, settings, say);
  if (defineFunction(left, right, facts, settings)) return say("unchecked", `defines ${readable(left)}`);
  const l = readMember(left, facts, settings);
  const r = readMember(right, facts, settings);
  if (!l || !r) return say("unchecked", "not a formula the checker reads");
  const names = unknowns(l, r);
  if (names.includes("i")) return say("unchecked", "complex numbers are not checked");
  if (sign !== "=") return judgeComparison(l, sign, r, left, right, names, settings, say);
  const vl = loneVariable(left);
  const vr = loneVariable(right);
  if ((vl === null) !== (vr === null)) {
    const [name, other, otherText] = vl !== null ? [vl, r, right] : [vr ?? "", l, left];
    if (!unknowns(other).includes(name))
      return judgeSolvedForm(name, other, otherText, link, facts, settings, say);
  }
  if (names.length === 0) return judgeConstants(l, r, left, right, new Map(), [], facts, settings, say);
  const identity = identityAt(l, r, names, new Map(), settings);
  if (identity.kind === "holds") return say("verified", `holds at ${identity.points} random points`);
  if (identity.kind === "positive-only")
    return say("unchecked", "holds for positive values only (a stated or implied domain may allow it)");
  const env = facts.env();
  const used = names.filter((n) => env.has(n));
  // A chained member may substitute values found earlier: `A = \frac12 a^2 = \frac12 \cdot 72`.
  // Only a chained member: a standalone equation in x is about x, whatever value x had before.
  const withValues =
    used.length > 0 && role.claimsIdentity
      ? judgeWithValues(l, r, left, right, names, env, used, facts, settings, say)
      : null;
  if (withValues?.verdict === "verified") return withValues;
  if (identity.kind === "fails" && role.claimsIdentity && sameVariables(l, r)) {
    return say(
      "refuted",
      `${readable(left)} = ${readable(right)} is not an identity: at ${pointText(identity.point)} the left side is ${show(identity.left)} but the right side is ${show(identity.right)}`,
      Object.fromEntries(identity.point),
    );
  }
  if (withValues?.verdict === "refuted") return withValues;
  if (identity.kind === "undefined")
    return say("unchecked", "too few random points where both sides are defined");
  // A chained member that is neither an identity nor decided by known values substitutes something
  // the checker has no value for (`= \frac12 (6\sqrt{2})^2`): it is not an equation to solve.
  if (role.claimsIdentity) return say("unchecked", "a substitution of values the checker has not found");
  return judgeEquation({ text: link, left: l, right: r }, names, facts, settings, say);
}

function judgeWithValues(
  l: Node,
  r: Node,
  left: string,
  right: string,
  names: readonly string[],
  env: ReadonlyMap<string, number>,
  used: readonly string[],
  facts: Facts,
  settings: LinkSettings,
  say: Say,
): LinkCheck {
  const free = names.filter((n) => !env.has(n));
  if (free.length === 0) return judgeConstants(l, r, left, right, env, used, facts, settings, say);
  const identity = identityAt(l, r, free, env, settings);
  const givens = used.map((n) => facts.known(n)?.text ?? n).join(", ");
  if (identity.kind === "holds")
    return say("verified", `holds at ${identity.points} random points (with ${givens})`);
  // Some variables still free: the substitution is partial, and a value may belong to another case.
  return say(
    "unchecked",
    identity.kind === "fails" ? `not an identity once ${givens}; not judged further` : "not judged",
  );
}

/** The member's value with the values established so far (not `except`'s), or null when it is not a constant. */
export function constantValue(
  member: string,
  facts: Facts,
  settings: LinkSettings,
  except: string,
): number | null {
  const node = readMember(member, facts, settings);
  if (!node) return null;
  const env = facts.env(except);
  if (unknowns(node).some((n) => !env.has(n))) return null;
  return valueAt(node, env);
}

export type Say = (verdict: Verdict, reason: string, counterexample?: Record<string, number>) => LinkCheck;

/** The member ready to evaluate: defined functions expanded, model habits rewritten, parsed; or null. */
function readMember(member: string, facts: Facts, settings: LinkSettings): Node | null {
  const expanded = facts.expandFunctions(member, settings.functionNames);
  if (expanded === null) return null;
  const text = forParser(expanded);
  return text === null ? null : parseFormula(text);
}

/**
 * `f(x) = x^2 + 3` (a new function, or a new one under an old name: documents reuse f for every
 * exercise), or `f(t) = 0` (one piece of a piecewise definition): a head `f(v)` on a bare variable
 * is never an equation in v. True when the link is such a head (it is then not judged further).
 */
function defineFunction(left: string, right: string, facts: Facts, settings: LinkSettings): boolean {
  const head = /^([a-zA-Z])\s*(?:\\left)?\(\s*([a-z])\s*(?:\\right)?\)$/.exec(left.trim());
  if (!head?.[1] || !head[2] || !settings.functionNames.has(head[1])) return false;
  const mentions = new RegExp(String.raw`(?<![a-zA-Z\\])${head[2]}(?![a-zA-Z])`).test(right);
  if (mentions) facts.define(head[1], { variable: head[2], body: right });
  return true;
}

function judgeDerivative(
  original: string,
  variable: string,
  right: string,
  settings: LinkSettings,
  say: Say,
): LinkCheck {
  const inner = forParser(original);
  const claimed = forParser(right);
  if (inner === null || claimed === null) return say("unchecked", "not a formula the checker reads");
  const result = checkDerivative(inner, variable, claimed, settings.constraints);
  return say(result.verdict, result.reason);
}

function judgeComparison(
  l: Node,
  sign: RelationSign,
  r: Node,
  left: string,
  right: string,
  names: readonly string[],
  settings: LinkSettings,
  say: Say,
): LinkCheck {
  // With variables an inequality states a condition (`t \neq 0`, `x > 0`), whatever value they had before.
  if (names.length > 0) return say("unchecked", "a relation with free variables");
  const env = new Map<string, number>();
  const a = valueAt(l, env);
  const b = valueAt(r, env);
  if (a === null || b === null) return say("unchecked", "a side has no finite value");
  if (sign === "≈") {
    const places = decimalPlaces(right) ?? decimalPlaces(left);
    const close =
      Math.abs(a - b) <=
      Math.max(0.01 * Math.max(Math.abs(a), Math.abs(b)), places === null ? 0 : 10 ** -places);
    return close
      ? say("verified", `${readable(left)} = ${show(a)} ≈ ${show(b)}`)
      : say("unchecked", `an approximation: ${readable(left)} = ${show(a)}; approximations are not refuted`);
  }
  const holds = comparisonHolds(sign, a, b, agree(a, b, settings.tolerance));
  const values = [
    ...(isPlainNumber(left) ? [] : [`${readable(left)} = ${show(a)}`]),
    ...(isPlainNumber(right) ? [] : [`${readable(right)} = ${show(b)}`]),
  ].join(" and ");
  const stated = `${readable(left)} ${sign} ${readable(right)}`;
  if (holds) return say("verified", values === "" ? stated : values);
  return say("refuted", values === "" ? `${stated} is false` : `${stated} is false: ${values}`);
}

function judgeConstants(
  l: Node,
  r: Node,
  left: string,
  right: string,
  env: ReadonlyMap<string, number>,
  used: readonly string[],
  facts: Facts,
  settings: LinkSettings,
  say: Say,
): LinkCheck {
  const a = valueAt(l, env);
  const b = valueAt(r, env);
  if (a === null || b === null) return say("unchecked", "a side has no finite value");
  const givens = used.map((n) => facts.known(n)?.text ?? n).join(", ");
  const context = givens === "" ? "" : ` (with ${givens})`;
  const places = decimalPlaces(right) ?? decimalPlaces(left);
  if (agree(a, b, settings.tolerance)) return say("verified", `${readable(left)} = ${show(a)}${context}`);
  if (places !== null && Math.abs(a - b) < 10 ** -places)
    return say("verified", `${readable(left)} = ${show(a)}, rounded to ${places} decimal places${context}`);
  const counterexample =
    used.length > 0 ? Object.fromEntries(used.map((n) => [n, env.get(n) ?? 0])) : undefined;
  return say(
    "refuted",
    `${readable(left)} = ${readable(right)} is false${context}: ${falseBecause(left, a, right, b)}`,
    counterexample,
  );
}

/** Equal within the tolerance counts as equal: 0.1 + 0.2 ≤ 0.3 holds, 0.1 + 0.2 > 0.3 does not. */
function comparisonHolds(sign: RelationSign, a: number, b: number, equal: boolean): boolean {
  switch (sign) {
    case "≠":
      return !equal;
    case "<":
      return a < b && !equal;
    case ">":
      return a > b && !equal;
    case "≤":
      return a <= b || equal;
    case "≥":
      return a >= b || equal;
    default:
      return equal;
  }
}

function isPlainNumber(member: string): boolean {
  return /^-?\d+(?:\.\d+)?$/.test(member.replace(/\s+/g, ""));
}

/** Names the correct value of the side that computes (`17 × 4 = 68`), or both values. */
function falseBecause(left: string, a: number, right: string, b: number): string {
  if (isPlainNumber(right) && !isPlainNumber(left)) return `${readable(left)} = ${show(a)}`;
  if (isPlainNumber(left) && !isPlainNumber(right)) return `${readable(right)} = ${show(b)}`;
  return `the left side is ${show(a)} and the right side is ${show(b)}`;
}

function sameVariables(l: Node, r: Node): boolean {
  const a = unknowns(l);
  const b = unknowns(r);
  return a.length > 0 && a.length === b.length && a.every((n) => b.includes(n));
}

type IdentityResult =
  | { kind: "holds"; points: number }
  | { kind: "fails"; point: Map<string, number>; left: number; right: number }
  | { kind: "positive-only" }
  | { kind: "undefined" };

function identityAt(
  l: Node,
  r: Node,
  free: readonly string[],
  env: ReadonlyMap<string, number>,
  settings: LinkSettings,
): IdentityResult {
  let defined = 0;
  let negativeFailure = false;
  for (const point of samplePoints(free, settings.constraints)) {
    const p = new Map([...env, ...point]);
    const a = valueAt(l, p);
    const b = valueAt(r, p);
    if (a === null || b === null) continue;
    defined++;
    if (agree(a, b, settings.tolerance)) continue;
    if ([...point.values()].every((v) => v > 0)) return { kind: "fails", point, left: a, right: b };
    negativeFailure = true;
  }
  if (negativeFailure) return { kind: "positive-only" };
  return defined >= MIN_DEFINED ? { kind: "holds", points: defined } : { kind: "undefined" };
}

function pointText(point: ReadonlyMap<string, number>): string {
  return [...point].map(([n, v]) => `${writtenName(n)} = ${show(v)}`).join(", ");
}
