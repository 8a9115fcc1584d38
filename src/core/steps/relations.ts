/**
 * The relations an author wrote in one step, as chains of members: `a = b \approx c` is the chain
 * [a, b, c] with the signs [=, ≈]. Formulas come from the step's math (the display's body, an
 * alignment row, the inline `\(…\)` / `$…$` spans of prose); a formula holds several chains when
 * its parts are separated by `\quad`, `;`, `\implies`, a connecting word (`\text{ and }`) or a comma
 * between two relations. A chain whose first member is empty (`= 5`, `&= 5`) continues the chain
 * written just before it.
 */
import { mathSpans } from "../check/mathSpans";
import type { Step } from "./split";

export type RelationSign = "=" | "≈" | "≠" | "<" | ">" | "≤" | "≥";

export interface Chain {
  /** Members as written (trimmed); the first is "" when the chain continues the previous one. */
  members: string[];
  /** signs[k] relates members[k] and members[k + 1]. */
  signs: RelationSign[];
}

const SIGNS: [RegExp, RelationSign][] = [
  [/^(?:\\approx|\\simeq|\\doteq)(?![a-zA-Z])/, "≈"],
  [/^(?:\\neq?|\\not=)(?![a-zA-Z])/, "≠"],
  [/^(?:\\leq?|\\leqslant|<=)(?![a-zA-Z])/, "≤"],
  [/^(?:\\geq?|\\geqslant|>=)(?![a-zA-Z])/, "≥"],
  [/^(?:\\lt)(?![a-zA-Z])|^</, "<"],
  [/^(?:\\gt)(?![a-zA-Z])|^>/, ">"],
  [/^=/, "="],
];

/** Relations that are not checked (congruences, similarity, set membership): the chain stops there. */
const OPAQUE_RELATION =
  /\\(?:equiv|cong|sim|propto|in|notin|subset|subseteq|supset|perp|parallel|mid|nmid|pmod|bmod|mod)(?![a-zA-Z])/;

/** Formulas of a step, in order (without delimiters, alignment marks and labels). */
export function stepFormulas(step: Step): string[] {
  if (step.kind === "align-line") return [cleanRow(step.text)];
  if (step.kind === "display") return displayRows(step.text);
  const spans = mathSpans(step.text).filter((s) => !isCurrencyNotMath(step.text.slice(s.start, s.end)));
  const formulas = spans.flatMap((s) => (/\\\\/.test(s.content) ? displayRows(s.content) : [s.content]));
  let outside = step.text;
  for (const s of spans)
    outside = outside.slice(0, s.start) + " ".repeat(s.end - s.start) + outside.slice(s.end);
  return [...formulas, ...plainArithmetic(outside)];
}

/** `$2 per egg … $18`: dollar signs of prices, not math delimiters (prose, a line break or a calculator note inside). */
function isCurrencyNotMath(span: string): boolean {
  if (!span.startsWith("$") || span.startsWith("$$")) return false;
  const inner = span.slice(1, -1);
  return (
    /\n|<<|>>/.test(inner) ||
    /[a-zA-Z]{2,}\s+[a-zA-Z]{2,}/.test(inner.replace(/\\[a-zA-Z]+(?:\{[^{}]*\})?/g, " "))
  );
}

const NUMBER = String.raw`\(?-?\d[\d,]*(?:\.\d+)?\)?`;
const OPERATOR = String.raw`(?:\s*[-+×*/÷·]\s*|\s+x\s+)`;
/** `17 × 4 = 68`, `48/2=24` (a GSM8K calculator note), `3 x 5 = 15`: arithmetic written without math delimiters. */
const PLAIN_ARITHMETIC = new RegExp(
  String.raw`(?<![\w.\\^_{}])(?<![-+×*/÷·=]\s*(?:[a-zA-Z]+\s+)?)(${NUMBER}(?:${OPERATOR}${NUMBER}){1,24})\s*=\s*\$?\s*(-?\d[\d,]*(?:\.\d+)?)(?![\d.]*\d)(?!\s*[-+×*/÷·^]\s*\d)`,
  "g",
);

function plainArithmetic(prose: string): string[] {
  return [...prose.matchAll(PLAIN_ARITHMETIC)].map((m) => {
    const left = (m[1] ?? "")
      .replace(/×|\s+x\s+/g, " \\times ")
      .replace(/÷/g, " \\div ")
      .replace(/·/g, " \\cdot ");
    return `${left.replace(/\s+/g, " ").trim()} = ${m[2] ?? ""}`;
  });
}

/** A display's body split at top-level `\\` into rows (an `aligned` inside a `\[…\]` included). */
function displayRows(display: string): string[] {
  const body = display
    .replace(/^\s*(?:\$\$|\\\[|\\begin\{[a-zA-Z]+\*?\})/, "")
    .replace(/(?:\$\$|\\\]|\\end\{[a-zA-Z]+\*?\})\s*$/, "")
    .replace(/\\(?:begin|end)\{(?:aligned|split|gathered|alignedat|align\*?|eqnarray\*?)\}(?:\{\d+\})?/g, "");
  return splitTopLevel(body, /^\\\\(?:\[[^\]]{0,20}\])?/).map(cleanRow);
}

function cleanRow(row: string): string {
  return row
    .replace(/\\(?:label|tag)\*?\{[^{}]*\}|\\(?:nonumber|notag)(?![a-zA-Z])/g, "")
    .replace(/(?<!\\)&/g, " ")
    .trim();
}

/** The chains of one formula. */
export function formulaChains(formula: string): Chain[] {
  return separateRelations(formula)
    .map(chainOf)
    .filter((c): c is Chain => c !== null);
}

const CONNECTOR_WORDS =
  /^\s*(?:and|or|so|then|thus|hence|therefore|where|if|when|since|because|which|gives|giving|implies|for|with|i\.e\.|or equivalently|we get|we have|is)\b/i;

/** Splits a formula into independent relations at separators that are not part of a chain. */
function separateRelations(formula: string): string[] {
  const marked = formula
    .replace(/\\text\{([^{}]*)\}/g, (whole, words: string) =>
      CONNECTOR_WORDS.test(words) || /^\s*[,;.]\s*$/.test(words) ? "\uE000" : whole,
    )
    .replace(
      /\\(?:q?quad|implies|Rightarrow|Longrightarrow|Leftrightarrow|iff|therefore|because|to|rightarrow|longrightarrow|Longleftrightarrow)(?![a-zA-Z])|;/g,
      "\uE000",
    );
  const pieces = splitTopLevel(marked, /^\uE000/);
  return pieces.flatMap(splitRelationCommas).filter((p) => p.trim() !== "");
}

/** `x = 2, y = 3`: a top-level comma followed by a space between two relations separates them. */
function splitRelationCommas(piece: string): string[] {
  const parts = splitTopLevel(piece, /^,(?=\s|\\[,;: ])/);
  if (parts.length < 2) return [piece];
  const out: string[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && (!hasSign(part) || !hasSign(last))) out[out.length - 1] = `${last},${part}`;
    else out.push(part);
  }
  return out;
}

function hasSign(text: string): boolean {
  return splitTopLevel(text, signPattern()).length > 1;
}

function signPattern(): RegExp {
  return /^(?:\\approx|\\simeq|\\doteq|\\neq?|\\not=|\\leq?|\\leqslant|\\geq?|\\geqslant|\\lt|\\gt|<=|>=|<|>|=)(?![a-zA-Z])/;
}

function chainOf(relation: string): Chain | null {
  if (OPAQUE_RELATION.test(relation)) return null;
  const members: string[] = [];
  const signs: RelationSign[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < relation.length; i++) {
    const c = relation.charAt(i);
    if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth = Math.max(0, depth - 1);
    if (depth > 0 || (c !== "\\" && c !== "=" && c !== "<" && c !== ">")) {
      if (c === "\\") i += commandLength(relation, i) - 1;
      continue;
    }
    const sign = signAt(relation, i);
    if (!sign) {
      if (c === "\\") i += commandLength(relation, i) - 1;
      continue;
    }
    members.push(cleanMember(relation.slice(from, i)));
    signs.push(sign.sign);
    from = i + sign.length;
    i = from - 1;
  }
  members.push(cleanMember(relation.slice(from)));
  if (signs.length === 0) return null;
  return { members, signs };
}

/** Length of the control sequence at `at` (`\frac` → 5, `\{` → 2). */
function commandLength(text: string, at: number): number {
  const m = /^\\(?:[a-zA-Z]+|.)/.exec(text.slice(at, at + 40));
  return m ? m[0].length : 1;
}

function signAt(text: string, at: number): { sign: RelationSign; length: number } | null {
  const rest = text.slice(at, at + 12);
  // `\left<`, `\right>` are brackets, not relations
  if (/(?:\\left|\\right)\s*$/.test(text.slice(Math.max(0, at - 7), at))) return null;
  for (const [pattern, sign] of SIGNS) {
    const m = pattern.exec(rest);
    if (m) return { sign, length: m[0].length };
  }
  return null;
}

/** A member without trailing punctuation, a `\boxed{}` wrapper or surrounding spaces. */
function cleanMember(member: string): string {
  let m = member
    .trim()
    .replace(/(?:[.,;:]|\\[,;!]|\\text\{\s*[.,;]?\s*\})+$/, "")
    .trim();
  const boxed = /^\\boxed\{([\s\S]*)\}$/.exec(m);
  if (boxed?.[1] !== undefined && balanced(boxed[1])) m = boxed[1].trim();
  return m;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Splits at matches of `separator` (anchored with ^) that lie outside braces, parentheses and brackets. */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (depth === 0) {
      const m = separator.exec(text.slice(i, i + 40));
      if (m && m[0].length > 0) {
        parts.push(text.slice(from, i));
        from = i + m[0].length;
        i = from - 1;
        continue;
      }
    }
    if (c === "\\") {
      i += commandLength(text, i) - 1;
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth = Math.max(0, depth - 1);
  }
  parts.push(text.slice(from));
  return parts;
}
