/**
 * A claimed simplification, expansion or factorisation must equal the original wherever both are
 * defined (respecting the stated domain); a factorisation must also be a product. Points come from
 * the check parser; what it cannot read goes to the grading engine (CAS in its worker).
 */
import type { Node } from "../math/ast";
import { parseFormula } from "../math/parse";
import type { SymbolicResult } from "../types";
import type { Equivalence } from "./equivalence";
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

export type Transformation = "simplify" | "expand" | "factor" | "rewrite";

export async function checkIdentity(
  original: string,
  claimed: string,
  task: Transformation,
  constraints: readonly Constraint[],
  equivalence: Equivalence | undefined,
): Promise<SymbolicResult> {
  const f = parseFormula(original);
  const g = parseFormula(claimed);
  const same = f && g ? compareAtPoints(f, g, constraints) : await viaGrader(original, claimed, equivalence);
  if (same.verdict !== "verified") return same;
  if (task === "factor" && g && !isProduct(g)) {
    return {
      verdict: "refuted",
      reason: "the answer equals the original but is not written as a product of factors",
      strategy: "identity",
    };
  }
  return same;
}

function compareAtPoints(f: Node, g: Node, constraints: readonly Constraint[]): SymbolicResult {
  let defined = 0;
  for (const point of samplePoints(unknowns(f, g), constraints)) {
    const a = valueAt(f, point);
    const b = valueAt(g, point);
    if (a === null || b === null) continue;
    defined++;
    if (!agree(a, b, 1e-9)) {
      return {
        verdict: "refuted",
        reason: `at ${showPoint(point)} the original is ${show(a)} but the answer is ${show(b)}`,
        strategy: "identity",
      };
    }
  }
  const domain = constraints.length > 0 ? " of the stated domain" : "";
  return defined >= MIN_DEFINED
    ? {
        verdict: "verified",
        reason: `the answer equals the original at ${defined} random points${domain}`,
        strategy: "identity",
      }
    : { verdict: "unchecked", reason: "too few random points where both are defined", strategy: "identity" };
}

async function viaGrader(
  original: string,
  claimed: string,
  equivalence: Equivalence | undefined,
): Promise<SymbolicResult> {
  if (!equivalence)
    return { verdict: "unchecked", reason: "the checker cannot read these formulas", strategy: "identity" };
  const result = await equivalence.isEquivalent(original, claimed);
  if (result.verdict === "equal")
    return {
      verdict: "verified",
      reason: `the grading engine finds the answer equal to the original (${result.reason})`,
      strategy: "identity",
    };
  if (result.verdict === "not-equal")
    return {
      verdict: "refuted",
      reason: `the grading engine finds the answer different from the original (${result.reason})`,
      strategy: "identity",
    };
  return {
    verdict: "unchecked",
    reason: `the grading engine could not decide (${result.reason})`,
    strategy: "identity",
  };
}

/** `(x-1)(x+2)`, `3(x+1)^2`, `-(x-1)(x+1)`: a product at the top. */
function isProduct(node: Node): boolean {
  if (node.t === "neg") return isProduct(node.a);
  if (node.t === "bin" && node.op === "*") return true;
  return (
    node.t === "bin" && node.op === "^" && node.a.t === "bin" && (node.a.op === "+" || node.a.op === "-")
  );
}
