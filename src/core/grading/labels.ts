/**
 * Labelled answers: `(m,n) = (5,1)`, `f(x) = 2x+1`, `|PQ| = 4`, `S_1:S_2 = 3:8`, `\angle ABC = 30`.
 * When one side names the quantity and the other gives its value, the value is the answer. A
 * chain `x = 2+3 = 5` answers with its last side.
 */
import { shapeOf, type Shape } from "./shape";

const NAME = String.raw`(?:[a-zA-Z](?:_\{?\w+\}?)?'*|\\(?!frac|sqrt|pi\b|infty|sin|cos|tan|log|ln|exp|cdot|times)[a-zA-Z]+(?:_\{?\w+\}?)?)`;
const LABEL = new RegExp(
  "^(?:" +
    [
      NAME,
      String.raw`[a-zA-Z]{2,}(?:_\{?\w+\}?)?`, // a named quantity: `PQ`, `Area` (from `\text{Area}`)
      String.raw`\|[A-Z]{1,3}\|`, // `|PQ|`
      String.raw`\\(?:overline|overrightarrow|vec|hat|bar)\{[^{}]*\}`, // `\vec{v}`, `\overline{AB}`
      String.raw`m?\\angle ?[A-Z]{1,3}`,
      String.raw`\\frac\{d\^?\d?[a-zA-Z]?\}\{d[a-zA-Z](?:\^\d)?\}(?:[a-zA-Z]|\([a-zA-Z]\))?`, // `\frac{dy}{dx}`
      String.raw`${NAME}(?:\^\{?-1\}?)?\([a-zA-Z0-9,]*\)`, // `f(x)`, `P(A)`, `g^{-1}(3)`
      String.raw`\(${NAME}(?:,${NAME})+\)`, // `(m,n)`
      String.raw`${NAME}(?::${NAME})+`, // `S_1:S_2`
    ].join("|") +
    ")$",
);

export function isLabel(side: string): boolean {
  return LABEL.test(side.trim());
}

type RelationShape = Extract<Shape, { kind: "relation" }>;

/** The value of `label = value`, or of the last side of an equality chain; null for other shapes. */
export function labelledValue(s: Shape): Shape | null {
  if (s.kind !== "relation" || !s.ops.every((op) => op === "=")) return null;
  if (s.sides.length >= 3) return shapeOf(s.sides[s.sides.length - 1] ?? "");
  return isLabel(s.sides[0] ?? "") ? shapeOf(s.sides[1] ?? "") : null;
}

/**
 * `x+y = 7` or `5 + 7 = 12` against a value: an expression worked out to a constant, which is
 * the answer. Only for a constant right side (`x^2 = y` stays an equation).
 */
export function workedValue(s: Shape): Shape | null {
  if (s.kind !== "relation" || s.ops.length !== 1 || s.ops[0] !== "=") return null;
  const right = s.sides[1] ?? "";
  return /^[-+]?(?:[\d.{}()^*/+-]|\\(?:frac|sqrt|pi|cdot|times)\b)+$/.test(right) ? shapeOf(right) : null;
}

export function isEquationShape(s: Shape): s is RelationShape {
  return s.kind === "relation" && s.ops.length === 1 && s.ops[0] === "=";
}

/** The label of `label = value` (normalised spacing), or null. */
function labelOf(item: string): string | null {
  const s = shapeOf(item);
  if (s.kind !== "relation" || s.sides.length !== 2 || s.ops[0] !== "=") return null;
  const name = (s.sides[0] ?? "").trim();
  return isLabel(name) ? name : null;
}

/**
 * `a=2, b=3` against `b=3, a=2`: when both lists name the same quantities, each value is compared
 * with the value of the same name, so `a=3, b=2` differs. Indexed copies of one name (`x_1`, `x_2`,
 * the roots of an equation) are interchangeable and left to the unordered comparison (null).
 */
export function pairByLabel(gold: string[], pred: string[]): [string, string][] | null {
  if (gold.length !== pred.length || gold.length < 2) return null;
  const gl = gold.map(labelOf);
  const pl = pred.map(labelOf);
  if (gl.some((l) => l === null) || pl.some((l) => l === null)) return null;
  if (new Set(gl).size !== gl.length || !gl.every((l) => pl.includes(l))) return null;
  const bases = new Set(gl.map((l) => /^([a-zA-Z])_/.exec(l ?? "")?.[1] ?? l));
  if (bases.size === 1) return null;
  return gold.map((g, i) => [g, pred[pl.indexOf(gl[i] ?? null)] ?? ""]);
}
