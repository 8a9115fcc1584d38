/**
 * Model math kept as math, made harmless: dangerous control words print their name, `%`, `#` and `$`
 * are escaped, `^^` (TeX's way of writing any character, `^^5c` is a
 * backslash) is cut, and, for Markdown, `<` never starts an HTML tag. Spaces are not significant in math,
 * so `< b` renders exactly like `<b`.
 */
import type { Markup } from "./markup";
import { neutraliseInMath } from "./texCommands";

const MATH_TOKENS = /\\(?:[A-Za-z]+|[\s\S])|[%#$]|<(?=[A-Za-z/!?])|\n(?:[ \t]*\n)+/g;

export function cleanMathBody(body: string, markup: Markup, found: Set<string>): string {
  const cut = body.replace(/\^{2,}/g, "^");
  const escaped = cut.replace(MATH_TOKENS, (token) => {
    // `%` would comment out the closing delimiter; a `$` would end the formula early.
    if (token === "%" || token === "#" || token === "$") return `\\${token}`;
    if (token === "<") return markup === "markdown" ? "< " : token;
    // A blank line ends a paragraph, and with it the formula (TeX) or the math block (Markdown).
    if (token.startsWith("\n")) return "\n";
    return token;
  });
  return neutraliseInMath(escaped, found);
}

/**
 * An answer goes inside `$\boxed{…}$`: on one line, with no math delimiters of its own and balanced
 * braces, so that it cannot close the formula or the box and spill into the document.
 */
export function cleanAnswerMath(answer: string, markup: Markup, found: Set<string>): string {
  const oneLine = answer.replace(/\s+/g, " ").trim();
  const undelimited = oneLine.replace(/\\[\s\S]|\$/g, (token) =>
    /^(\$|\\[()[\]])$/.test(token) ? "" : token,
  );
  return cleanMathBody(balanceBraces(undelimited), markup, found);
}

/** Drops a `}` that closes nothing and closes every `{` left open; `\{` and `\}` do not count. */
export function balanceBraces(text: string): string {
  let depth = 0;
  const kept = text.replace(/\\[\s\S]|[{}]/g, (token) => {
    if (token === "{") depth++;
    else if (token === "}") {
      if (depth === 0) return "";
      depth--;
    }
    return token;
  });
  return kept + "}".repeat(depth);
}
