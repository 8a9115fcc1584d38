/**
 * Inequalities in one variable as the sets they describe: `-2\leq x<1` ↔ `[-2,1)`, `x>3` ↔
 * `(3,\infty)`, `-x > -1` ↔ `(-\infty,1)` (a linear side is solved exactly), `|t| \le 5` ↔ `[-5,5]`,
 * `2 \le |t| \le 5` ↔ `[-5,-2]\cup[2,5]`.
 */
import { asLinear, rationalLatex } from "./linear";
import * as Q from "./rational";
import { shapeOf, type Shape } from "./shape";

type RelationShape = Extract<Shape, { kind: "relation" }>;
type Interval = Extract<Shape, { kind: "list" }>;

const VARIABLE = /^(?:[a-zA-Z](?:_\{?\w+\}?)?|\\[a-zA-Z]+)$/;
const ABS = /^\|([a-zA-Z](?:_\{?\w+\}?)?)\|$/;
const LESS = new Set(["<", "\\leq"]);
const GREATER = new Set([">", "\\geq"]);
const FLIP: Record<string, string> = { "<": ">", ">": "<", "\\leq": "\\geq", "\\geq": "\\leq" };

/** The set an inequality describes, when it is one of the forms above; else null. */
export function asSolutionSet(r: RelationShape): Shape | null {
  const sides = r.sides.map((s) => s.trim());
  if (sides.some((s) => ABS.test(s))) return absoluteValue(sides, r.ops);
  if (sides.length === 2 && r.ops[0] === "\\neq") return allBut(sides);
  return asInterval(r);
}

export function asInterval(r: RelationShape): Interval | null {
  const sides = r.sides.map((s) => s.trim());
  if (sides.length === 2) return halfLine(sides, r.ops[0] ?? "");
  if (sides.length === 3 && VARIABLE.test(sides[1] ?? "")) return between(sides, r.ops);
  return null;
}

function halfLine(sides: string[], op: string): Interval | null {
  let [left, right] = sides as [string, string];
  if (!VARIABLE.test(left)) {
    if (!VARIABLE.test(right)) return solvedLinear(left, right, op);
    [left, right, op] = [right, left, FLIP[op] ?? op];
  }
  const closed = op === "\\leq" || op === "\\geq";
  if (LESS.has(op)) return { kind: "list", open: "(", close: closed ? "]" : ")", items: ["-\\infty", right] };
  if (GREATER.has(op))
    return { kind: "list", open: closed ? "[" : "(", close: ")", items: [right, "\\infty"] };
  return null;
}

/** `a·v + b op c·…`: moved to one side and divided by the slope (flipping for a negative one). */
function solvedLinear(left: string, right: string, op: string): Interval | null {
  if (!FLIP[op]) return null;
  const f = asLinear(`(${left})-(${right})`);
  if (!f) return null;
  const root = Q.div(Q.rational(-f.intercept.n, f.intercept.d) ?? f.intercept, f.slope);
  if (!root) return null;
  const solvedOp = f.slope.n < 0n ? (FLIP[op] ?? op) : op;
  return halfLine([f.variable, rationalLatex(root)], solvedOp);
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

/** `|v| < b`, `|v| \geq b`, `a \le |v| \le b` (`b` on the right after flipping). */
function absoluteValue(sides: string[], ops: string[]): Shape | null {
  if (sides.length === 2) {
    let [left, right] = sides as [string, string];
    let op = ops[0] ?? "";
    if (!ABS.test(left)) [left, right, op] = [right, left, FLIP[op] ?? op];
    if (!ABS.test(left) || !FLIP[op]) return null;
    const closed = op === "\\leq" || op === "\\geq";
    if (LESS.has(op)) return interval(negated(right), closed, right, closed);
    return {
      kind: "union",
      parts: [interval("-\\infty", false, negated(right), closed), interval(right, closed, "\\infty", false)],
    };
  }
  const [a, middle, b] = sides as [string, string, string];
  const [op1, op2] = ops as [string, string];
  if (sides.length !== 3 || !ABS.test(middle) || !LESS.has(op1) || !LESS.has(op2)) return null;
  const [loClosed, hiClosed] = [op1 === "\\leq", op2 === "\\leq"];
  return {
    kind: "union",
    parts: [interval(negated(b), hiClosed, negated(a), loClosed), interval(a, loClosed, b, hiClosed)],
  };
}

function negated(s: string): string {
  if (/^-[^+-]*$/.test(s)) return s.slice(1);
  return /^[^+-]*$/.test(s) ? `-${s}` : `-(${s})`;
}

/** `x > 2 \text{ and } x < 5` (read as the list `x>2, x<5`): both at once, the interval `(2,5)`. */
export function asConjunction(s: Shape): Interval | null {
  if (s.kind !== "list" || s.open || s.items.length !== 2) return null;
  const halves = s.items.map((item) => {
    const r = shapeOf(item);
    return r.kind === "relation" && r.sides.length === 2 ? asInterval(r) : null;
  });
  const upper = halves.find((h) => h?.items[0] === "-\\infty");
  const lower = halves.find((h) => h?.items[1] === "\\infty");
  if (!upper || !lower || upper === lower) return null;
  return {
    kind: "list",
    open: lower.open,
    close: upper.close,
    items: [lower.items[0] ?? "", upper.items[1] ?? ""],
  };
}

/** `x \neq 0`: every real number but one, `(-\infty,0)\cup(0,\infty)`. */
function allBut(sides: string[]): Shape | null {
  const [left, right] = sides as [string, string];
  const value = VARIABLE.test(left) ? right : VARIABLE.test(right) ? left : null;
  if (value === null) return null;
  return {
    kind: "union",
    parts: [interval("-\\infty", false, value, false), interval(value, false, "\\infty", false)],
  };
}
