/**
 * `\mathbb{R} \setminus \{0\}`, `\mathbb{R} - \{1, 2\}`: all real numbers but finitely many, as the
 * union of open intervals between them (`(-\infty,0)\cup(0,\infty)`), so it meets `x \neq 0` and the
 * written-out union. Only for points whose values order them (constants, not symbols).
 */
import { evaluate } from "./evaluate";
import { freeSymbols } from "./expr";
import { parseCached } from "./scalarFast";
import type { Shape } from "./shape";
import { splitTopLevel } from "./split";

const ALL_BUT = /^(?:\\mathbb\{?R\}?|\(-\\infty,\\infty\))(?:\\setminus|\\backslash|-)\\\{(.+)\\\}$/;

export function complementOfPoints(s: string): Shape | null {
  if (!s.startsWith("\\mathbb") && !s.startsWith("(-\\infty")) return null;
  const m = ALL_BUT.exec(s);
  if (!m?.[1]) return null;
  const points: { text: string; value: number }[] = [];
  for (const text of splitTopLevel(m[1], [","])) {
    const e = parseCached(text);
    if (!e || freeSymbols(e).size > 0) return null;
    const value = evaluate(e).x;
    if (!Number.isFinite(value)) return null;
    points.push({ text, value });
  }
  points.sort((a, b) => a.value - b.value);
  const ends = ["-\\infty", ...points.map((p) => p.text), "\\infty"];
  const parts: Shape[] = ends.slice(1).map((hi, i) => ({
    kind: "list",
    open: "(",
    close: ")",
    items: [ends[i] ?? "", hi],
  }));
  return { kind: "union", parts };
}
