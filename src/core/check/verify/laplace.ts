/**
 * Laplace transforms, checked numerically: F(s) = ∫₀^∞ f(t) e^{−st} dt at a few real s, by
 * Simpson's rule on [0, T] with e^{−sT} negligible. Works both ways: a claimed transform of a
 * given f, and a claimed inverse transform of a given F.
 */
import type { Node } from "../math/ast";
import { parseFormula } from "../math/parse";
import type { SymbolicResult } from "../types";
import { agree, show, unknowns, valueAt } from "./points";

const S_VALUES = [1.5, 2.25, 3.1, 4.4];
const PANELS = 4000;
const TOLERANCE = 1e-6;

export interface LaplaceTask {
  given: string;
  inverse: boolean;
}

const ASKS = /\b(inverse\s+)?laplace\s+transform\s+of\s*\$([^$]+)\$/i;

/** `\mathcal{L}^{-1}\left\{ F(s) \right\}` and `\mathcal{L}\{ f(t) \}` written as formulas. */
const OPERATOR =
  /\{?\\mathcal\{L\}\}?\s*(\^\s*\{?\s*-\s*1\s*\}?)?\s*(?:\\left)?\s*\\\{([\s\S]*?)(?:\\right)?\s*\\\}/;

export function laplaceAsked(problem: string): LaplaceTask | null {
  const m = ASKS.exec(problem);
  if (m?.[2]) return { given: m[2].trim(), inverse: Boolean(m[1]) };
  const operator = /\b(?:compute|find|evaluate|calculate)\b/i.test(problem) ? OPERATOR.exec(problem) : null;
  return operator?.[2] ? { given: operator[2].trim(), inverse: Boolean(operator[1]) } : null;
}

export function checkLaplace(task: LaplaceTask, claimed: string): SymbolicResult {
  const timeSide = parseFormula(task.inverse ? claimed : task.given);
  const frequencySide = parseFormula(task.inverse ? task.given : claimed);
  if (!timeSide || !frequencySide)
    return result("unchecked", "the function or the answer is not a formula the checker reads");
  if (unknowns(timeSide).some((n) => n !== "t") || unknowns(frequencySide).some((n) => n !== "s")) {
    return result("unchecked", "the transform has parameters besides t and s");
  }
  for (const s of S_VALUES) {
    const numeric = transformAt(timeSide, s);
    const value = valueAt(frequencySide, new Map([["s", s]]));
    if (numeric === null || value === null)
      return result("unchecked", `the transform could not be evaluated at s = ${s}`);
    if (!agree(numeric, value, TOLERANCE)) {
      const side = task.inverse ? "the transform of the answer" : "the transform";
      const other = task.inverse ? "the given function" : "the answer";
      return result(
        "refuted",
        `at s = ${s} ${side} is ${show(numeric)} numerically, but ${other} is ${show(value)}`,
      );
    }
  }
  return result("verified", `the transform agrees at s = ${S_VALUES.join(", ")} (numeric integration)`);
}

function transformAt(f: Node, s: number): number | null {
  const end = 45 / s;
  const h = end / PANELS;
  let sum = 0;
  for (let k = 0; k <= PANELS; k++) {
    const t = k === 0 ? 1e-12 : k * h;
    const y = valueAt(f, new Map([["t", t]]));
    if (y === null) return null;
    sum += y * Math.exp(-s * t) * (k === 0 || k === PANELS ? 1 : k % 2 === 1 ? 4 : 2);
  }
  return (sum * h) / 3;
}

function result(verdict: SymbolicResult["verdict"], reason: string): SymbolicResult {
  return { verdict, reason, strategy: "laplace" };
}
