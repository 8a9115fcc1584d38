/**
 * Recognises the structure of a normalised answer: a plain expression, a tuple or interval, a
 * set, a union, a matrix, or a relation (equation / inequality). Comparison then works on parts.
 */
import { complementOfPoints } from "./complement";
import { enclosedWhole, splitTopLevel } from "./split";
import { unitVectorTuple } from "./unitVectors";

export type Bracket = "(" | "[" | ")" | "]";

export type Shape =
  | { kind: "scalar"; text: string }
  /** `(a,b)`, `[a,b)` or a bare `a, b`: brackets "" for a bare list. */
  | { kind: "list"; open: Bracket | ""; close: Bracket | ""; items: string[] }
  | { kind: "set"; items: string[] }
  | { kind: "union"; parts: Shape[] }
  | { kind: "matrix"; rows: string[][] }
  /** `sides.length === ops.length + 1`; ops are `=`, `<`, `>`, `\leq`, `\geq`, `\neq`. */
  | { kind: "relation"; ops: string[]; sides: string[] };

const RELATIONS = ["=", "<", ">", "\\leq", "\\geq", "\\neq"];
const MAX_ITEMS = 200;

export function shapeOf(s: string): Shape {
  const union = splitTopLevel(s, ["\\cup", "\\lor"]);
  if (union.length > 1 && union.every(Boolean)) return { kind: "union", parts: union.map(shapeOf) };
  if (s === "\\emptyset") return { kind: "set", items: [] };
  return (
    complementOfPoints(s) ??
    matrixShape(s) ??
    setShape(s) ??
    bracketShape(s) ??
    bareListShape(s) ??
    relationShape(s) ??
    unitVectorTuple(s) ??
    plusMinus(s) ??
    scalar(s)
  );
}

/** `2\pm\sqrt{3}` is the set of both values. */
function plusMinus(s: string): Shape | null {
  const parts = s.split(/\\pm(?![a-zA-Z])/);
  if (parts.length !== 2 || !parts[1]) return null;
  if (isMeasurement(parts[0] ?? "", parts[1])) return scalar(parts[0] ?? "");
  return { kind: "set", items: [`${parts[0]}+${parts[1]}`, `${parts[0]}-${parts[1]}`] };
}

/**
 * `88.55 \pm 0.04`: a decimal value with a small uncertainty (at most 5% of it) is a measurement,
 * whose value is the central one; `1 \pm \sqrt{19}` and `3 \pm 2` stay two values.
 */
function isMeasurement(value: string, error: string): boolean {
  const [v, e] = [Number(value), Number(error)];
  if (!Number.isFinite(v) || !Number.isFinite(e) || !/\./.test(value + error)) return false;
  return v !== 0 && Math.abs(e) <= 0.05 * Math.abs(v);
}

function scalar(text: string): Shape {
  return { kind: "scalar", text };
}

function matrixShape(s: string): Shape | null {
  if (!s.includes("\\begin")) return null;
  // `\frac{1}{49}\begin{pmatrix}16\\48\end{pmatrix}`: a factor in front multiplies every entry.
  const scaled =
    /^(-?(?:[\w./]*|\\frac\{[^{}]*\}\{[^{}]*\}|\\sqrt\{[^{}]*\}))(?:\\cdot|\\times)?(\\begin\{.*)$/s.exec(s);
  const factor = scaled?.[1] ?? "";
  const body = factor ? (scaled?.[2] ?? s) : s;
  // `\left[\begin{array}{cc}…\end{array}\right]`: the brackets around an environment are its delimiters.
  const wrapped = /^[([](\\begin\{.*\\end\{[a-zA-Z]+\})[)\]]$/s.exec(body);
  const m = /^\\begin\{([pbvBV]?matrix|array)\}(?:\{[^{}]*\})?(.*)\\end\{\1\}$/s.exec(wrapped?.[1] ?? body);
  if (!m) return null;
  const scale = (entry: string) =>
    factor ? `${factor === "-" ? "-1" : `(${factor})`}\\cdot(${entry})` : entry;
  const rows = splitTopLevel(m[2] ?? "", ["\\\\"])
    .filter((row) => row.trim() !== "")
    .map((row) => splitTopLevel(row, ["&"]).map(scale));
  return { kind: "matrix", rows };
}

/** `\{1,2\}`, and set-builder `\{x|-2\leq x<1\}` as the relation inside. */
function setShape(s: string): Shape | null {
  if (s.startsWith("{") && s.endsWith("}") && enclosedWhole(s)) return plainBraceSet(s);
  if (!s.startsWith("\\{") || !s.endsWith("\\}") || !enclosedWhole(s, 2, 2)) return null;
  const inner = s.slice(2, -2);
  const builder = /^[a-zA-Z](?:\\in\\mathbb\{R\})?(?:\||:|\\mid)(.+)$/.exec(inner);
  if (builder?.[1]) return shapeOf(builder[1]);
  return { kind: "set", items: splitItems(inner) };
}

/**
 * `{1, 2}`: braces that LaTeX would print as nothing are the set the writer meant, when they hold
 * several items (`{3}` is only a group).
 */
function plainBraceSet(s: string): Shape | null {
  const items = splitItems(s.slice(1, -1));
  return items.length >= 2 && items.every(Boolean) ? { kind: "set", items } : null;
}

/** `P(3, 5)`: a point named by a capital letter is the tuple after its name. */
const NAMED_POINT = /^[A-Z](?:_\{?\w+\}?)?'*(?=\()/;

function bracketShape(s: string): Shape | null {
  const named = NAMED_POINT.exec(s);
  if (named) {
    const point = bracketShape(s.slice(named[0].length));
    return point?.kind === "list" && point.open === "(" ? point : null;
  }
  const open = s[0];
  const close = s[s.length - 1];
  if ((open !== "(" && open !== "[") || (close !== ")" && close !== "]") || !enclosedWhole(s)) return null;
  const items = splitItems(s.slice(1, -1));
  if (items.length < 2) return null; // `(3)` is just 3: parsed as a scalar
  return { kind: "list", open, close, items };
}

function bareListShape(s: string): Shape | null {
  const items = splitItems(s);
  if (items.length < 2 || items.some((item) => item === "")) return null;
  return { kind: "list", open: "", close: "", items };
}

function splitItems(s: string): string[] {
  if (s.trim() === "") return [];
  // `621,200; 1.42`: where semicolons separate the items, commas are thousands separators.
  const separators = splitTopLevel(s, [";"]).length > 1 ? [";"] : [",", ";"];
  const items = splitTopLevel(s, separators).map((x) => x.trim());
  return items.length > MAX_ITEMS ? [s] : items;
}

function relationShape(s: string): Shape | null {
  const ops: string[] = [];
  const sides: string[] = [];
  let rest = s;
  for (;;) {
    const at = findTopLevelRelation(rest);
    if (!at) break;
    sides.push(rest.slice(0, at.index));
    ops.push(at.op);
    rest = rest.slice(at.index + at.op.length);
  }
  if (ops.length === 0) return null;
  sides.push(rest);
  return sides.every(Boolean) ? { kind: "relation", ops, sides } : null;
}

function findTopLevelRelation(s: string): { index: number; op: string } | null {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0) {
      const op = RELATIONS.find(
        (r) => s.startsWith(r, i) && !(r.startsWith("\\") && /^[a-zA-Z]/.test(s.charAt(i + r.length))),
      );
      if (op && !(c === "\\" && s[i - 1] === "\\")) return { index: i, op };
      if (c === "\\") i += (/^\\[a-zA-Z]+/.exec(s.slice(i))?.[0].length ?? 2) - 1;
    }
  }
  return null;
}
