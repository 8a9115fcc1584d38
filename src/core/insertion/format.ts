/**
 * What "Insert answer", "Insert solution" and "Copy LaTeX" produce: the model's text, cleaned for the
 * target markup (sanitize.ts), inside a short frame that reads naturally in LaTeX, Markdown or plain text.
 */
import { cleanAnswerMath } from "./cleanMath";
import { stripControlCharacters } from "./controlChars";
import type { Markup } from "./markup";
import { cleanModelText, type CleanText } from "./sanitize";

export function formatAnswerInsertion(markup: Markup, answer: string): CleanText {
  if (markup === "plain") {
    return {
      text: `\nAnswer: ${stripControlCharacters(answer).replace(/\s+/g, " ").trim()}\n`,
      neutralised: [],
    };
  }
  const found = new Set<string>();
  const math = cleanAnswerMath(stripControlCharacters(answer), markup, found);
  const text =
    markup === "latex" ? `\n\\textbf{Answer:} $\\boxed{${math}}$\n` : `\n\n**Answer:** $\\boxed{${math}}$\n`;
  return { text, neutralised: [...found] };
}

export function formatSolutionInsertion(markup: Markup, solution: string): CleanText {
  const { text, neutralised } = cleanModelText(solution.trim(), markup);
  const body = text.trim();
  switch (markup) {
    case "latex":
      // \[ \] and \( \) are LaTeX already; a blank line separates it from the problem.
      return { text: `\n\n\\paragraph{Solution.} ${body}\n`, neutralised };
    case "markdown":
      return { text: `\n\n**Solution.** ${body}\n`, neutralised };
    case "plain":
      return { text: `\n\nSolution:\n${body}\n`, neutralised };
  }
}

/** "Copy LaTeX": the answer as LaTeX math (no delimiters), with the same cleaning as an inserted answer. */
export function answerLatexForClipboard(answer: string): CleanText {
  const found = new Set<string>();
  const text = cleanAnswerMath(stripControlCharacters(answer), "latex", found);
  return { text, neutralised: [...found] };
}
