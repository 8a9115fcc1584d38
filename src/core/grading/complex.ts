/**
 * Complex numbers for numeric identity testing: `i` is the imaginary unit. The CAS's own complex
 * arithmetic is wrong in the version we can use (measured: it evaluates `\frac{25}{3+4i}` to
 * 15−20i and `\frac{1}{1+i}` to 0.707−0.707i), so answers with `i` are evaluated here, on the
 * fast parser's tree, at the same seeded points as real identity testing.
 */
import { evaluate } from "./evaluate";
import { freeSymbols, type Expr } from "./expr";
import { samplePoints } from "./identity";
import { equal, notEqual, unknown, type GradeResult } from "./types";

interface C {
  re: number;
  im: number;
}

const NAN: C = { re: NaN, im: NaN };
const real = (re: number): C => ({ re, im: 0 });
const add = (a: C, b: C): C => ({ re: a.re + b.re, im: a.im + b.im });
const sub = (a: C, b: C): C => ({ re: a.re - b.re, im: a.im - b.im });
const mul = (a: C, b: C): C => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
function div(a: C, b: C): C {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}
const exp = (a: C): C => ({ re: Math.exp(a.re) * Math.cos(a.im), im: Math.exp(a.re) * Math.sin(a.im) });
// `+ 0` turns −0 (from negating a real) into 0, so that log(−4) is on the principal branch (+πi).
const log = (a: C): C => ({ re: Math.log(Math.hypot(a.re, a.im)), im: Math.atan2(a.im + 0, a.re) });

function power(a: C, b: C): C {
  if (b.im === 0 && Number.isInteger(b.re) && Math.abs(b.re) <= 64) {
    let r = real(1);
    for (let k = 0; k < Math.abs(b.re); k++) r = mul(r, a);
    return b.re < 0 ? div(real(1), r) : r;
  }
  if (a.im === 0 && b.im === 0 && a.re >= 0) return real(Math.pow(a.re, b.re));
  return a.re === 0 && a.im === 0 ? real(0) : exp(mul(b, log(a)));
}

const FUNCTIONS: Record<string, (z: C) => C> = {
  sqrt: (z) => power(z, real(0.5)),
  abs: (z) => real(Math.hypot(z.re, z.im)),
  exp,
  ln: log,
  sin: (z) => ({ re: Math.sin(z.re) * Math.cosh(z.im), im: Math.cos(z.re) * Math.sinh(z.im) }),
  cos: (z) => ({ re: Math.cos(z.re) * Math.cosh(z.im), im: -Math.sin(z.re) * Math.sinh(z.im) }),
};

export function evaluateComplex(e: Expr, env: ReadonlyMap<string, number>): C {
  switch (e.kind) {
    case "symbol":
      return e.name === "i" ? { re: 0, im: 1 } : real(env.get(e.name) ?? NaN);
    case "number":
    case "constant":
      return real(evaluate(e).x);
    case "negate": {
      const v = evaluateComplex(e.arg, env);
      return { re: -v.re, im: -v.im };
    }
    case "binary": {
      const [a, b] = [evaluateComplex(e.left, env), evaluateComplex(e.right, env)];
      if (e.op === "+") return add(a, b);
      if (e.op === "-") return sub(a, b);
      if (e.op === "*") return mul(a, b);
      if (e.op === "/") return div(a, b);
      return e.left.kind === "constant" && e.left.name === "e" ? exp(b) : power(a, b);
    }
    case "call": {
      const args = e.args.map((a) => evaluateComplex(a, env));
      const [z] = args;
      const f = FUNCTIONS[e.fn];
      if (f && z && args.length === 1) return f(z);
      // Other functions of real arguments: the real evaluator.
      if (args.some((a) => a.im !== 0)) return NAN;
      return real(evaluate({ ...e, args: args.map((a) => ({ kind: "number", text: String(a.re) })) }).x);
    }
  }
}

const ROUNDING = 1e-12;

/** Like numeric identity testing, with `i` the imaginary unit; constants use the answer tolerance. */
export function complexIdentity(gold: Expr, pred: Expr, tolerance: number): GradeResult {
  const names = [...new Set([...freeSymbols(gold), ...freeSymbols(pred)])].filter((n) => n !== "i").sort();
  // Constants: the answer tolerance relative to the size; with variables: identity agreement.
  const [agreement, floor] = names.length ? [1e-7, 1] : [tolerance, 0];
  let defined = 0;
  for (const env of samplePoints(names)) {
    const a = evaluateComplex(gold, env);
    const b = evaluateComplex(pred, env);
    if (![a.re, a.im, b.re, b.im].every(Number.isFinite)) continue;
    defined++;
    const scale = Math.max(floor, Math.hypot(a.re, a.im), Math.hypot(b.re, b.im));
    const distance = Math.hypot(a.re - b.re, a.im - b.im);
    // Rounding in complex arithmetic (e^{πi} + 1 ≈ 1e-16 i) is not a difference.
    if (distance > agreement * scale && distance > ROUNDING)
      return notEqual("differ as complex numbers (numeric test)");
    if (names.length === 0) return equal("same complex value");
  }
  return defined >= 6
    ? equal(`agree at ${defined} random points (complex numeric test)`)
    : unknown("could not evaluate");
}
