/**
 * Linear expressions in one variable, exactly: `-x+1` is −1·x + 1. Used to solve one-variable
 * inequalities (`-x > -1` ⇔ `x < 1`) and to find the factor between two equations of one line.
 */
import { evaluate } from "./evaluate";
import { freeSymbols, type Expr } from "./expr";
import * as Q from "./rational";
import { parseCached } from "./scalarFast";

export interface Linear {
  variable: string;
  slope: Q.Rational;
  intercept: Q.Rational;
}

/** `a·v + b` with exact rational a ≠ 0 and b, or null (not linear, irrational, several variables). */
export function asLinear(latex: string): Linear | null {
  const e = parseCached(latex);
  if (!e) return null;
  const names = [...freeSymbols(e)];
  const variable = names[0];
  if (names.length !== 1 || !variable) return null;
  const at = (v: number) => evaluate(substitute(e, variable, v)).q;
  const [f0, f1, f7] = [at(0), at(1), at(7)];
  if (!f0 || !f1 || !f7) return null;
  const slope = Q.sub(f1, f0);
  const seven = Q.rational(7n);
  const expected = slope && seven && Q.mul(slope, seven);
  const rise = Q.sub(f7, f0);
  if (!slope || slope.n === 0n || !expected || !rise || !Q.equals(expected, rise)) return null;
  return { variable, slope, intercept: f0 };
}

function substitute(e: Expr, name: string, value: number): Expr {
  switch (e.kind) {
    case "symbol":
      return e.name === name ? { kind: "number", text: String(value) } : e;
    case "negate":
      return { kind: "negate", arg: substitute(e.arg, name, value) };
    case "binary":
      return { ...e, left: substitute(e.left, name, value), right: substitute(e.right, name, value) };
    case "call":
      return { ...e, args: e.args.map((a) => substitute(a, name, value)) };
    default:
      return e;
  }
}

export function rationalLatex(r: Q.Rational): string {
  const sign = r.n < 0n ? "-" : "";
  const n = r.n < 0n ? -r.n : r.n;
  return r.d === 1n ? `${sign}${n}` : `${sign}\\frac{${n}}{${r.d}}`;
}
