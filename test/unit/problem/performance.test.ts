import assert from "node:assert/strict";
import { extractProblem, type ProblemSource } from "../../../src/core/problem";

/**
 * Extraction runs on every Solve, on documents of any size: it must stay linear. The budgets are far
 * above the expected times (a few milliseconds) so that a slow CI machine does not flake, while a
 * quadratic or backtracking pass (seconds on these inputs) still fails.
 */
const BUDGET_MS = 500;

function timed(source: ProblemSource, cursor: number): number {
  const started = performance.now();
  extractProblem(source, { selectionStart: cursor, selectionEnd: cursor });
  return performance.now() - started;
}

function bigWorksheet(problems: number): string {
  const parts = ["\\documentclass{article}", "\\newtheorem{prob}{Problem}", "\\begin{document}"];
  for (let k = 0; k < problems; k++) {
    parts.push(
      `\\section{Part ${k}}`,
      "\\begin{problem}[Title]",
      `What is $${k} + 1$? % comment ${k}`,
      "\\begin{equation}\\label{eq:" + k + "}",
      `  x^2 = ${k}`,
      "\\end{equation}",
      "\\end{problem}",
      "\\begin{enumerate}",
      `\\item First $${k}\\%$.`,
      `\\item Second.`,
      "\\end{enumerate}",
      "",
      `A paragraph with $$${k}$$ display.`,
      "",
    );
  }
  return [...parts, "\\end{document}"].join("\n");
}

describe("extractProblem: linear time", () => {
  it("a 10k-line LaTeX worksheet, cursor at the start, middle and end", () => {
    const text = bigWorksheet(750);
    assert.ok(text.split("\n").length > 10_000);
    const source = { text, languageId: "latex" };
    for (const cursor of [0, Math.floor(text.length / 2), text.length]) {
      assert.ok(timed(source, cursor) < BUDGET_MS);
    }
  });

  it("a 10k-line Markdown document", () => {
    const block = "# Heading\n\nSome $x$ text.\n- item $y$\n  more\n\n```\ncode\n```\n\n$$\nz\n$$\n\n";
    const text = block.repeat(800);
    const source = { text, languageId: "markdown" };
    for (const cursor of [0, Math.floor(text.length / 2), text.length]) {
      assert.ok(timed(source, cursor) < BUDGET_MS);
    }
  });

  const pathological: [string, string, string][] = [
    ["latex", "unclosed \\begin{problem}", "\\begin{problem}\n".repeat(50_000)],
    ["latex", "unmatched \\end", "\\end{problem}\n".repeat(50_000)],
    ["latex", "many % comments", "%".repeat(200_000)],
    ["latex", "many $$", "$$".repeat(100_000)],
    ["latex", "many \\[ without \\]", "\\[".repeat(100_000)],
    ["latex", "a huge [ after \\item", "\\begin{enumerate}\\item[" + "[".repeat(200_000)],
    ["latex", "one enormous paragraph", "word ".repeat(200_000)],
    [
      "latex",
      "many nested envs then one \\end",
      "\\begin{problem}".repeat(20_000) + "\\end{problem}".repeat(20_000),
    ],
    ["latex", "labels without closing braces", "\\label{".repeat(50_000)],
    ["markdown", "a line of spaces", " ".repeat(200_000) + "x"],
    ["markdown", "many headings", "# h\n".repeat(50_000)],
    ["markdown", "many list markers", "- ".repeat(100_000)],
    ["markdown", "unterminated HTML comments", "<!--".repeat(50_000)],
    ["markdown", "many $$ lines", "$$\n".repeat(50_000)],
    ["plaintext", "many blank lines", "\n".repeat(200_000)],
  ];
  for (const [languageId, name, text] of pathological) {
    it(`${languageId}: ${name}`, () => {
      const source = { text, languageId };
      for (const cursor of [0, Math.floor(text.length / 2), text.length]) {
        assert.ok(timed(source, cursor) < BUDGET_MS, `${name} at ${cursor}`);
      }
    });
  }
});
