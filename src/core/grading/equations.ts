/**
 * Equations of curves and lines are equal when one is a nonzero multiple of the other:
 * `3x - 6y + 2 = 0` ⇔ `y = \frac12 x + \frac13`. The factor is read off at a sample point and
 * then checked by the scalar comparer on the whole expression (symbolically in the worker).
 */
import { evaluate } from "./evaluate";
import { samplePoints } from "./identity";
import { freeSymbols } from "./expr";
import { rationalLatex } from "./linear";
import * as Q from "./rational";
import { parseCached } from "./scalarFast";
import type { Shape } from "./shape";
import type { GradeResult } from "./types";

type RelationShape = Extract<Shape, { kind: "relation" }>;
type ScalarComparer = (gold: string, pred: string) => GradeResult;

export function compareEquations(g: RelationShape, p: RelationShape, scalar: ScalarComparer): GradeResult {
  const gd = difference(g);
  const pd = difference(p);
  const same = scalar(gd, pd);
  if (same.verdict !== "not-equal") return tagged(same, "equation (lhs−rhs)");
  const factor = factorBetween(gd, pd) ?? "-1";
  return tagged(scalar(gd, `${factor}\\cdot(${pd})`), `equation (lhs−rhs up to the factor ${factor})`);
}

function difference(r: RelationShape): string {
  return `(${r.sides[0]})-(${r.sides[1]})`;
}

/** gold/pred at the first sample point where both are defined, as a small exact fraction. */
function factorBetween(gold: string, pred: string): string | null {
  const a = parseCached(gold);
  const b = parseCached(pred);
  if (!a || !b) return null;
  const names = [...new Set([...freeSymbols(a), ...freeSymbols(b)])].sort();
  for (const env of samplePoints(names)) {
    const x = evaluate(a, env).x;
    const y = evaluate(b, env).x;
    if (!Number.isFinite(x) || !Number.isFinite(y) || y === 0 || x === 0) continue;
    const r = smallFraction(x / y);
    return r ? rationalLatex(r) : null;
  }
  return null;
}

/** The fraction with denominator ≤ 1000 within 1e-9 of `x` (continued fractions), if any. */
function smallFraction(x: number): Q.Rational | undefined {
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let rest = x;
  for (let i = 0; i < 20; i++) {
    const a = Math.floor(rest);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > 1000) return undefined;
    if (Math.abs(h1 / k1 - x) <= 1e-9 * Math.max(1, Math.abs(x))) return Q.rational(BigInt(h1), BigInt(k1));
    rest = 1 / (rest - a);
    if (!Number.isFinite(rest)) return undefined;
  }
  return undefined;
}

function tagged(r: GradeResult, what: string): GradeResult {
  return { verdict: r.verdict, reason: `${what}: ${r.reason}` };
}
