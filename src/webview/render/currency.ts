/**
 * Keeps prices such as "costs $5 and $ 10" as text. `@vscode/markdown-it-katex` already refuses a
 * closing `$` followed by a digit, which handles "costs $5 and $10"; what it still accepts is a
 * closing `$` preceded by a space. Following Pandoc's rule, such a span is math only when the
 * opening side is spaced too (`$ x $`, which models do write); "$5 and $" is turned back into text.
 */
import type MarkdownIt from "markdown-it";

const CURRENCY_LIKE = /^\S[\s\S]*\s$/;

export function isCurrencyLikeSpan(content: string): boolean {
  return CURRENCY_LIKE.test(content);
}

export function dollarCurrencyPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "math_dollar_currency", (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type === "math_inline" && token.markup === "$" && isCurrencyLikeSpan(token.content)) {
          token.type = "text";
          token.content = `$${token.content}$`;
        }
      }
    }
  });
}
