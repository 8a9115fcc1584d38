/**
 * Calculus claims, checked numerically: an antiderivative is differentiated (central differences)
 * and compared with the integrand at random points; a derivative is compared with the numeric
 * derivative of the original; a definite integral with Simpson's rule.
 */
import type { Node } from "../math/ast";
import { parseFormula } from "../math/parse";
import type { SymbolicResult } from "../types";
import {
  agree,
  MIN_DEFINED,
  samplePoints,
  show,
  showPoint,
  unknowns,
  valueAt,
  type Constraint,
} from "./points";

/** Relative agreement a central difference reaches on smooth functions at these step sizes. */
const DERIVATIVE_TOLERANCE = 1e-5;
const SIMPSON_PANELS = 2000;

export function checkAntiderivative(
  integrand: string,
  variable: string,
  claimed: string,
  constraints: readonly Constraint[],
): SymbolicResult {
  const f = parseFormula(integrand);
  const F = parseFormula(claimed);
  if (!f) return unchecked("antiderivative", `the integrand ${integrand} is not a formula the checker reads`);
  if (!F) return unchecked("antiderivative", "the answer is not a formula the checker reads");
  return compareDerivative(F, f, variable, constraints, "antiderivative", {
    agreeing: (n) =>
      `d/d${variable} of the answer equals the integrand at ${n} random points (numeric differentiation)`,
    differing: (point, dF, fx) =>
      `d/d${variable} of the answer is ${show(dF)} at ${showPoint(point)}, but the integrand is ${show(fx)} there`,
  });
}

export function checkDerivative(
  original: string,
  variable: string,
  claimed: string,
  constraints: readonly Constraint[],
): SymbolicResult {
  const f = parseFormula(original);
  const g = parseFormula(claimed);
  if (!f) return unchecked("derivative", `the function ${original} is not a formula the checker reads`);
  if (!g) return unchecked("derivative", "the answer is not a formula the checker reads");
  return compareDerivative(f, g, variable, constraints, "derivative", {
    agreeing: (n) => `the answer equals the numeric derivative of ${original} at ${n} random points`,
    differing: (point, df, gx) =>
      `at ${showPoint(point)} the derivative is ${show(df)}, but the answer gives ${show(gx)}`,
  });
}

/** Compares d/dvariable of `outer` with `inner` at random points where both are defined. */
function compareDerivative(
  outer: Node,
  inner: Node,
  variable: string,
  constraints: readonly Constraint[],
  strategy: string,
  say: {
    agreeing: (n: number) => string;
    differing: (p: Map<string, number>, d: number, v: number) => string;
  },
): SymbolicResult {
  const names = [...new Set([variable, ...unknowns(outer, inner)])].sort();
  let defined = 0;
  for (const point of samplePoints(names, constraints)) {
    const derivative = centralDifference(outer, variable, point);
    const value = valueAt(inner, point);
    if (derivative === null || value === null) continue;
    defined++;
    if (!agree(derivative, value, DERIVATIVE_TOLERANCE)) {
      return { verdict: "refuted", reason: say.differing(point, derivative, value), strategy };
    }
  }
  return defined >= MIN_DEFINED
    ? { verdict: "verified", reason: say.agreeing(defined), strategy }
    : unchecked(strategy, "too few random points where both sides are defined");
}

function centralDifference(node: Node, variable: string, point: ReadonlyMap<string, number>): number | null {
  const x = point.get(variable) ?? 0;
  const h = 1e-4 * Math.max(1, Math.abs(x));
  const at = (value: number) => valueAt(node, new Map(point).set(variable, value));
  // Richardson extrapolation of two central differences: error O(h⁴) instead of O(h²).
  const [a, b, c, d] = [at(x + h), at(x - h), at(x + h / 2), at(x - h / 2)];
  if (a === null || b === null || c === null || d === null) return null;
  const coarse = (a - b) / (2 * h);
  const fine = (c - d) / h;
  return (4 * fine - coarse) / 3;
}

export function checkDefiniteIntegral(
  integrand: string,
  variable: string,
  lower: string,
  upper: string,
  claimed: string,
): SymbolicResult {
  const f = parseFormula(integrand);
  const a = parseFormula(lower);
  const b = parseFormula(upper);
  const value = parseFormula(claimed);
  if (!f || !a || !b) return unchecked("definite integral", "the integral is not one the checker reads");
  if (!value || unknowns(value).length > 0)
    return unchecked("definite integral", "the answer is not a number the checker reads");
  if (unknowns(f).some((n) => n !== variable) || unknowns(a, b).length > 0) {
    return unchecked("definite integral", "the integral has parameters besides its variable");
  }
  const from = valueAt(a, new Map());
  const to = valueAt(b, new Map());
  const claimedValue = valueAt(value, new Map());
  if (from === null || to === null || claimedValue === null)
    return unchecked("definite integral", "a bound or the answer has no finite value");
  const numeric = simpson(f, variable, from, to);
  if (numeric === null)
    return unchecked("definite integral", "the integrand is undefined somewhere on the interval");
  return agree(numeric, claimedValue, 1e-7)
    ? {
        verdict: "verified",
        reason: `the integral is ${show(numeric)} numerically (Simpson's rule), as claimed`,
        strategy: "definite integral",
      }
    : {
        verdict: "refuted",
        reason: `the integral is ${show(numeric)} numerically (Simpson's rule), not ${show(claimedValue)}`,
        strategy: "definite integral",
      };
}

function simpson(f: Node, variable: string, a: number, b: number): number | null {
  const h = (b - a) / SIMPSON_PANELS;
  let sum = 0;
  for (let k = 0; k <= SIMPSON_PANELS; k++) {
    const y = valueAt(f, new Map([[variable, a + k * h]]));
    if (y === null) return null;
    sum += y * (k === 0 || k === SIMPSON_PANELS ? 1 : k % 2 === 1 ? 4 : 2);
  }
  return (sum * h) / 3;
}

function unchecked(strategy: string, reason: string): SymbolicResult {
  return { verdict: "unchecked", reason, strategy };
}
