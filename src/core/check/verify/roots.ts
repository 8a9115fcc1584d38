/**
 * Claimed solutions of an equation or a system: each is substituted into every equation (the
 * residual shows a wrong one), and for one polynomial equation in one unknown the claimed set is
 * compared with all its real roots, so a missing root is reported too.
 */
import { polynomialDegree, type Node } from "../math/ast";
import { parseFormula } from "../math/parse";
import { definitionBody, splitEquation, splitTopLevel } from "./forms";
import { realRoots } from "./polynomial";
import { agree, show, showPoint, unknowns, valueAt } from "./points";
import type { SymbolicResult } from "../types";

interface Equation {
  latex: string;
  left: Node;
  right: Node;
}

const ASKS_TO_SOLVE = /\b(?:solve|solves?|roots?|zeros?|solutions?|satisf(?:y|ies))\b/i;
const ASKS_FOR_ZEROS = /\b(?:roots?|zeros?)\b/i;

/** The equations a problem asks to solve, or null when it does not ask that. */
export function equationsToSolve(
  problem: string,
  formulas: readonly string[],
  answer: string,
): Equation[] | null {
  // A differential equation (`x'' - x = f`, `\delta(t)`, `y_t + y_x = 1`) is not solved by values.
  if (formulas.some((f) => /'|\\delta\s*\(|[a-z]_[tx]\b/.test(f))) return null;
  const equations: Equation[] = [];
  for (const formula of formulas.flatMap(systemLines)) {
    // `x'' - x = 0` is a differential equation and `x(0) = 1` an initial condition, not algebra.
    if (/'|\\frac\s*\{\s*d|[a-zA-Z]\s*\(\s*-?\d/.test(formula)) continue;
    const defined = definitionBody(formula);
    if (defined !== null) {
      if (!ASKS_FOR_ZEROS.test(problem)) continue;
      const left = parseFormula(defined);
      if (left && unknowns(left).length > 0)
        equations.push({ latex: `${defined} = 0`, left, right: { t: "num", v: 0 } });
      continue;
    }
    const sides = splitEquation(formula);
    const left = sides && parseFormula(sides[0]);
    const right = sides && parseFormula(sides[1]);
    if (left && right && unknowns(left, right).length > 0) equations.push({ latex: formula, left, right });
  }
  if (equations.length === 0) return null;
  const claimsAssignment = /^\s*\\?\{?\s*[a-zA-Z](?:_\{?\w+\}?)?\s*=/.test(answer);
  return ASKS_TO_SOLVE.test(problem) || claimsAssignment ? equations : null;
}

/** `\begin{cases} x+y=3 \\ x-y=1 \end{cases}` and `x+y=3,\ x-y=1` are several equations. */
function systemLines(formula: string): string[] {
  const body = formula.replace(
    /\\(?:begin|end)\{(?:cases|aligned|array|gathered|align\*?|system)\}(?:\{[^{}]*\})?/g,
    "",
  );
  return body
    .split(/\\\\/)
    .flatMap((line) => (splitTopLevel(line, "=").length > 2 ? [line] : splitTopLevel(line, ",")))
    .map((line) => line.replace(/&/g, "").trim())
    .filter((line) => line.includes("="));
}

export function checkRoots(problem: string, equations: readonly Equation[], answer: string): SymbolicResult {
  const names = unknowns(...equations.flatMap((e) => [e.left, e.right]));
  const points = parseSolutionSet(answer, names);
  if (!points) {
    return unchecked(`the answer is not a list of values for ${names.join(", ")} that the checker can read`);
  }
  if (points.length === 0) return unchecked("the answer claims no solution; that is not checked");
  for (const point of points) {
    for (const equation of equations) {
      const left = valueAt(equation.left, point);
      const right = valueAt(equation.right, point);
      if (left === null || right === null) {
        return refuted(`${showPoint(point)} is outside the domain of ${equation.latex}`);
      }
      if (!agree(left, right, 1e-9)) {
        return refuted(
          `${showPoint(point)} does not satisfy ${equation.latex}: left − right = ${show(left - right)}`,
        );
      }
    }
  }
  const satisfied = `${points.length === 1 ? "the claimed solution satisfies" : `all ${points.length} claimed solutions satisfy`} ${equations.length === 1 ? "the equation" : `the ${equations.length} equations`}`;
  return completeness(problem, equations, names, points, satisfied);
}

function completeness(
  problem: string,
  equations: readonly Equation[],
  names: readonly string[],
  points: readonly Map<string, number>[],
  satisfied: string,
): SymbolicResult {
  const [equation] = equations;
  const [name] = names;
  if (equations.length !== 1 || names.length !== 1 || !equation || !name) {
    return verified(`${satisfied}; completeness not checked for a system`);
  }
  const difference: Node = { t: "bin", op: "-", a: equation.left, b: equation.right };
  const degree = polynomialDegree(difference, name);
  const roots = degree === null ? null : realRoots(difference, name, degree);
  if (!roots || degree === null)
    return verified(`${satisfied}; completeness not checked (not a polynomial of degree ≤ 8)`);
  const wanted = roots.filter(domainFilter(problem));
  const claimed = points.map((p) => p.get(name) ?? Number.NaN);
  const missing = wanted.filter((r) => !claimed.some((c) => agree(c, r, 1e-6)));
  if (missing.length > 0) {
    return refuted(
      `${satisfied}, but the set is incomplete: ${missing.map((r) => `${name} ≈ ${show(r)}`).join(", ")} is also a root`,
    );
  }
  const real =
    wanted.length === degree
      ? ""
      : ` (the other roots of this degree-${degree} polynomial are ${wanted.length < roots.length ? "excluded by the problem or " : ""}not real)`;
  return verified(
    `${satisfied}, and the set is complete: ${wanted.length} real root${wanted.length === 1 ? "" : "s"}${real}`,
  );
}

function domainFilter(problem: string): (root: number) => boolean {
  if (/\bpositive\b/i.test(problem)) return (r) => r > 0;
  if (/\bnegative\b/i.test(problem)) return (r) => r < 0;
  if (/\bintegers?\b/i.test(problem)) return (r) => Math.abs(r - Math.round(r)) < 1e-9;
  return () => true;
}

/**
 * `x = 2, 3`, `x = 2 \text{ or } x = 3`, `\{2, 3\}`, `x = \pm 2`, `x_1 = 2, x_2 = 3`; for a system
 * `x = 1, y = 2` or `(1, 2)` (unknowns in alphabetical order). Null when it is not such a list.
 */
export function parseSolutionSet(answer: string, names: readonly string[]): Map<string, number>[] | null {
  const text = answer
    .replace(
      /\\(?:text|mathrm|textrm)\{\s*(?:or|and)\s*\}|\b(?:or|and)\b|\\(?:quad|qquad|vee|lor)(?![a-zA-Z])/g,
      ",",
    )
    .replace(/\\(?:text|mbox)\{[^{}]*\}/g, " ")
    .replace(/\\left|\\right/g, "")
    .replace(/^\s*[a-zA-Z]\s*\\in\s*/, "")
    .replace(/^\s*\\\{([\s\S]*)\\\}\s*$/, "$1")
    .replace(/[.;]\s*$/, "")
    .trim();
  const pieces = splitTopLevel(text.replace(/;/g, ","), ",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (pieces.length === 0) return null;
  if (names.length === 1) {
    const values = pieces.map((piece) => valuesOf(piece.replace(/^[a-zA-Z](?:_\{?[\w,]+\}?)?\s*=\s*/, "")));
    if (values.some((v) => v === null)) return null;
    return values.flat().map((v) => new Map([[names[0] ?? "x", v as number]]));
  }
  return systemPoints(pieces, names);
}

function systemPoints(pieces: readonly string[], names: readonly string[]): Map<string, number>[] | null {
  const tuples = pieces.filter((p) => /^\(.*\)$/.test(p));
  if (tuples.length === pieces.length) {
    const points = tuples.map((tuple) => {
      const values = splitTopLevel(tuple.slice(1, -1), ",").map((v) => valuesOf(v.trim()));
      if (values.length !== names.length || values.some((v) => v?.length !== 1)) return null;
      return new Map(names.map((name, k) => [name, values[k]?.[0] ?? Number.NaN]));
    });
    return points.every((p) => p !== null) ? (points as Map<string, number>[]) : null;
  }
  const point = new Map<string, number>();
  for (const piece of pieces) {
    const assignment = /^([a-zA-Z](?:_\{?\w+\}?)?)\s*=\s*(.+)$/.exec(piece);
    const value = assignment?.[2] ? valuesOf(assignment[2]) : null;
    if (!assignment?.[1] || value?.length !== 1) return null;
    point.set(assignment[1].replace(/[{}]/g, ""), value[0] ?? Number.NaN);
  }
  return names.every((name) => point.has(name)) ? [point] : null;
}

/** A constant formula's value; `a \pm b` gives two. */
function valuesOf(formula: string): number[] | null {
  if (formula.includes("\\pm")) {
    const plus = valuesOf(formula.replace(/\\pm/, "+"));
    const minus = valuesOf(formula.replace(/\\pm/, "-"));
    return plus && minus ? [...plus, ...minus] : null;
  }
  const node = parseFormula(formula);
  if (!node || unknowns(node).length > 0) return null;
  const value = valueAt(node, new Map());
  return value === null ? null : [value];
}

function verified(reason: string): SymbolicResult {
  return { verdict: "verified", reason, strategy: "roots" };
}

function refuted(reason: string): SymbolicResult {
  return { verdict: "refuted", reason, strategy: "roots" };
}

function unchecked(reason: string): SymbolicResult {
  return { verdict: "unchecked", reason, strategy: "roots" };
}
