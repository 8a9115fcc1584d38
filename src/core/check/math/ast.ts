/** Expression trees of the check parser; `evaluate` and `polynomialDegree` walk them. */
export type Node =
  | { t: "num"; v: number }
  | { t: "var"; name: string }
  | { t: "neg"; a: Node }
  | { t: "bin"; op: "+" | "-" | "*" | "/" | "^"; a: Node; b: Node }
  | { t: "fn"; name: string; args: Node[] };

export function variables(node: Node, into: Set<string> = new Set()): Set<string> {
  switch (node.t) {
    case "var":
      into.add(node.name);
      break;
    case "neg":
      variables(node.a, into);
      break;
    case "bin":
      variables(node.a, into);
      variables(node.b, into);
      break;
    case "fn":
      node.args.forEach((a) => variables(a, into));
      break;
    default:
      break;
  }
  return into;
}

type Fn = (...xs: number[]) => number;
const FUNCTIONS: Record<string, Fn> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sec: (x) => 1 / Math.cos(x),
  csc: (x) => 1 / Math.sin(x),
  cot: (x) => 1 / Math.tan(x),
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  ln: Math.log,
  log: (x, base) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
  exp: Math.exp,
  sqrt: Math.sqrt,
  root: (x, k) =>
    k !== undefined && x < 0 && Math.round(k) % 2 === 1 ? -Math.pow(-x, 1 / k) : Math.pow(x, 1 / (k ?? 2)),
  abs: Math.abs,
  factorial: (n) => (Number.isInteger(n) && n >= 0 && n <= 170 ? gammaInt(n) : Number.NaN),
  binom: (n, k) => (k === undefined ? Number.NaN : gammaInt(n) / (gammaInt(k) * gammaInt(n - k))),
};

export const FUNCTION_NAMES = new Set(Object.keys(FUNCTIONS));

function gammaInt(n: number): number {
  if (!Number.isInteger(n) || n < 0) return Number.NaN;
  let p = 1;
  for (let i = 2; i <= n; i++) p *= i;
  return p;
}

export const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

/** A float; NaN where undefined (a variable without a value, a log of a negative number). */
export function evaluate(node: Node, env: ReadonlyMap<string, number>): number {
  switch (node.t) {
    case "num":
      return node.v;
    case "var":
      return env.get(node.name) ?? CONSTANTS[node.name] ?? Number.NaN;
    case "neg":
      return -evaluate(node.a, env);
    case "bin":
      return binary(node.op, evaluate(node.a, env), evaluate(node.b, env), node.b);
    case "fn": {
      const f = FUNCTIONS[node.name];
      return f ? f(...node.args.map((a) => evaluate(a, env))) : Number.NaN;
    }
  }
}

function binary(op: "+" | "-" | "*" | "/" | "^", a: number, b: number, exponent: Node): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "^":
      return power(a, b, exponent);
  }
}

/** Odd roots of negatives are real: x^(1/3) at x = -8 is -2. */
function power(a: number, b: number, exponent: Node): number {
  if (a >= 0 || Number.isInteger(b)) return Math.pow(a, b);
  if (exponent.t === "bin" && exponent.op === "/" && exponent.b.t === "num" && exponent.b.v % 2 === 1) {
    const magnitude = Math.pow(-a, b);
    return exponent.a.t === "num" && exponent.a.v % 2 === 0 ? magnitude : -magnitude;
  }
  return Number.NaN;
}

/** The degree in `x` when the tree is a polynomial in `x` (other variables count as constants); else null. */
export function polynomialDegree(node: Node, x: string): number | null {
  switch (node.t) {
    case "num":
      return 0;
    case "var":
      return node.name === x ? 1 : 0;
    case "neg":
      return polynomialDegree(node.a, x);
    case "fn":
      return node.args.every((a) => polynomialDegree(a, x) === 0) ? 0 : null;
    case "bin": {
      const a = polynomialDegree(node.a, x);
      const b = polynomialDegree(node.b, x);
      if (a === null || b === null) return null;
      if (node.op === "+" || node.op === "-") return Math.max(a, b);
      if (node.op === "*") return a + b;
      if (node.op === "/") return b === 0 ? a : null;
      if (b !== 0) return null;
      const n = node.b.t === "num" ? node.b.v : Number.NaN;
      return a === 0 ? 0 : Number.isInteger(n) && n >= 0 && n <= 64 ? a * n : null;
    }
  }
}
