/**
 * Structural equivalence: tuples, intervals, sets, unions, matrices and relations are compared
 * part by part; the parts go to a scalar comparer (fast, or symbolic in the worker).
 */
import { normalizeAnswer } from "./normalize";
import { shapeOf, type Shape } from "./shape";
import { asInterval } from "./intervals";
import { equal, notEqual, unknown, type GradeResult } from "./types";

export type ScalarComparer = (gold: string, pred: string) => GradeResult;

/** Gold first: only the gold decides whether a 2-element list is read as an interval. */
export function compareAnswers(gold: string, pred: string, scalar: ScalarComparer): GradeResult {
  const g = normalizeAnswer(gold);
  const p = normalizeAnswer(pred);
  if (g === p) return equal("same text after normalisation");
  if (g === "" || p === "") return notEqual("empty answer");
  const choice = leadingChoice(g, p) ?? leadingChoice(p, g);
  if (choice) return choice;
  const gs = shapeOf(g);
  const ps = shapeOf(p);
  // `y=2x+3` against the equation `2x-y+3=0`: the stripped `y=` was part of an equation.
  if (isEquation(gs) && ps.kind === "scalar")
    return compareShapes(gs, shapeOf(normalizeAnswer(pred, KEEP)), scalar);
  if (isEquation(ps) && gs.kind === "scalar")
    return compareShapes(shapeOf(normalizeAnswer(gold, KEEP)), ps, scalar);
  return compareShapes(gs, ps, scalar);
}

/** A choice letter against `C. x = 42` or `(C) 42`: only the leading letter counts. */
function leadingChoice(letterAnswer: string, other: string): GradeResult | undefined {
  if (!/^[A-E]$/.test(letterAnswer)) return undefined;
  const [gold, pred] = [letterAnswer, other];
  const letter = /^\(?([A-E])(?:[.):]|\)|$)/.exec(pred)?.[1];
  if (!letter) return undefined;
  return letter === gold ? equal("same choice letter") : notEqual("different choice letter");
}

const KEEP = { keepVariablePrefix: true };

function isEquation(s: Shape): boolean {
  return s.kind === "relation" && s.ops.length === 1 && s.ops[0] === "=";
}

export function compareShapes(g: Shape, p: Shape, scalar: ScalarComparer): GradeResult {
  if (g.kind === "scalar" && p.kind === "scalar") return scalar(g.text, p.text);
  if (g.kind === "relation" && p.kind === "relation") return compareRelations(g, p, scalar);
  const gi = g.kind === "relation" ? asInterval(g) : g;
  const pi = p.kind === "relation" ? asInterval(p) : p;
  if (gi !== g || pi !== p) return gi && pi ? compareShapes(gi, pi, scalar) : notEqual("relation vs value");
  if (g.kind === "union" || p.kind === "union") return compareUnions(g, p, scalar);
  if (g.kind === "list" && p.kind === "list") return compareLists(g, p, scalar);
  if (g.kind === "set" || p.kind === "set") return compareSetLike(g, p, scalar);
  if (g.kind === "matrix" || p.kind === "matrix") return compareMatrices(g, p, scalar);
  return notEqual(`different kinds of answer (${describe(g)} vs ${describe(p)})`);
}

function describe(s: Shape): string {
  return s.kind === "list" ? (s.open ? "tuple/interval" : "list") : s.kind;
}

/** Combines part verdicts: any difference decides, otherwise any unknown leaves it unknown. */
export function allOf(results: Iterable<GradeResult>, what: string): GradeResult {
  let undecided: GradeResult | undefined;
  for (const r of results) {
    if (r.verdict === "not-equal") return notEqual(`${what}: ${r.reason}`);
    if (r.verdict === "unknown") undecided ??= r;
  }
  return undecided ? unknown(`${what}: ${undecided.reason}`) : equal(`${what} equal element by element`);
}

function* pairwise(g: string[], p: string[], scalar: ScalarComparer): Generator<GradeResult> {
  for (let i = 0; i < g.length; i++) yield compareAnswers(g[i] ?? "", p[i] ?? "", scalar);
}

type ListShape = Extract<Shape, { kind: "list" }>;

/**
 * Ordered lists. An interval's brackets matter; a tuple's do not: `[1,2)` ≠ `(1,2)` but the point
 * `(3,1)` = `[3,1]`. A 2-element list is an interval when a bracket is mixed, an end is infinite,
 * or the gold's ends increase. A bare list (`1, 2`) is unordered, like a set.
 */
function compareLists(g: ListShape, p: ListShape, scalar: ScalarComparer): GradeResult {
  if (!g.open || !p.open) return compareUnordered(g.items, p.items, scalar, "list");
  if (g.items.length !== p.items.length) return notEqual(`tuples of different lengths`);
  if (isInterval(g, p, scalar)) {
    if (g.open !== p.open || g.close !== p.close) return notEqual("interval ends differ (open vs closed)");
    return allOf(pairwise(g.items, p.items, scalar), "interval ends");
  }
  return allOf(pairwise(g.items, p.items, scalar), "tuple");
}

function isInterval(g: ListShape, p: ListShape, scalar: ScalarComparer): boolean {
  if (g.items.length !== 2) return false;
  const mixed = (s: ListShape) => (s.open === "(") !== (s.close === ")");
  if (mixed(g) || mixed(p) || [...g.items, ...p.items].some((x) => x.includes("\\infty"))) return true;
  return increasing(g.items[0] ?? "", g.items[1] ?? "", scalar);
}

function increasing(lo: string, hi: string, scalar: ScalarComparer): boolean {
  const a = Number(lo);
  const b = Number(hi);
  if (Number.isFinite(a) && Number.isFinite(b)) return a < b;
  return scalar(lo, hi).verdict === "not-equal" && /^-/.test(lo) && !/^-/.test(hi);
}

/** Sets and bare lists: every element of each must match one of the other (duplicates ignored). */
function compareUnordered(g: string[], p: string[], scalar: ScalarComparer, what: string): GradeResult {
  const gs = [...new Set(g)];
  const ps = [...new Set(p)];
  if (gs.length !== ps.length) return notEqual(`${what}s of different sizes`);
  const used = new Set<number>();
  let undecided: GradeResult | undefined;
  for (const item of gs) {
    let matched = false;
    for (let j = 0; j < ps.length && !matched; j++) {
      if (used.has(j)) continue;
      const r = compareAnswers(item, ps[j] ?? "", scalar);
      if (r.verdict === "equal") [matched] = [true, used.add(j)];
      else if (r.verdict === "unknown") undecided ??= r;
    }
    if (!matched)
      return undecided
        ? unknown(`${what}: ${undecided.reason}`)
        : notEqual(`${what} element ${item} unmatched`);
  }
  return equal(`${what}s have the same elements`);
}

function compareSetLike(g: Shape, p: Shape, scalar: ScalarComparer): GradeResult {
  const items = (s: Shape) => (s.kind === "set" || (s.kind === "list" && !s.open) ? s.items : null);
  const gi = items(g);
  const pi = items(p);
  if (!gi || !pi) return notEqual(`different kinds of answer (${describe(g)} vs ${describe(p)})`);
  return compareUnordered(gi, pi, scalar, "set");
}

/** A union of finite sets is one set: `\{1,3\}\cup\{2,4\}` = `\{1,2,3,4\}`. */
function compareUnions(g: Shape, p: Shape, scalar: ScalarComparer): GradeResult {
  const gm = mergeSets(g);
  const pm = mergeSets(p);
  if (gm.kind === "set" && pm.kind === "set") return compareUnordered(gm.items, pm.items, scalar, "set");
  const parts = (s: Shape) =>
    s.kind === "union" ? s.parts.map((x) => (x.kind === "relation" ? (asInterval(x) ?? x) : x)) : [s];
  const gp = parts(gm);
  const pp = parts(pm);
  if (gp.length !== pp.length) return notEqual("unions with different numbers of parts");
  const used = new Set<number>();
  for (const part of gp) {
    const j = pp.findIndex((q, k) => !used.has(k) && compareShapes(part, q, scalar).verdict === "equal");
    if (j < 0) return notEqual("a part of the union has no match");
    used.add(j);
  }
  return equal("unions have the same parts");
}

function mergeSets(s: Shape): Shape {
  if (s.kind !== "union" || !s.parts.every((p) => p.kind === "set")) return s;
  return { kind: "set", items: s.parts.flatMap((p) => (p.kind === "set" ? p.items : [])) };
}

/** Matrices element by element; a single row or column also matches a tuple of its elements. */
function compareMatrices(g: Shape, p: Shape, scalar: ScalarComparer): GradeResult {
  const rows = (s: Shape): string[][] | null => {
    if (s.kind === "matrix") return s.rows;
    return s.kind === "list" && s.open ? [s.items] : null;
  };
  const gr = rows(g);
  const pr = rows(p);
  if (!gr || !pr) return notEqual(`different kinds of answer (${describe(g)} vs ${describe(p)})`);
  const flat = (r: string[][]) => (r.every((row) => row.length === 1) ? [r.map((row) => row[0] ?? "")] : r);
  const a = g.kind === p.kind ? gr : flat(gr);
  const b = g.kind === p.kind ? pr : flat(pr);
  if (a.length !== b.length || a.some((row, i) => row.length !== b[i]?.length))
    return notEqual("matrices of different sizes");
  return allOf(pairwise(a.flat(), b.flat(), scalar), "matrix");
}

type RelationShape = Extract<Shape, { kind: "relation" }>;

/** Equations: lhs−rhs equal up to sign. Inequalities: as intervals when in one variable. */
function compareRelations(g: RelationShape, p: RelationShape, scalar: ScalarComparer): GradeResult {
  const gi = asInterval(g);
  const pi = asInterval(p);
  if (gi && pi) return compareShapes(gi, pi, scalar);
  if (g.ops.length === 1 && p.ops.length === 1 && g.ops[0] === "=" && p.ops[0] === "=") {
    const gd = difference(g);
    const pd = difference(p);
    const same = scalar(gd, pd);
    if (same.verdict !== "not-equal") return tagged(same, "equation (lhs−rhs)");
    return tagged(scalar(gd, `-(${pd})`), "equation (lhs−rhs up to sign)");
  }
  if (g.ops.join() !== p.ops.join() || g.sides.length !== p.sides.length)
    return notEqual("different relations");
  return allOf(pairwise(g.sides, p.sides, scalar), "relation sides");
}

function difference(r: RelationShape): string {
  return `(${r.sides[0]})-(${r.sides[1]})`;
}

function tagged(r: GradeResult, what: string): GradeResult {
  return { verdict: r.verdict, reason: `${what}: ${r.reason}` };
}
