/**
 * Recognises the structure of a normalised answer: a plain expression, a tuple or interval, a
 * set, a union, a matrix, or a relation (equation / inequality). Comparison then works on parts.
 */
import { enclosedWhole, splitTopLevel } from "./split";

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
    matrixShape(s) ??
    setShape(s) ??
    bracketShape(s) ??
    bareListShape(s) ??
    relationShape(s) ??
    plusMinus(s) ??
    scalar(s)
  );
}

/** `2\pm\sqrt{3}` is the set of both values. */
function plusMinus(s: string): Shape | null {
  const parts = s.split("\\pm");
  if (parts.length !== 2 || !parts[1]) return null;
  return { kind: "set", items: [`${parts[0]}+${parts[1]}`, `${parts[0]}-${parts[1]}`] };
}

function scalar(text: string): Shape {
  return { kind: "scalar", text };
}

function matrixShape(s: string): Shape | null {
  // `\left[\begin{array}{cc}…\end{array}\right]`: the brackets around an environment are its delimiters.
  const wrapped = /^[([](\\begin\{.*\\end\{[a-zA-Z]+\})[)\]]$/s.exec(s);
  if (wrapped?.[1]) s = wrapped[1];
  const m = /^\\begin\{([pbvBV]?matrix|array)\}(?:\{[^{}]*\})?(.*)\\end\{\1\}$/s.exec(s);
  if (!m) return null;
  const rows = splitTopLevel(m[2] ?? "", ["\\\\"])
    .filter((row) => row.trim() !== "")
    .map((row) => splitTopLevel(row, ["&"]));
  return { kind: "matrix", rows };
}

/** `\{1,2\}`, and set-builder `\{x|-2\leq x<1\}` as the relation inside. */
function setShape(s: string): Shape | null {
  if (!s.startsWith("\\{") || !s.endsWith("\\}") || !enclosedWhole(s, 2, 2)) return null;
  const inner = s.slice(2, -2);
  const builder = /^[a-zA-Z](?:\\in\\mathbb\{R\})?(?:\||:|\\mid)(.+)$/.exec(inner);
  if (builder?.[1]) return shapeOf(builder[1]);
  return { kind: "set", items: splitItems(inner) };
}

function bracketShape(s: string): Shape | null {
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
  const items = splitTopLevel(s, [",", ";"]).map((x) => x.trim());
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
