/** Comparing evaluated constants: exactly where both are exact, with a tolerance where not. */
import { equal, notEqual, unknown, type GradeResult } from "./types";
import type { Value } from "./evaluate";
import * as Q from "./rational";

export interface Constant {
  value: Value;
  /** Written with a decimal point: an approximation, compared with the relative tolerance. */
  approximate: boolean;
  /** Infinite although no `\infty` was written: too large for a double, so not comparable. */
  overflow: boolean;
}

/** Both exact but irrational (radicals, π): equal only to double precision, not to 1e-4. */
const EXACT_IRRATIONAL_TOLERANCE = 1e-12;

export function compareConstants(gold: Constant, pred: Constant, relativeTolerance: number): GradeResult {
  const a = gold.value.x;
  const b = pred.value.x;
  const exact = !gold.approximate && !pred.approximate;
  // Exact rationals first: `2^{2023}` is beyond a double but not beyond exact arithmetic.
  if (exact && gold.value.q && pred.value.q) {
    return Q.equals(gold.value.q, pred.value.q)
      ? equal("same exact value")
      : notEqual("different exact values");
  }
  if (Number.isNaN(a) || Number.isNaN(b)) return unknown("value is undefined (e.g. division by zero)");
  if (!Number.isFinite(a) || !Number.isFinite(b)) return compareInfinite(gold, pred);
  const tolerance = exact ? EXACT_IRRATIONAL_TOLERANCE : relativeTolerance;
  if (isClose(a, b, tolerance)) return equal(exact ? "same value (radicals/constants)" : "numerically close");
  return notEqual(exact ? "different values" : "numerically different");
}

export function isClose(a: number, b: number, relativeTolerance: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= relativeTolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** `\infty` written as such compares by sign; an overflow (`10^{10^{10}}`) cannot be compared. */
function compareInfinite(gold: Constant, pred: Constant): GradeResult {
  if (gold.overflow || pred.overflow) return unknown("number too large to compare");
  return gold.value.x === pred.value.x ? equal("same infinity") : notEqual("different infinities");
}
