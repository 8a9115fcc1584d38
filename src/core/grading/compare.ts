/**
 * Structural equivalence: tuples, intervals, sets, unions, matrices and relations are compared
 * part by part; the parts go to a scalar comparer (fast, or symbolic in the worker).
 */
import { decimalCommaReading } from "./ambiguous";
import { compareEquations } from "./equations";
import { asConjunction, asSolutionSet } from "./intervals";
import { isEquationShape, labelledValue, pairByLabel, workedValue } from "./labels";
import { normalizeAnswer } from "./normalize";
import { readAnswer } from "./readAnswer";
import { shapeOf, type Shape } from "./shape";
import { equal, notEqual, unknown, type GradeResult } from "./types";

export type ScalarComparer = (gold: string, pred: string) => GradeResult;

/** Gold first: only the gold decides whether a 2-element list is read as an interval. */
export function compareAnswers(goldText: string, predText: string, scalar: ScalarComparer): GradeResult {
  const gold = readAnswer(goldText);
  const pred = readAnswer(predText);
  // Two texts that are the same answer need no reading (prose answers are read the same way, but
  // extra delimiters around a whole sentence would change which part is read).
  if ((gold !== goldText || pred !== predText) && sameTextAfterNormalisation(goldText, predText))
    return equal("same text after normalisation");
  const comma = decimalCommaReading(gold, pred);
  if (comma) return compareAnswers(comma.gold, comma.pred, scalar);
  const g = normalizeAnswer(gold);
  const p = normalizeAnswer(pred);
  if (g === p) return equal("same text after normalisation");
  if (g === "" || p === "") return notEqual("empty answer");
  const choice = choiceSets(g, p) ?? leadingChoice(g, p) ?? leadingChoice(p, g);
  if (choice) return choice;
  // `\textbf{(C)}\ 15` against the gold value `15`: the option's value answers.
  const option = /^\(([A-E])\)(.+)$/.exec(p);
  if (option?.[2] && !/^\(?[A-E]\)?$/.test(g)) return compareAnswers(gold, option[2], scalar);
  const gs = shapeOf(g);
  const ps = shapeOf(p);
  // `y=2x+3` against the equation `2x-y+3=0`: the stripped `y=` was part of an equation.
  if (isEquation(gs) && ps.kind === "scalar")
    return compareShapes(gs, shapeOf(normalizeAnswer(pred, KEEP)), scalar);
  if (isEquation(ps) && gs.kind === "scalar")
    return compareShapes(shapeOf(normalizeAnswer(gold, KEEP)), ps, scalar);
  const result = compareShapes(gs, ps, scalar);
  return result.verdict === "not-equal" ? (asEquations(gold, pred, g, p, scalar) ?? result) : result;
}

/** `y = x+1` and `x = y-1`: both lost a `v =` prefix in normalisation; as equations they agree. */
function asEquations(gold: string, pred: string, g: string, p: string, scalar: ScalarComparer) {
  const gk = normalizeAnswer(gold, KEEP);
  const pk = normalizeAnswer(pred, KEEP);
  if (gk === g || pk === p) return undefined;
  return compareShapes(shapeOf(gk), shapeOf(pk), scalar);
}

/** Only texts of about the same length can be one text with delimiters added (cheap to rule out). */
function sameTextAfterNormalisation(gold: string, pred: string): boolean {
  if (Math.abs(gold.length - pred.length) > 24 || gold.length > 2000) return false;
  return normalizeAnswer(gold) === normalizeAnswer(pred);
}

/** A choice letter against `C. x = 42` or `(C) 42`: only the leading letter counts. */
function leadingChoice(letterAnswer: string, other: string): GradeResult | undefined {
  if (!/^[A-E]$/.test(letterAnswer)) return undefined;
  const [gold, pred] = [letterAnswer, other];
  const letter = /^(?:[Oo]ption|[Cc]hoice|[Aa]nswer)?:?\(?([A-E])(?:[.):]|\)|$)/.exec(pred)?.[1];
  if (!letter) return undefined;
  return letter === gold ? equal("same choice letter") : notEqual("different choice letter");
}

/** `ACD` (a multiple-answer question's letters) against `A, C, D` or `(A), (C), (D)`: the same letters. */
function choiceSets(gold: string, pred: string): GradeResult | undefined {
  const g = choiceLetters(gold);
  const p = choiceLetters(pred);
  if (!g || !p || (g.length < 2 && p.length < 2)) return undefined;
  const same = g.length === p.length && g.every((letter) => p.includes(letter));
  return same ? equal("same choice letters") : notEqual("different choice letters");
}

function choiceLetters(s: string): string[] | null {
  const letters = /^[A-E]{2,5}$/.test(s) ? [...s] : s.split(",").map((x) => /^\(?([A-E])\)?$/.exec(x)?.[1]);
  if (letters.some((x) => x === undefined) || new Set(letters).size !== letters.length) return null;
  return letters as string[];
}

const KEEP = { keepVariablePrefix: true };

const isEquation = isEquationShape;

export function compareShapes(gold: Shape, pred: Shape, scalar: ScalarComparer): GradeResult {
  if (gold.kind === "scalar" && pred.kind === "scalar") return scalar(gold.text, pred.text);
  const g = asConjunction(gold) ?? gold;
  const p = asConjunction(pred) ?? pred;
  const labelled = compareLabelled(g, p, scalar);
  if (labelled) return labelled;
  if (g.kind === "relation" && p.kind === "relation") return compareRelations(g, p, scalar);
  const gi = g.kind === "relation" ? asSolutionSet(g) : g;
  const pi = p.kind === "relation" ? asSolutionSet(p) : p;
  if (gi !== g || pi !== p) return gi && pi ? compareShapes(gi, pi, scalar) : notEqual("relation vs value");
  if (g.kind === "union" || p.kind === "union") return compareUnions(g, p, scalar);
  if (g.kind === "list" && p.kind === "list") return compareLists(g, p, scalar);
  if (g.kind === "set" || p.kind === "set") return compareSetLike(g, p, scalar);
  if (g.kind === "matrix" || p.kind === "matrix") return compareMatrices(g, p, scalar);
  return notEqual(`different kinds of answer (${describe(g)} vs ${describe(p)})`);
}

/**
 * `label = value` against a value: the values. Both labelled: the values, and when those differ
 * the equations themselves (`y = x+1` is `x = y-1`). A labelled side never meets a bare equation.
 */
function compareLabelled(g: Shape, p: Shape, scalar: ScalarComparer): GradeResult | undefined {
  const gv = labelledValue(g);
  const pv = labelledValue(p);
  if (gv && pv) {
    const r = compareShapes(gv, pv, scalar);
    return r.verdict === "equal" || !isEquation(g) || !isEquation(p) ? r : undefined;
  }
  if (gv && p.kind !== "relation") return tagged(compareShapes(gv, p, scalar), "value of the labelled gold");
  if (pv && g.kind !== "relation")
    return tagged(compareShapes(g, pv, scalar), "value of the labelled answer");
  // Prediction only: a gold equation is the reference and is never reduced to its right side.
  const worked = g.kind !== "relation" ? workedValue(p) : null;
  return worked ? tagged(compareShapes(g, worked, scalar), "worked-out value of the answer") : undefined;
}

function tagged(r: GradeResult, what: string): GradeResult {
  return { verdict: r.verdict, reason: `${what}: ${r.reason}` };
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
  // `x = 2, y = 3` against the point `(2, 3)`: named values in order are the tuple.
  if (g.open !== p.open && (allLabelled(g) || allLabelled(p)) && g.items.length === p.items.length)
    return allOf(pairwise(g.items, p.items, scalar), "tuple of named values");
  const named = !g.open && !p.open ? pairByLabel(g.items, p.items) : null;
  if (named)
    return allOf(
      named.map(([a, b]) => compareAnswers(a, b, scalar)),
      "named values",
    );
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
  const gs = [...new Set(g.flatMap(plusMinusItems))];
  const ps = [...new Set(p.flatMap(plusMinusItems))];
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

/** `\pm 1, \pm i` lists four values. */
function plusMinusItems(item: string): string[] {
  if (!item.includes("\\pm")) return [item];
  const s = shapeOf(item);
  return s.kind === "set" ? s.items : [item];
}

function allLabelled(s: ListShape): boolean {
  return !s.open && s.items.every((item) => labelledValue(shapeOf(item)) !== null);
}

function compareSetLike(g: Shape, p: Shape, scalar: ScalarComparer): GradeResult {
  // `\{-2\}` is the solution -2.
  if (g.kind === "set" && g.items.length === 1 && p.kind === "scalar")
    return compareAnswers(g.items[0] ?? "", p.text, scalar);
  if (p.kind === "set" && p.items.length === 1 && g.kind === "scalar")
    return compareAnswers(g.text, p.items[0] ?? "", scalar);
  const gi = setItems(g);
  const pi = setItems(p);
  if (!gi || !pi) return notEqual(`different kinds of answer (${describe(g)} vs ${describe(p)})`);
  return compareUnordered(gi, pi, scalar, "set");
}

function setItems(s: Shape): string[] | null {
  return s.kind === "set" || (s.kind === "list" && !s.open) ? s.items : null;
}

/** A union of finite sets is one set: `\{1,3\}\cup\{2,4\}` = `\{1,2,3,4\}`. */
function compareUnions(g: Shape, p: Shape, scalar: ScalarComparer): GradeResult {
  const gm = mergeSets(g);
  const pm = mergeSets(p);
  const gs = setItems(gm);
  const ps = setItems(pm);
  if (gs && ps) return compareUnordered(gs, ps, scalar, "set");
  const gp = unionParts(gm);
  const pp = unionParts(pm);
  if (gp.length !== pp.length) return notEqual("unions with different numbers of parts");
  const used = new Set<number>();
  let undecided: GradeResult | undefined;
  for (const part of gp) {
    const j = pp.findIndex((q, k) => {
      if (used.has(k)) return false;
      const r = compareShapes(part, q, scalar);
      if (r.verdict === "unknown") undecided ??= r;
      return r.verdict === "equal";
    });
    // A part whose match needs symbolic work is not a difference: the union stays unknown.
    if (j < 0)
      return undecided ? unknown(`union: ${undecided.reason}`) : notEqual("a part of the union has no match");
    used.add(j);
  }
  return equal("unions have the same parts");
}

function unionParts(s: Shape): Shape[] {
  if (s.kind === "relation") {
    const set = asSolutionSet(s);
    return set?.kind === "union" ? set.parts : [set ?? s];
  }
  return s.kind === "union" ? s.parts.flatMap(unionParts) : [s];
}

/**
 * A union of finite sets, values or `x = value` parts is one set: `\{1,3\}\cup\{2,4\}` =
 * `\{1,2,3,4\}`, `x=2 \text{ or } x=3` = `\{2,3\}`.
 */
function mergeSets(s: Shape): Shape {
  if (s.kind !== "union") return s;
  const items: string[] = [];
  for (const part of s.parts) {
    const v = labelledValue(part) ?? part;
    if (v.kind === "set") items.push(...v.items);
    else if (v.kind === "scalar") items.push(v.text);
    else if (v.kind === "list" && !v.open) items.push(...v.items);
    else return s;
  }
  return { kind: "set", items };
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
  let a = g.kind === p.kind ? gr : flat(gr);
  let b = g.kind === p.kind ? pr : flat(pr);
  // A row vector and a column vector with the same entries are one vector written two ways.
  if (isVector(a) && isVector(b) && (a.length === 1) !== (b.length === 1)) [a, b] = [flat(a), flat(b)];
  if (a.length !== b.length || a.some((row, i) => row.length !== b[i]?.length))
    return notEqual("matrices of different sizes");
  return allOf(pairwise(a.flat(), b.flat(), scalar), "matrix");
}

/** One row, or one column with several rows. */
function isVector(rows: string[][]): boolean {
  return rows.length === 1 || rows.every((row) => row.length === 1);
}

type RelationShape = Extract<Shape, { kind: "relation" }>;

/** Equations: lhs−rhs equal up to sign. Inequalities: as intervals when in one variable. */
function compareRelations(g: RelationShape, p: RelationShape, scalar: ScalarComparer): GradeResult {
  const gi = asSolutionSet(g);
  const pi = asSolutionSet(p);
  if (gi && pi) return compareShapes(gi, pi, scalar);
  if (isEquation(g) && isEquation(p)) return compareEquations(g, p, scalar);
  if (g.ops.join() !== p.ops.join() || g.sides.length !== p.sides.length)
    return notEqual("different relations");
  return allOf(pairwise(g.sides, p.sides, scalar), "relation sides");
}
