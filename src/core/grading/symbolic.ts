/**
 * Symbolic comparison of two scalars, run only inside the worker (it may take unbounded time;
 * the worker is terminated at the pair's limit). Order: the fast rules; then the CAS
 * (Compute Engine: canonical forms equal, or a−b simplifies to 0); then numeric identity testing
 * with the fast parser's evaluator; then with the CAS's evaluator for what only it can parse.
 */
import type { ComputeEngine } from "@cortex-js/compute-engine" with { "resolution-mode": "import" };
import { complexIdentity } from "./complex";
import { freeSymbols } from "./expr";
import { numericIdentity, samplePoints } from "./identity";
import { isClose } from "./numeric";
import { compareScalarsFast, parseCached, sameIntegrationConstant } from "./scalarFast";
import { DEFAULT_RELATIVE_TOLERANCE, equal, NEEDS_SYMBOLIC, notEqual, unknown } from "./types";
import type { EquivalenceOptions, GradeResult } from "./types";

type BoxedExpression = ReturnType<ComputeEngine["parse"]>;

export async function loadComputeEngine(): Promise<ComputeEngine> {
  // A dynamic import picks the package's ES module build (its CommonJS build does not load under Node 20).
  const { ComputeEngine } = await import("@cortex-js/compute-engine");
  return new ComputeEngine();
}

export function compareScalarsSymbolic(
  gold: string,
  pred: string,
  options: EquivalenceOptions,
  ce: ComputeEngine,
): GradeResult {
  pred = sameIntegrationConstant(gold, pred) ?? pred; // `+ K` for the gold's `+ C`
  const fast = compareScalarsFast(gold, pred, options);
  if (fast.reason !== NEEDS_SYMBOLIC) return fast;
  const a = parseCas(ce, gold);
  const b = parseCas(ce, pred);
  const numeric = numericCheck(gold, pred, a, b, options);
  // A counterexample beats a proof: the CAS has simplification bugs (measured: it reduced
  // `1 - (in+1)` to 0), while a point where the two values differ is checkable.
  if (numeric.verdict === "not-equal") return numeric;
  if (a && b && casSimplifiesToZero(ce, a, b)) {
    return equal(
      numeric.verdict === "equal"
        ? "CAS: a−b simplifies to 0 (checked numerically)"
        : "CAS: a−b simplifies to 0",
    );
  }
  if (numeric.verdict === "equal") return numeric;
  return a && b ? numeric : unknown("neither the CAS nor the parser could read the answer");
}

/** The fast parser's evaluator where it can read both (real numbers only), else the CAS's (complex too). */
function numericCheck(
  gold: string,
  pred: string,
  a: BoxedExpression | null,
  b: BoxedExpression | null,
  options: EquivalenceOptions,
): GradeResult {
  const ea = parseCached(gold);
  const eb = parseCached(pred);
  if (ea && eb) {
    const complex = freeSymbols(ea).has("i") || freeSymbols(eb).has("i");
    const tolerance = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
    const result = complex ? complexIdentity(ea, eb, tolerance) : numericIdentity(ea, eb);
    if (result.verdict !== "unknown") return result;
  }
  return a && b ? casNumericIdentity(a, b, options) : unknown("could not evaluate");
}

function parseCas(ce: ComputeEngine, latex: string): BoxedExpression | null {
  const e = ce.parse(latex);
  return e.isValid ? e : null;
}

/** Only `simplify`: the engine's `isEqual` answered true for expressions differing by 1 (measured). */
function casSimplifiesToZero(ce: ComputeEngine, a: BoxedExpression, b: BoxedExpression): boolean {
  return ce.box(["Subtract", a, b]).simplify().is(0);
}

/** How far apart a sampled integral estimate and its true value may be (relative). */
const INTEGRAL_ESTIMATE = 0.01;

function compareCasValues(
  x: BoxedExpression,
  y: BoxedExpression,
  tolerance: number,
  estimated: boolean,
): GradeResult | undefined {
  const parts = [x.re, x.im, y.re, y.im];
  if (!parts.every(Number.isFinite)) return undefined;
  const same = isClose(x.re, y.re, tolerance) && isClose(x.im, y.im, tolerance);
  if (same) return equal("CAS: same numeric value");
  // The CAS estimates integrals by sampling (measured: ∫₀¹x dx ≈ 0.4997 or 0.5005): a small
  // difference there is not evidence either way.
  if (estimated && isClose(x.re, y.re, INTEGRAL_ESTIMATE) && isClose(x.im, y.im, INTEGRAL_ESTIMATE))
    return unknown("CAS: integral estimate too coarse to decide");
  return notEqual("CAS: different numeric values");
}

/** For expressions only the CAS can read (`\sum`, `\int`): compare its numeric values. */
function casNumericIdentity(
  a: BoxedExpression,
  b: BoxedExpression,
  options: EquivalenceOptions,
): GradeResult {
  // `unknowns` also lists bound variables (the n of a sum): try the values as they stand first.
  const estimated = [a, b].some((e) => /"Integrate"/.test(JSON.stringify(e.json)));
  const constant = compareCasValues(a.N(), b.N(), options.relativeTolerance ?? 1e-4, estimated);
  if (constant) return constant;
  const names = [...new Set([...a.unknowns, ...b.unknowns])].sort();
  let defined = 0;
  for (const env of samplePoints(names)) {
    const values = Object.fromEntries(env);
    const x = a.subs(values).N();
    const y = b.subs(values).N();
    const [xr, xi, yr, yi] = [x.re, x.im, y.re, y.im];
    if (![xr, xi, yr, yi].every(Number.isFinite)) continue;
    defined++;
    const tolerance = names.length ? 1e-7 : (options.relativeTolerance ?? 1e-4);
    if (!isClose(xr, yr, tolerance) || !isClose(xi, yi, tolerance))
      return notEqual("CAS: different numeric values");
    if (names.length === 0) return equal("CAS: same numeric value");
  }
  return defined >= 6 ? equal(`CAS: agree at ${defined} random points`) : unknown("CAS could not evaluate");
}
