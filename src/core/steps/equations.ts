/**
 * Equations as a solution transforms them: a solved form (`x = 5`) must satisfy one of the last
 * equations in that variable alone; any other equation is compared with the previous one in the same
 * variables: proportional `lhs − rhs` (the same solution set), else for one variable and polynomials
 * the real roots. Only a step that both gains and loses roots is refuted; one that only loses some
 * (dividing by x) or cannot be compared is left unchecked.
 */
import { polynomialDegree, type Node } from "../check/math/ast";
import { realRoots } from "../check/verify/polynomial";
import { agree, MIN_DEFINED, samplePoints, show, unknowns, valueAt } from "../check/verify/points";
import type { Facts } from "./facts";
import { decimalPlaces, readable, writtenName } from "./formula";
import type { LinkCheck, LinkSettings, Say } from "./links";

export function judgeSolvedForm(
  name: string,
  other: Node,
  otherText: string,
  link: string,
  facts: Facts,
  settings: LinkSettings,
  say: Say,
): LinkCheck {
  const env = facts.env(name);
  const free = unknowns(other).filter((n) => !env.has(n));
  if (free.length > 0) {
    facts.addEquation({ text: link, left: { t: "var", name }, right: other });
    return say("unchecked", `defines ${writtenName(name)} in terms of ${free.map(writtenName).join(", ")}`);
  }
  const value = valueAt(other, env);
  if (value === null) return say("unchecked", `${readable(otherText)} has no finite value`);
  const places = decimalPlaces(otherText);
  // Only equations in this variable alone: another variable's value may belong to another case.
  const targets = facts.recentEquations().filter((e) => {
    const vars = unknowns(e.left, e.right);
    return vars.length === 1 && vars[0] === name;
  });
  const before = facts.known(name);
  facts.assign(name, value, `${writtenName(name)} = ${readable(otherText)}`);
  const point = new Map(env).set(name, value);
  const satisfied = targets.find((e) => satisfies(e, point, name, places, settings.tolerance));
  if (satisfied) {
    // Solved: a later value of the same variable is a new assignment ("if we try r = 10"), not this equation's root.
    facts.consume(satisfied);
    return say("verified", `${writtenName(name)} = ${show(value)} satisfies ${readable(satisfied.text)}`);
  }
  if (targets.length > 0) {
    const target = targets[0]!;
    const l = valueAt(target.left, point);
    const rv = valueAt(target.right, point);
    if (l === null || rv === null)
      return say(
        "unchecked",
        `${writtenName(name)} = ${show(value)} is outside the domain of ${readable(target.text)}`,
      );
    return say(
      "refuted",
      `${writtenName(name)} = ${show(value)} does not satisfy ${readable(target.text)}: the left side is ${show(l)} and the right side is ${show(rv)}`,
      { [name]: value },
    );
  }
  if (before && agree(before.value, value, settings.tolerance))
    return say("verified", `${writtenName(name)} = ${show(value)}, as found before`);
  return say("unchecked", `gives ${writtenName(name)} the value ${show(value)}`);
}

/** The equation holds at the point; a value written as a decimal may be rounded: a sign change within its last digit counts. */
function satisfies(
  e: { left: Node; right: Node },
  point: Map<string, number>,
  name: string,
  places: number | null,
  tolerance: number,
): boolean {
  const at = (x: number) => {
    const p = new Map(point).set(name, x);
    const l = valueAt(e.left, p);
    const r = valueAt(e.right, p);
    return l === null || r === null ? null : { l, r };
  };
  const here = at(point.get(name) ?? 0);
  if (here && agree(here.l, here.r, tolerance)) return true;
  if (places === null) return false;
  const x = point.get(name) ?? 0;
  const h = 10 ** -places;
  const below = at(x - h);
  const above = at(x + h);
  return below !== null && above !== null && Math.sign(below.l - below.r) !== Math.sign(above.l - above.r);
}

export function judgeEquation(
  equation: { text: string; left: Node; right: Node },
  free: readonly string[],
  facts: Facts,
  settings: LinkSettings,
  say: Say,
): LinkCheck {
  const env = new Map<string, number>();
  const sameVars = (e: { left: Node; right: Node }) => {
    const vars = unknowns(e.left, e.right);
    return vars.length === free.length && vars.every((v) => free.includes(v));
  };
  const previous = facts.recentEquations().find(sameVars);
  facts.addEquation(equation);
  if (!previous) return say("unchecked", "an equation; nothing before it to compare with");
  const ratio = proportional(previous, equation, free, env, settings);
  if (ratio !== null)
    return say(
      "verified",
      `equivalent to ${readable(previous.text)}${show(ratio) === "1" ? "" : ` (× ${show(ratio)})`}`,
    );
  if (free.length !== 1)
    return say("unchecked", `not a multiple of ${readable(previous.text)}; not judged further`);
  const variable = free[0]!;
  const before = roots(previous, variable, env);
  const after = roots(equation, variable, env);
  if (!before || !after)
    return say("unchecked", `not a multiple of ${readable(previous.text)}; not judged further`);
  const gained = after.filter((x) => !before.some((y) => agree(x, y, 1e-6)));
  const lost = before.filter((x) => !after.some((y) => agree(x, y, 1e-6)));
  if (gained.length > 0 && lost.length > 0) {
    const x = gained[0]!;
    return say(
      "refuted",
      `changes the solutions: ${readable(previous.text)} has ${rootList(variable, before)}, this equation has ${rootList(variable, after)}`,
      { [variable]: x },
    );
  }
  if (gained.length === 0 && lost.length === 0)
    return say("verified", `the same real roots as ${readable(previous.text)}`);
  return say(
    "unchecked",
    `keeps some roots of ${readable(previous.text)} and not others (a division or squaring may do that)`,
  );
}

function rootList(variable: string, xs: readonly number[]): string {
  return xs.length === 0 ? "no real root" : `${variable} = ${xs.map(show).join(", ")}`;
}

function roots(
  e: { left: Node; right: Node },
  variable: string,
  env: ReadonlyMap<string, number>,
): number[] | null {
  const diff = substitute({ t: "bin", op: "-", a: e.left, b: e.right }, env);
  const degree = polynomialDegree(diff, variable);
  return degree === null || degree < 1 ? null : realRoots(diff, variable, degree);
}

function substitute(node: Node, env: ReadonlyMap<string, number>): Node {
  switch (node.t) {
    case "var": {
      const v = env.get(node.name);
      return v === undefined ? node : { t: "num", v };
    }
    case "neg":
      return { t: "neg", a: substitute(node.a, env) };
    case "bin":
      return { ...node, a: substitute(node.a, env), b: substitute(node.b, env) };
    case "fn":
      return { ...node, args: node.args.map((a) => substitute(a, env)) };
    default:
      return node;
  }
}

/** The constant k with (lhs − rhs) of `b` = k · (lhs − rhs) of `a` at every sampled point, or null. */
function proportional(
  a: { left: Node; right: Node },
  b: { left: Node; right: Node },
  free: readonly string[],
  env: ReadonlyMap<string, number>,
  settings: LinkSettings,
): number | null {
  let ratio: number | null = null;
  let defined = 0;
  for (const point of samplePoints(free, settings.constraints)) {
    const p = new Map([...env, ...point]);
    const da = difference(a, p);
    const db = difference(b, p);
    if (da === null || db === null || Math.abs(da) < 1e-12) continue;
    const k = db / da;
    if (ratio === null) ratio = k;
    else if (!agree(k, ratio, settings.tolerance)) return null;
    defined++;
  }
  return defined >= MIN_DEFINED && ratio !== null && Math.abs(ratio) > 1e-12 ? ratio : null;
}

function difference(e: { left: Node; right: Node }, p: ReadonlyMap<string, number>): number | null {
  const l = valueAt(e.left, p);
  const r = valueAt(e.right, p);
  return l === null || r === null ? null : l - r;
}
