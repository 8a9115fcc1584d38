/**
 * One member of a relation, made readable for the check parser (src/core/check/math/parse.ts) and
 * for people. What a model writes around the mathematics is removed or rewritten first: units in
 * `\text{…}` after a value (with their exponent: `\text{cm}^2`; they are remembered, so `20 \text{ dozen}
 * = 240` is not read as 20 = 240), `\$`, thousands separators, mixed numbers (`2\frac{1}{2}` is 5/2),
 * percent (`25\%` is 0.25), degrees (`30^\circ` is π/6 radians, so `\sin 30^\circ` reads right) and
 * `A_{\text{ring}}` (one variable). Anything left that the parser cannot read stays unparsed: null.
 */
import type { Node } from "../check/math/ast";
import { parseFormula } from "../check/math/parse";

const TEXT_BLOCK =
  /\\(?:text|textrm|mbox|mathrm|textnormal|textit)\s*\{([^{}]*)\}(\s*\^\s*(?:\{[^{}]*\}|\d))?/g;
/** Variables standing for a quantity named in words and for a segment (`N_{AreaofQ}`, `S_{AB}` to the parser). */
const NAMED_PREFIX = "N_";
const SEGMENT_PREFIX = "S_";

/** The name people wrote for one of those variables (for counterexamples): `N_AreaofQ` → `AreaofQ`, `S_AB` → `AB`. */
export function writtenName(variable: string): string {
  return /^[NS]_./.test(variable) ? variable.slice(2) : variable;
}

const FUNCTION_WORDS = /^(?:sin|cos|tan|sec|csc|cot|ln|log|exp|arcsin|arccos|arctan|sinh|cosh|tanh|d|e|i)$/;

export interface PreparedMember {
  /** For the parser. */
  text: string;
  /** The units written (`cm^2`, `$`, `%`, `°`), sorted, joined: two sides in different units are not compared strictly. */
  units: string;
}

/**
 * The member rewritten for the parser with its units, or null when it is plainly not a value: a
 * named quantity in words (`\text{Area}`, `2 \times \text{length}`), a segment (`AB`), an ellipsis.
 */
export function prepareMember(member: string): PreparedMember | null {
  const units = new Set<string>();
  let named = false;
  let text = member.replace(
    /_\{?\s*\\(?:text|textrm|mathrm|mbox)\{([^{}]*)\}\s*\}?/g,
    (_w, inner: string) => `_{${inner.replace(/[^a-zA-Z0-9]/g, "")}}`,
  );
  text = text.replace(
    TEXT_BLOCK,
    (whole, inner: string, exponent: string | undefined, at: number, all: string) => {
      const word = inner.trim();
      if (FUNCTION_WORDS.test(word)) return whole;
      if (word === "") return " ";
      // A unit follows a value; words anywhere else name a quantity: one variable per name.
      if (!/(?:[\d)}a-zA-Z.]|\\right\))\s*$/.test(all.slice(0, at))) {
        named = named || exponent !== undefined;
        return ` ${NAMED_PREFIX}{${word.replace(/[^a-zA-Z0-9]/g, "")}} `;
      }
      units.add(`${word.toLowerCase().replace(/s$/, "")}${(exponent ?? "").replace(/[\s{}]/g, "")}`);
      return " ";
    },
  );
  if (named) return null;
  // `\text{Area of } Q` is one name; a segment or an angle (`AB`, `ABC`) is one variable, not a product.
  text = text
    .replace(
      new RegExp(String.raw`(${NAMED_PREFIX}\{[a-zA-Z0-9]*of)\}\s*([a-zA-Z])(?![a-zA-Z])`, "g"),
      "$1$2}",
    )
    .replace(/(?<![\\a-zA-Z_]|_\{)([A-Z]{2,4})(?![a-zA-Z])/g, `${SEGMENT_PREFIX}{$1}`);
  if (/\\\$/.test(text)) units.add("$");
  if (/\\%/.test(text)) units.add("%");
  if (/\^\s*\{?\s*\\circ/.test(text)) units.add("°");
  text = text
    .replace(/\\\$|\\,\s*(?=\d{3}(?!\d))/g, "")
    .replace(/(\d)\{,\}(?=\d{3})/g, "$1")
    .replace(
      /\b(\d{1,3})((?:,\d{3})+)(?![\d.])/g,
      (_w, head: string, rest: string) => head + rest.replace(/,/g, ""),
    )
    .replace(
      /(^|[^\d^_{}a-zA-Z.\\])(\d+)\s*\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}/g,
      (_w, before: string, whole: string, num: string, den: string) =>
        `${before}(${whole}+\\frac{${num}}{${den}})`,
    )
    .replace(/(\d+(?:\.\d+)?)\s*\^\s*\{?\s*\\circ\s*\}?/g, "($1\\cdot\\frac{\\pi}{180})")
    .replace(/\\%/g, "\\cdot 0.01 ")
    .replace(/\\(?:displaystyle|textstyle)(?![a-zA-Z])/g, " ")
    .trim();
  if (text === "" || /\\(?:[lcv]?dots|infty|pm|mp|circ|angle|triangle|partial)(?![a-zA-Z])|\.\.\./.test(text))
    return null;
  // d/dx written as a fraction, dy/dx, differentials: not values (derivatives are read before this).
  if (/\\[dt]?frac\s*\{\s*(?:\\mathrm\{d\}|d)[a-zA-Z]?\s*\}\s*\{\s*(?:\\mathrm\{d\}|d)/.test(text))
    return null;
  const plain = text.replace(/\\[a-zA-Z]+/g, " x ");
  // Two numbers side by side ("3 \text{ remainder } 2" once the words are gone) are no product, nor
  // capitals apart (`A B`); a number before a name is a count of something named, not a product.
  if (/\d\s+\.?\d/.test(plain) || /[A-Z]\s*[A-Z]/.test(plain.replace(/_\{[^{}]*\}|_[a-zA-Z0-9]/g, "")))
    return null;
  if (new RegExp(String.raw`\d\s*${NAMED_PREFIX}\{`).test(text)) return null;
  return { text: text.replace(/\s+/g, " "), units: [...units].sort().join(",") };
}

/** The member rewritten for the parser, or null (see `prepareMember`). */
export function forParser(member: string): string | null {
  return prepareMember(member)?.text ?? null;
}

export function parseMember(member: string): Node | null {
  const text = forParser(member);
  return text === null ? null : parseFormula(text);
}

/** A member that names something rather than computes it: `x`, `A`, `x_1`, `\theta`, `f(x)`, `P(A)`, `f'(2)`, `\text{Area}`. */
export function isName(member: string): boolean {
  const bare = member.trim();
  if (/^\\(?:text|textrm|mathrm|mbox)\s*\{[^{}]*\}(?:_\{?[a-zA-Z0-9]+\}?)?$/.test(bare)) return true;
  return /^(?:[a-zA-Z]|[A-Z]{2,4}|\\[a-zA-Z]+)(?:_\{?[a-zA-Z0-9]+\}?)?'*(?:\s*(?:\\left)?\(\s*[^()]*\s*(?:\\right)?\))?$/.test(
    bare.replace(/_\{\s*\\(?:text|textrm|mathrm)\{[^{}]*\}\s*\}/g, "_{q}"),
  );
}

/** A lone variable (`x`, `A`, `x_1`, `\theta`): what a solved form `x = 3` assigns. */
export function loneVariable(member: string): string | null {
  const node = parseMember(member);
  return node?.t === "var" && node.name !== "e" && node.name !== "pi" && node.name !== "i" ? node.name : null;
}

/** Decimal places of a member that is just a decimal number (`6.67`, `-0.33`), else null. */
export function decimalPlaces(member: string): number | null {
  const percent = /\\%\s*$/.test(member);
  const bare = member.replace(/\\%\s*$/, "");
  const m = /^-?\s*\d*\.(\d+)$/.exec((forParser(bare) ?? "").replace(/\s+/g, ""));
  if (!m?.[1]) return null;
  return m[1].length + (percent ? 2 : 0);
}

/** For people: the member with LaTeX's operator commands as symbols (`17 \times 4` → `17 × 4`). */
export function readable(member: string): string {
  return member
    .replace(/\\(?:left|right|displaystyle)(?![a-zA-Z])|\\[,;:! ]/g, "")
    .replace(/\\times(?![a-zA-Z])/g, "×")
    .replace(/\\cdot(?![a-zA-Z])/g, "·")
    .replace(/\\div(?![a-zA-Z])/g, "÷")
    .replace(
      /(\d?)\\[dt]?frac\{([^{}]+)\}\{([^{}]+)\}(\s*[\w(\\])?/g,
      (_w, digit: string, a: string, b: string, next?: string) => {
        const fraction = `${wrap(a)}/${wrap(b)}`;
        // `\frac{1}{2}a^2` reads (1/2)a^2, not 1/2a^2
        return `${digit === "" ? "" : `${digit} `}${next ? `(${fraction})${next}` : fraction}`;
      },
    )
    .replace(/\\sqrt\{([^{}]+)\}/g, "√($1)")
    .replace(/\\pi(?![a-zA-Z])/g, "π")
    .replace(/\s+/g, " ")
    .trim();
}

function wrap(part: string): string {
  return /^[\w.]+$/.test(part.trim()) ? part.trim() : `(${part.trim()})`;
}
