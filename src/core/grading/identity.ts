/**
 * Numeric identity testing: two expressions that agree at many random points (where both are
 * defined) are taken as equal; one clear disagreement proves them different. This is the fallback
 * for what the CAS cannot simplify (e.g. `\sec^2 y` vs `\tan^2 y + 1`). Deterministic: the points
 * come from a fixed seed, so a verdict never flips between runs.
 */
import { evaluate } from "./evaluate";
import { freeSymbols, type Expr } from "./expr";
import { equal, notEqual, unknown, type GradeResult } from "./types";
import { mulberry32 } from "../util/random";

const POINTS = 16;
const MIN_DEFINED_POINTS = 6;
const MAX_VARIABLES = 10;
/** Tighter than the answer tolerance: identical expressions agree to rounding error. */
const AGREEMENT = 1e-7;

/** Symbols that stand for constants in answers rather than variables. */
const IMAGINARY = "i";

export function numericIdentity(gold: Expr, pred: Expr): GradeResult {
  const names = [...new Set([...freeSymbols(gold), ...freeSymbols(pred)])].sort();
  if (names.length > MAX_VARIABLES) return unknown("too many variables to test numerically");
  if (names.includes(IMAGINARY)) return unknown("complex numbers are not tested numerically");
  let defined = 0;
  for (const env of samplePoints(names)) {
    const a = evaluate(gold, env).x;
    const b = evaluate(pred, env).x;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    defined++;
    if (!agree(a, b)) return notEqual("differ at a random point (numeric test)");
  }
  if (defined >= MIN_DEFINED_POINTS)
    return equal(`agree at ${defined} random points (numeric identity test)`);
  return unknown("could not evaluate at enough points");
}

function agree(a: number, b: number): boolean {
  return Math.abs(a - b) <= AGREEMENT * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Points with both signs and non-integer values, so that `|x|` ≠ `x` and `\lfloor` tricks show. */
export function* samplePoints(names: string[]): Generator<Map<string, number>> {
  const random = mulberry32(0x5eed);
  for (let k = 0; k < POINTS; k++) {
    const env = new Map<string, number>();
    for (const name of names) {
      const magnitude = 0.3 + 2.7 * random();
      env.set(name, k % 4 === 3 ? -magnitude : magnitude);
    }
    yield env;
  }
}
