/** Inequalities in one variable as intervals: `-2\leq x<1` ↔ `[-2,1)`, `x>3` ↔ `(3,\infty)`. */
import type { Shape } from "./shape";

type RelationShape = Extract<Shape, { kind: "relation" }>;
type Interval = Extract<Shape, { kind: "list" }>;

const VARIABLE = /^(?:[a-zA-Z](?:_\{?\w+\}?)?|\\[a-zA-Z]+)$/;
const LESS = new Set(["<", "\\leq"]);
const GREATER = new Set([">", "\\geq"]);
const FLIP: Record<string, string> = { "<": ">", ">": "<", "\\leq": "\\geq", "\\geq": "\\leq" };

export function asInterval(r: RelationShape): Interval | null {
  const sides = r.sides.map((s) => s.trim());
  if (sides.length === 2) return halfLine(sides, r.ops[0] ?? "");
  if (sides.length === 3 && VARIABLE.test(sides[1] ?? "")) return between(sides, r.ops);
  return null;
}

function halfLine(sides: string[], op: string): Interval | null {
  let [left, right] = sides as [string, string];
  if (!VARIABLE.test(left)) {
    if (!VARIABLE.test(right)) return null;
    [left, right, op] = [right, left, FLIP[op] ?? op];
  }
  const closed = op === "\\leq" || op === "\\geq";
  if (LESS.has(op)) return { kind: "list", open: "(", close: closed ? "]" : ")", items: ["-\\infty", right] };
  if (GREATER.has(op))
    return { kind: "list", open: closed ? "[" : "(", close: ")", items: [right, "\\infty"] };
  return null;
}

function between(sides: string[], ops: string[]): Interval | null {
  const [a, , b] = sides as [string, string, string];
  const [op1, op2] = ops as [string, string];
  if (LESS.has(op1) && LESS.has(op2)) return interval(a, op1 === "\\leq", b, op2 === "\\leq");
  if (GREATER.has(op1) && GREATER.has(op2)) return interval(b, op2 === "\\geq", a, op1 === "\\geq");
  return null;
}

function interval(lo: string, loClosed: boolean, hi: string, hiClosed: boolean): Interval {
  return { kind: "list", open: loClosed ? "[" : "(", close: hiClosed ? "]" : ")", items: [lo, hi] };
}
