/**
 * Evaluates an expression tree to a float, and also to an exact rational while every step is
 * rational. Variables take their values from `env` (random points for identity testing).
 * All work is bounded: big powers and factorials give up exactness, then overflow to Infinity.
 */
import type { Expr } from "./expr";
import * as Q from "./rational";

export interface Value {
  x: number;
  q?: Rational;
}
type Rational = Q.Rational;

const MAX_EXACT_FACTORIAL = 500;

export function evaluate(e: Expr, env: ReadonlyMap<string, number> = new Map()): Value {
  switch (e.kind) {
    case "number": {
      const q = Q.parseDecimal(e.text);
      return { x: Number(e.text), q };
    }
    case "symbol":
      return { x: env.get(e.name) ?? Number.NaN };
    case "constant":
      return { x: e.name === "pi" ? Math.PI : e.name === "e" ? Math.E : Infinity };
    case "negate": {
      const v = evaluate(e.arg, env);
      return { x: -v.x, q: v.q && Q.rational(-v.q.n, v.q.d) };
    }
    case "binary":
      return binary(e.op, evaluate(e.left, env), evaluate(e.right, env));
    case "call":
      return call(
        e.fn,
        e.args.map((a) => evaluate(a, env)),
      );
  }
}

function binary(op: "+" | "-" | "*" | "/" | "^", a: Value, b: Value): Value {
  const both = a.q && b.q ? ([a.q, b.q] as const) : undefined;
  switch (op) {
    case "+":
      return { x: a.x + b.x, q: both && Q.add(...both) };
    case "-":
      return { x: a.x - b.x, q: both && Q.sub(...both) };
    case "*":
      return { x: a.x * b.x, q: both && Q.mul(...both) };
    case "/":
      return { x: a.x / b.x, q: both && Q.div(...both) };
    case "^":
      return power(a, b);
  }
}

function power(a: Value, b: Value): Value {
  const q = a.q && b.q ? Q.pow(a.q, b.q) : undefined;
  if (q) return { x: Q.toNumber(q), q };
  // An exact rational root such as 8^(1/3) or 4^(3/2).
  if (a.q && b.q && b.q.d <= 12n && a.q.n >= 0n) {
    const root = exactRoot(a.q, Number(b.q.d));
    const raised = root && Q.pow(root, { n: b.q.n, d: 1n });
    if (raised) return { x: Q.toNumber(raised), q: raised };
  }
  // Odd roots of negative numbers are real: (-8)^(1/3) = -2.
  if (a.x < 0 && b.q && b.q.d % 2n === 1n) {
    const magnitude = Math.pow(-a.x, b.x);
    return { x: b.q.n % 2n === 0n ? magnitude : -magnitude };
  }
  return { x: Math.pow(a.x, b.x) };
}

/** The exact k-th root of a non-negative rational, if it is rational. */
export function exactRoot(r: Rational, k: number): Rational | undefined {
  const n = integerRoot(r.n, k);
  const d = integerRoot(r.d, k);
  return n !== undefined && d !== undefined ? Q.rational(n, d) : undefined;
}

function integerRoot(v: bigint, k: number): bigint | undefined {
  if (v < 0n) return undefined;
  const guess = BigInt(Math.round(Math.pow(Number(v), 1 / k)));
  for (const c of [guess - 1n, guess, guess + 1n]) if (c >= 0n && c ** BigInt(k) === v) return c;
  return undefined;
}

type Fn = (args: Value[]) => Value;
const real =
  (f: (...xs: number[]) => number): Fn =>
  (args) => ({ x: f(...args.map((a) => a.x)) });

const FUNCTIONS: Record<string, Fn> = {
  sqrt: ([a]) => power(a ?? { x: NaN }, { x: 0.5, q: { n: 1n, d: 2n } }),
  root: ([a, k]) =>
    k?.q ? power(a ?? { x: NaN }, { x: 1 / k.x, q: Q.div({ n: 1n, d: 1n }, k.q) }) : { x: NaN },
  sin: real(Math.sin),
  cos: real(Math.cos),
  tan: real(Math.tan),
  sec: real((x) => 1 / Math.cos(x)),
  csc: real((x) => 1 / Math.sin(x)),
  cot: real((x) => 1 / Math.tan(x)),
  arcsin: real(Math.asin),
  arccos: real(Math.acos),
  arctan: real(Math.atan),
  sinh: real(Math.sinh),
  cosh: real(Math.cosh),
  tanh: real(Math.tanh),
  ln: real(Math.log),
  exp: real(Math.exp),
  log: real((x, base) => (base === undefined ? Math.log10(x) : Math.log(x) / Math.log(base))),
  abs: ([a]) => ({ x: Math.abs(a?.x ?? NaN), q: a?.q && Q.rational(a.q.n < 0n ? -a.q.n : a.q.n, a.q.d) }),
  factorial: ([a]) => factorial(a),
  binom: ([n, k]) => binomial(n, k),
  gcd: (args) => integerFold(args, (a, b) => gcdOf(a, b)),
  lcm: (args) => integerFold(args, (a, b) => (a === 0n || b === 0n ? 0n : (a * b) / gcdOf(a, b))),
};

function gcdOf(a: bigint, b: bigint): bigint {
  [a, b] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** gcd and lcm of integers only (anything else is undefined here). */
function integerFold(args: Value[], f: (a: bigint, b: bigint) => bigint): Value {
  if (args.length === 0 || args.some((a) => a.q?.d !== 1n)) return { x: NaN };
  const r = args.map((a) => a.q?.n ?? 0n).reduce(f);
  const q = Q.rational(r < 0n ? -r : r);
  return { x: q ? Q.toNumber(q) : NaN, q };
}

function call(fn: string, args: Value[]): Value {
  const f = FUNCTIONS[fn];
  return f ? f(args) : { x: NaN };
}

function factorial(a: Value | undefined): Value {
  // At a non-integer point (numeric identity testing of `(n+1)!` = `(n+1)\cdot n!`): Γ(x+1).
  if (a && a.q?.d !== 1n && a.x > -1) return { x: gamma(a.x + 1) };
  if (!a?.q || a.q.d !== 1n || a.q.n < 0n) return { x: NaN };
  if (a.q.n > BigInt(MAX_EXACT_FACTORIAL)) return { x: Infinity };
  let p = 1n;
  for (let i = 2n; i <= a.q.n; i++) p *= i;
  const q = Q.rational(p);
  return { x: q ? Q.toNumber(q) : Infinity, q };
}

/** Γ by the Lanczos approximation (g = 7), for x > 0: enough for identity testing at 1e-7. */
function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const t = x + 6.5;
  let sum = c[0] ?? 1;
  for (let i = 1; i < c.length; i++) sum += (c[i] ?? 0) / (x - 1 + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x - 0.5) * Math.exp(-t) * sum;
}

function binomial(n: Value | undefined, k: Value | undefined): Value {
  // `\binom{n}{2}` at a non-integer n: the falling factorial n(n−1)…(n−k+1)/k! is still defined.
  if (n && n.q?.d !== 1n && k?.q && k.q.d === 1n && k.q.n >= 0n && k.q.n <= 100n) {
    let x = 1;
    for (let i = 0; i < Number(k.q.n); i++) x = (x * (n.x - i)) / (i + 1);
    return { x };
  }
  if (!n?.q || !k?.q || n.q.d !== 1n || k.q.d !== 1n || k.q.n < 0n || k.q.n > 10000n) return { x: NaN };
  let p = 1n;
  for (let i = 0n; i < k.q.n; i++) p = (p * (n.q.n - i)) / (i + 1n);
  const q = Q.rational(p);
  return { x: q ? Q.toNumber(q) : Infinity, q };
}
