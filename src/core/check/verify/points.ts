/**
 * Deterministic random points for identity testing, restricted to the domain the problem states
 * (`x \neq 1`, `x > 0`), and the agreement test. Fixed seed: a verdict never flips between runs.
 */
import { evaluate, variables, type Node } from "../math/ast";
import { mulberry32 } from "../../util/random";

export const POINTS = 14;
export const MIN_DEFINED = 5;

export interface Constraint {
  variable: string;
  op: "!=" | ">" | ">=" | "<" | "<=";
  value: number;
}

/** Free variables, without the constants `e` and `\pi`. */
export function unknowns(...nodes: Node[]): string[] {
  const names = new Set<string>();
  for (const node of nodes) variables(node, names);
  names.delete("e");
  names.delete("pi");
  return [...names].sort();
}

export function* samplePoints(
  names: readonly string[],
  constraints: readonly Constraint[] = [],
): Generator<Map<string, number>> {
  const random = mulberry32(0xace);
  let produced = 0;
  for (let attempt = 0; attempt < POINTS * 20 && produced < POINTS; attempt++) {
    const env = new Map<string, number>();
    for (const name of names) {
      const magnitude = 0.2 + 2.8 * random();
      env.set(name, attempt % 3 === 2 ? -magnitude : magnitude);
    }
    if (!constraints.every((c) => satisfies(env, c))) continue;
    produced++;
    yield env;
  }
}

function satisfies(env: ReadonlyMap<string, number>, c: Constraint): boolean {
  const x = env.get(c.variable);
  if (x === undefined) return true;
  switch (c.op) {
    case "!=":
      return Math.abs(x - c.value) > 1e-3;
    case ">":
      return x > c.value;
    case ">=":
      return x >= c.value;
    case "<":
      return x < c.value;
    case "<=":
      return x <= c.value;
  }
}

export function agree(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

export function show(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

export function showPoint(env: ReadonlyMap<string, number>): string {
  return [...env].map(([name, value]) => `${name} = ${show(value)}`).join(", ");
}

/** Stated domain restrictions: `x \neq 1`, `x \ne 0`, `x > 0`, `x \geq 2`, `x < 3`. */
export function domainConstraints(problem: string): Constraint[] {
  const found: Constraint[] = [];
  const pattern =
    /([a-zA-Z])\s*(\\neq?|\\geq?|\\leq?|\\geqslant|\\leqslant|>=?|<=?|≠|≥|≤)\s*(-?\s*\d+(?:\.\d+)?)/g;
  for (const m of problem.matchAll(pattern)) {
    const op = OPS[m[2] ?? ""];
    const value = Number((m[3] ?? "").replace(/\s+/g, ""));
    if (op && m[1] && Number.isFinite(value)) found.push({ variable: m[1], op, value });
  }
  return found;
}

const OPS: Record<string, Constraint["op"]> = {
  "\\ne": "!=",
  "\\neq": "!=",
  "≠": "!=",
  "\\ge": ">=",
  "\\geq": ">=",
  "\\geqslant": ">=",
  "≥": ">=",
  ">=": ">=",
  ">": ">",
  "\\le": "<=",
  "\\leq": "<=",
  "\\leqslant": "<=",
  "≤": "<=",
  "<=": "<=",
  "<": "<",
};

/** Evaluates at a point; NaN or ±Infinity count as "undefined there". */
export function valueAt(node: Node, env: ReadonlyMap<string, number>): number | null {
  const v = evaluate(node, env);
  return Number.isFinite(v) ? v : null;
}
