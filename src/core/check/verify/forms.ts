/**
 * Reading what the problem asks and what the answer claims: the formulas of a statement, its
 * equations, the expression after "f(x) =", the answer without "x =", "+ C" or trailing words.
 */
import { mathSpans } from "../mathSpans";

/** The formulas of a problem statement, in order; a statement with no delimiters is one formula. */
export function problemFormulas(problem: string): string[] {
  const spans = mathSpans(problem)
    .map((s) => s.content.trim())
    .filter((s) => s !== "");
  return spans.length > 0 ? spans : [];
}

/** `f(x) = x^2`, `y = …`, `g'(t) = …`: the left side names what the right side defines. */
const DEFINITION_HEAD =
  /^\s*(?:[a-zA-Z](?:'+|\^\{?\(\d\)\}?)?\s*\(\s*[a-zA-Z]\s*\)|[a-zA-Z]'*|\\frac\{d\s*[a-zA-Z]?\}\{d\s*[a-zA-Z]\}|[A-Z])\s*=(?!=)/;

export function definitionBody(formula: string): string | null {
  const head = DEFINITION_HEAD.exec(formula);
  return head ? formula.slice(head[0].length).trim() : null;
}

/** Splits at a top-level `=` (outside braces); null when there is not exactly one relation sign. */
export function splitEquation(formula: string): [string, string] | null {
  if (/\\(?:le|ge|leq|geq|neq|ne|approx|lt|gt)(?![a-zA-Z])|[<>]/.test(formula)) return null;
  const parts = splitTopLevel(formula, "=");
  if (parts.length !== 2) return null;
  const [left, right] = parts;
  return left !== undefined && right !== undefined && left.trim() !== "" && right.trim() !== ""
    ? [left.trim(), right.trim()]
    : null;
}

export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\") i++;
    else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * The value the answer claims: `$…$` and trailing words and punctuation removed, "+ C" removed,
 * a chain `… = … = v` read as its last member, and a defining head (`x =`, `f'(x) =`) dropped.
 */
export function claimedValue(answer: string): string {
  let value = answer
    .replace(/\$/g, "")
    .replace(/\\(?:text|mbox|textrm)\s*\{[^{}]*\}/g, " ")
    .replace(/\\(?:quad|qquad)(?![a-zA-Z])/g, " ")
    .replace(/\\[,;!]/g, " ")
    .replace(/[.,;:\s]+$/, "")
    .trim();
  value = value.replace(/\s*\+\s*(?:C|c|K|\\text\{const\.?\})\s*$/, "").trim();
  const parts = splitTopLevel(value, "=").map((p) => p.trim());
  if (parts.length > 1) value = parts[parts.length - 1] ?? value;
  return value.replace(/\s*\+\s*(?:C|c)\s*$/, "").trim();
}

/** The integral written in a formula: integrand, variable, and bounds for a definite one. */
export interface IntegralForm {
  integrand: string;
  variable: string;
  lower?: string;
  upper?: string;
}

export function findIntegral(formula: string): IntegralForm | null {
  const at = formula.search(/\\int(?![a-zA-Z])/);
  if (at < 0) return null;
  let rest = formula.slice(at + 4);
  const bounds: { lower?: string; upper?: string } = {};
  for (let k = 0; k < 2; k++) {
    const limit = /^\s*([_^])\s*(\{[^{}]*\}|\\?[a-zA-Z]+|-?\d+(?:\.\d+)?|.)/.exec(rest);
    if (!limit) break;
    const value = (limit[2] ?? "").replace(/^\{|\}$/g, "");
    if (limit[1] === "_") bounds.lower = value;
    else bounds.upper = value;
    rest = rest.slice(limit[0].length);
  }
  const differential =
    /(?:\\,|\\;|\\!|\s)*(?:\\mathrm\{d\}|\\operatorname\{d\}|\bd)\s*([a-zA-Z])(?![a-zA-Z])/g;
  let last: RegExpExecArray | null = null;
  for (let m = differential.exec(rest); m; m = differential.exec(rest)) {
    last = m;
    break;
  }
  if (!last?.[1]) return null;
  const integrand = rest.slice(0, last.index).trim();
  if (integrand === "" || integrand.includes("\\int")) return null;
  return { integrand, variable: last[1], ...bounds };
}
