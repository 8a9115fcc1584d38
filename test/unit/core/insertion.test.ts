import assert from "node:assert/strict";
import { formatAnswerInsertion, formatSolutionInsertion, markupFor } from "../../../src/core/insertion";

describe("insertion formats", () => {
  const markups: [string, string][] = [
    ["latex", "latex"],
    ["tex", "latex"],
    ["markdown", "markdown"],
    ["plaintext", "plain"],
    ["python", "plain"],
  ];
  for (const [languageId, expected] of markups) {
    it(`${languageId} → ${expected}`, () => assert.equal(markupFor(languageId), expected));
  }

  it("formats an answer per markup", () => {
    assert.equal(
      formatAnswerInsertion("latex", "\\frac{1}{9}"),
      "\n\\textbf{Answer:} $\\boxed{\\frac{1}{9}}$\n",
    );
    assert.equal(formatAnswerInsertion("markdown", "3"), "\n\n**Answer:** $\\boxed{3}$\n");
    assert.equal(formatAnswerInsertion("plain", "3"), "\nAnswer: 3\n");
  });

  it("formats a solution per markup, trimmed", () => {
    assert.equal(formatSolutionInsertion("markdown", "  x \n"), "\n\n**Solution.** x\n");
    assert.equal(formatSolutionInsertion("plain", "x"), "\n\nSolution:\nx\n");
    assert.match(formatSolutionInsertion("latex", "x"), /\\paragraph\{Solution\.\} x\n$/);
  });
});
