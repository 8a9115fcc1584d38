import assert from "node:assert/strict";
import {
  answerLatexForClipboard,
  formatAnswerInsertion,
  formatSolutionInsertion,
  markupFor,
} from "../../../src/core/insertion";

describe("insertion formats", () => {
  // One table of language ids (the problem extractor's): Quarto and R Markdown are Markdown too.
  const markups: [string, string][] = [
    ["latex", "latex"],
    ["tex", "latex"],
    ["doctex", "latex"],
    ["markdown", "markdown"],
    ["quarto", "markdown"],
    ["rmd", "markdown"],
    ["mdx", "markdown"],
    ["plaintext", "plain"],
    ["python", "plain"],
  ];
  for (const [languageId, expected] of markups) {
    it(`${languageId} → ${expected}`, () => assert.equal(markupFor(languageId), expected));
  }

  it("formats an answer per markup", () => {
    assert.equal(
      formatAnswerInsertion("latex", "\\frac{1}{9}").text,
      "\n\\textbf{Answer:} $\\boxed{\\frac{1}{9}}$\n",
    );
    assert.equal(formatAnswerInsertion("markdown", "3").text, "\n\n**Answer:** $\\boxed{3}$\n");
    assert.equal(formatAnswerInsertion("plain", "3").text, "\nAnswer: 3\n");
  });

  it("formats a solution per markup, trimmed", () => {
    assert.equal(formatSolutionInsertion("markdown", "  x \n").text, "\n\n**Solution.** x\n");
    assert.equal(formatSolutionInsertion("plain", "x").text, "\n\nSolution:\nx\n");
    assert.match(formatSolutionInsertion("latex", "x").text, /\\paragraph\{Solution\.\} x\n$/);
  });

  it("keeps a real answer's LaTeX as it is", () => {
    for (const answer of [
      "2\\frac{1}{2}",
      "\\frac{130}{231}",
      "\\left( 3, \\frac{\\pi}{2} \\right)",
      "x \\in [2, 5)",
    ]) {
      assert.equal(formatAnswerInsertion("latex", answer).text, `\n\\textbf{Answer:} $\\boxed{${answer}}$\n`);
      assert.deepEqual(answerLatexForClipboard(answer), { text: answer, neutralised: [] });
    }
  });
});
