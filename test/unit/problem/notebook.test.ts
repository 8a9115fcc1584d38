import assert from "node:assert/strict";
import { cleanNotebookCell, extractCellProblem } from "../../../src/core/problem";

const markdownCells: [string, string][] = [
  ["## Problem 1\nWhat is $(4 \\times 12)-(4+12)$?", "Problem 1\nWhat is $(4 \\times 12)-(4+12)$?"],
  ["# Title #\n\n\n\nText", "Title\n\nText"],
  ["<!-- hidden -->Find $x$.\n<!--\nmulti-line\n-->", "Find $x$."],
  ["$$\n\\frac{1}{2}\n$$", "$$\n\\frac{1}{2}\n$$"],
  ["#hashtag is not a heading", "#hashtag is not a heading"],
  ["Line one\r\nLine two", "Line one\nLine two"],
  ["   ", ""],
];

const codeCells: [string, string][] = [
  ["# What is 56.78 - 43.6?\nprint(56.78 - 43.6)", "What is 56.78 - 43.6?\nprint(56.78 - 43.6)"],
  ["x = 1  # trailing comments are code\n#no space", "x = 1  # trailing comments are code\nno space"],
  ["#!/usr/bin/env python\n# %%\n# In[3]:\n# Task", "#!/usr/bin/env python\n\nTask"],
  ["def f():\n    # indented comment\n    return 1", "def f():\n    indented comment\n    return 1"],
];

describe("cleanNotebookCell", () => {
  for (const [input, expected] of markdownCells) {
    it(`markdown: ${JSON.stringify(input)}`, () =>
      assert.equal(cleanNotebookCell(input, "markdown"), expected));
  }
  for (const [input, expected] of codeCells) {
    it(`code: ${JSON.stringify(input)}`, () => assert.equal(cleanNotebookCell(input, "code"), expected));
  }
});

describe("extractCellProblem", () => {
  it("a bare cursor sends the whole cleaned cell", () => {
    const text = "\n## Problem\nFind $x$.\n";
    assert.deepEqual(extractCellProblem({ text, kind: "markdown" }, { selectionStart: 3, selectionEnd: 3 }), {
      problem: "Problem\nFind $x$.",
      start: 1,
      end: text.length - 1,
      kind: "cell",
    });
  });
  it("a selection inside the cell wins", () => {
    const text = "# A\nFind $x$.";
    const result = extractCellProblem({ text, kind: "markdown" }, { selectionStart: 4, selectionEnd: 13 });
    assert.deepEqual(result, { problem: "Find $x$.", start: 4, end: 13, kind: "selection" });
  });
  it("an empty cell is nothing to send", () => {
    assert.equal(
      extractCellProblem({ text: "  \n", kind: "code" }, { selectionStart: 0, selectionEnd: 0 }),
      null,
    );
  });
});
