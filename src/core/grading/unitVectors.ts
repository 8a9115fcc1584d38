/**
 * `2\mathbf{i} + 3\mathbf{j}`, `2\hat{i} + 3\hat{j} - \hat{k}`: a vector written with the unit
 * vectors (normalisation spells them all `\hat{i}`) is the tuple of its coefficients, so it meets
 * `(2, 3)` and `\langle 2, 3, -1 \rangle`. Every term must carry a unit vector.
 */
import type { Shape } from "./shape";

const TERM = /^([+-]?)(.*?)(?:\\cdot)?\\hat\{([ijk])\}$/;

export function unitVectorTuple(s: string): Shape | null {
  if (!s.includes("\\hat{")) return null;
  const coefficients: Record<string, string> = {};
  for (const term of topLevelTerms(s)) {
    const m = TERM.exec(term);
    const axis = m?.[3];
    if (!m || !axis || axis in coefficients || /\\hat\{/.test(m[2] ?? "")) return null;
    const magnitude = m[2] === "" ? "1" : (m[2] ?? "1");
    coefficients[axis] = m[1] === "-" ? `-${magnitude}` : magnitude;
  }
  const axes = "k" in coefficients ? ["i", "j", "k"] : ["i", "j"];
  return { kind: "list", open: "(", close: ")", items: axes.map((a) => coefficients[a] ?? "0") };
}

/** Splits before each top-level `+`/`-` that is not a sign right after another operator. */
function topLevelTerms(s: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    if ("({[".includes(c)) depth++;
    else if (")}]".includes(c)) depth--;
    else if (depth === 0 && (c === "+" || c === "-") && i > start && !"+-*/^{(".includes(s[i - 1] ?? "")) {
      terms.push(s.slice(start, i));
      start = i;
    }
  }
  terms.push(s.slice(start));
  return terms.map((t) => (t.startsWith("+") ? t.slice(1) : t));
}
