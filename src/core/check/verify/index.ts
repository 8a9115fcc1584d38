/**
 * The symbolic layer of a verdict, with no model: reads what the problem asks (an equation, a
 * derivative, an integral, a simplification, a value) and checks the written answer directly.
 * Each strategy is bounded (a fixed number of points, bounded parsing, the grading engine's
 * per-pair time limit). No checkable form is an honest "unchecked" that says why.
 */
import type { SymbolicResult } from "../types";
import { checkArithmetic, constantExpression } from "./arithmetic";
import { checkAntiderivative, checkDefiniteIntegral, checkDerivative } from "./calculus";
import type { Equivalence } from "./equivalence";
import { claimedValue, definitionBody, findIntegral, problemFormulas } from "./forms";
import { checkIdentity, type Transformation } from "./identity";
import { domainConstraints } from "./points";
import { checkLaplace, laplaceAsked } from "./laplace";
import { checkRoots, equationsToSolve } from "./roots";
import { parseFormula } from "../math/parse";
import { unknowns } from "./points";

export type { Equivalence } from "./equivalence";

export interface VerifyInput {
  /** The problem text, macros expanded. */
  problem: string;
  /** The written answer's LaTeX, macros expanded. */
  answer: string;
}

export async function verifyAnswer(input: VerifyInput, equivalence?: Equivalence): Promise<SymbolicResult> {
  const problem = input.problem.trim();
  const answer = input.answer.replace(/\\ensuremath\{([^{}]*)\}/g, "$1").trim();
  if (problem === "") return unchecked("no problem was found before the answer");
  const formulas = problemFormulas(problem);
  const constraints = domainConstraints(problem);
  const claimed = claimedValue(answer);
  if (/\bcomplex\b/i.test(problem)) return unchecked("complex numbers are not checked by the symbolic layer");

  const laplace = laplaceAsked(problem);
  if (laplace) return checkLaplace(laplace, claimed);

  const integral = formulas.map(findIntegral).find((f) => f !== null);
  if (integral) {
    return integral.lower !== undefined && integral.upper !== undefined
      ? checkDefiniteIntegral(integral.integrand, integral.variable, integral.lower, integral.upper, claimed)
      : checkAntiderivative(integral.integrand, integral.variable, claimed, constraints);
  }
  const derivative = derivativeAsked(problem, formulas);
  if (derivative) return checkDerivative(derivative.original, derivative.variable, claimed, constraints);
  const equations = equationsToSolve(problem, formulas, answer);
  if (equations) return checkRoots(problem, equations, answer);
  const transformation = transformationAsked(problem, formulas);
  if (transformation)
    return checkIdentity(transformation.original, claimed, transformation.task, constraints, equivalence);
  const expression = constantExpression(problem, formulas);
  if (expression) return checkArithmetic(expression, claimed, equivalence);
  return unchecked(
    "no checkable form: the problem is not an equation to solve, a derivative, an integral, a simplification or an arithmetic expression",
  );
}

const DERIVATIVE_WORDS = /\b(?:derivative|differentiate)\b/i;
const D_DX =
  /\\frac\s*\{\s*(?:\\mathrm\{d\}|d)\s*\}\s*\{\s*(?:\\mathrm\{d\}|d)\s*([a-zA-Z])\s*\}|\\frac\s*d\s*\{\s*d\s*([a-zA-Z])\s*\}/;

function derivativeAsked(
  problem: string,
  formulas: readonly string[],
): { original: string; variable: string } | null {
  if (/\b(?:second|third|higher|partial)\b/i.test(problem)) return null;
  for (const formula of formulas) {
    const operator = D_DX.exec(formula);
    if (operator) {
      const rest = formula
        .slice(operator.index + operator[0].length)
        .replace(/=.*$/, "")
        .trim();
      return rest === "" ? null : { original: rest, variable: operator[1] ?? operator[2] ?? "x" };
    }
  }
  if (!DERIVATIVE_WORDS.test(problem)) return null;
  for (const formula of formulas) {
    const original = definitionBody(formula) ?? (formula.includes("=") ? null : formula);
    const node = original === null ? null : parseFormula(original);
    if (!original || !node) continue;
    const head = /^\s*[a-zA-Z]'*\s*\(\s*([a-zA-Z])\s*\)/.exec(formula)?.[1];
    const names = unknowns(node);
    const variable = head ?? (names.length === 1 ? names[0] : names.includes("x") ? "x" : undefined);
    if (variable) return { original, variable };
  }
  return null;
}

const TRANSFORMATION_WORDS: [RegExp, Transformation][] = [
  [/\bfactor(?:i[sz]e|ed)?\b/i, "factor"],
  [/\bexpand\b|\bmultiply out\b/i, "expand"],
  [/\bsimplif(?:y|ied)\b|\breduce\b|\bcombine\b/i, "simplify"],
  [/\brewrite\b|\bwrite\b.*\bas\b/i, "rewrite"],
];

function transformationAsked(
  problem: string,
  formulas: readonly string[],
): { original: string; task: Transformation } | null {
  const task = TRANSFORMATION_WORDS.find(([pattern]) => pattern.test(problem))?.[1];
  if (!task) return null;
  const candidates = formulas
    .map((formula) => definitionBody(formula) ?? (formula.includes("=") ? null : formula))
    .filter(
      (formula): formula is string =>
        formula !== null && /[a-zA-Z]/.test(formula.replace(/\\[a-zA-Z]+/g, "")),
    );
  const original = candidates.filter((f) => !/\\(?:neq?|geq?|leq?)|[<>]/.test(f)).pop();
  return original ? { original, task } : null;
}

function unchecked(reason: string): SymbolicResult {
  return { verdict: "unchecked", reason };
}
