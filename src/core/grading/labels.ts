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
