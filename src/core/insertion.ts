/**
 * What "Insert answer" and "Insert solution" put into the user's document, in the document's own
 * markup, so the result reads naturally in LaTeX, Markdown or plain text.
 */
export type Markup = "latex" | "markdown" | "plain";

export function markupFor(languageId: string): Markup {
  if (languageId === "latex" || languageId === "tex" || languageId === "bibtex") return "latex";
  if (languageId === "markdown") return "markdown";
  return "plain";
}

export function formatAnswerInsertion(markup: Markup, answer: string): string {
  switch (markup) {
    case "latex":
      return `\n\\textbf{Answer:} $\\boxed{${answer}}$\n`;
    case "markdown":
      return `\n\n**Answer:** $\\boxed{${answer}}$\n`;
    case "plain":
      return `\nAnswer: ${answer}\n`;
  }
}

export function formatSolutionInsertion(markup: Markup, solution: string): string {
  const body = solution.trim();
  switch (markup) {
    case "latex":
      // \[ \] and \( \) are LaTeX already; a blank line separates it from the problem.
      return `\n\n\\paragraph{Solution.} ${body}\n`;
    case "markdown":
      return `\n\n**Solution.** ${body}\n`;
    case "plain":
      return `\n\nSolution:\n${body}\n`;
  }
}
