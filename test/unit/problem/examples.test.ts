/**
 * The examples/ workspace is the first thing a newcomer runs: each problem in it must extract to the
 * exact question of math_cot_100 (up to whitespace), since that is what the simulated backend knows.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanNotebookCell, extractProblem, type ProblemKind } from "../../../src/core/problem";

const examples = join(__dirname, "..", "..", "..", "examples");

/** Questions copied verbatim from math_cot_100.jsonl, keyed by its `idx`. */
const QUESTIONS = {
  4: String.raw`Compute $ \frac{1}{31} \div \frac{1}{93} $.`,
  19: String.raw`What is the value of $$\frac{7+21}{14+42}?$$`,
  22: String.raw`Simplify the expression $a+1+a-2+a+3+a-4$.`,
  24: String.raw`Convert $\frac{63}{5}$ to a mixed number.`,
  33: String.raw`Simplify $3t+4-6t+7t-4$.`,
  41: String.raw`What is the value of $(4 \times 12)-(4+12)$?`,
  49: String.raw`Find $\frac{1}{2}\left(\frac{3}{4}\right)^3$.`,
  51: String.raw`What is the greatest integer that satisfies $6 - x > -9$ ?`,
  56: String.raw`Find $\frac{2}{3} \left(\frac{2}{3}\right)^{2} \frac{2}{3}$.`,
  57: String.raw`If $2x+3y = 4$ and $y = 34$, what is the value of $x$?`,
  75: String.raw`What is $56.78-43.6?$`,
  77: String.raw`What is $\frac{-5}{9}\cdot \frac{8}{17}$?`,
  83: String.raw`Suppose that the values of $x$, $y$, and $z$ are given by  \[x=-\frac{2}{3} \qquad y=\frac{5}{7} \qquad z=-\frac{11}{13}.\]What is $\frac{xy}{z}$?`,
  96: "I have twenty balls numbered 1 through 20 in a bin.  In how many ways can I select 2 balls, if the order in which I draw them doesn't matter?",
} as const;

type Idx = keyof typeof QUESTIONS;

function sameWords(actual: string, expected: string): void {
  const words = (s: string) => s.trim().split(/\s+/).join(" ");
  assert.equal(words(actual), words(expected));
}

/** [idx, a phrase to put the cursor in, the kind expected there] */
const documents: [file: string, languageId: string, cases: [Idx, string, ProblemKind][]][] = [
  [
    "problems.tex",
    "latex",
    [
      [49, "\\left(\\frac{3}{4}", "problem-environment"],
      [83, "y=\\frac{5}{7}", "problem-environment"],
      [22, "a+1+a-2", "problem-environment"],
      [96, "the order in which", "problem-environment"],
      [4, "\\div", "item"],
      [19, "14+42", "paragraph"],
    ],
  ],
  [
    "problems.md",
    "markdown",
    [
      [33, "3t+4", "paragraph"],
      [57, "y = 34", "paragraph"],
      [24, "63", "item"],
      [51, "greatest integer", "item"],
      [56, "right)^{2}", "item"],
    ],
  ],
];

for (const [file, languageId, cases] of documents) {
  describe(`examples/${file}`, () => {
    const text = readFileSync(join(examples, file), "utf8");
    for (const [idx, phrase, kind] of cases) {
      it(`idx ${idx} extracts from the cursor at "${phrase}"`, () => {
        const cursor = text.indexOf(phrase);
        assert.ok(cursor >= 0 && text.indexOf(phrase, cursor + 1) < 0, `"${phrase}" occurs once`);
        const result = extractProblem({ text, languageId }, { selectionStart: cursor, selectionEnd: cursor });
        assert.equal(result?.kind, kind);
        sameWords(result.problem, QUESTIONS[idx]);
      });
    }
  });
}

interface NotebookCell {
  cell_type: string;
  id: string;
  source: string[];
  metadata: object;
  outputs?: unknown[];
  execution_count?: number | null;
}

describe("examples/notebook.ipynb", () => {
  const notebook = JSON.parse(readFileSync(join(examples, "notebook.ipynb"), "utf8")) as {
    nbformat: number;
    nbformat_minor: number;
    metadata: object;
    cells: NotebookCell[];
  };

  it("is a valid nbformat 4.5 notebook (the fields Jupyter and VS Code require)", () => {
    assert.equal(notebook.nbformat, 4);
    assert.ok(notebook.nbformat_minor >= 5);
    assert.equal(typeof notebook.metadata, "object");
    const ids = new Set(notebook.cells.map((cell) => cell.id));
    assert.equal(ids.size, notebook.cells.length, "cell ids are unique");
    for (const cell of notebook.cells) {
      assert.ok(["markdown", "code"].includes(cell.cell_type));
      assert.ok(/^[a-zA-Z0-9-_]{1,64}$/.test(cell.id));
      assert.ok(Array.isArray(cell.source) && cell.source.every((line) => typeof line === "string"));
      if (cell.cell_type === "code") {
        assert.deepEqual(cell.outputs, []);
        assert.equal(cell.execution_count, null);
      }
    }
  });

  it("its markdown problem cells clean to the questions (idx 41, 75, 77)", () => {
    const problems = notebook.cells
      .filter((cell) => cell.cell_type === "markdown" && cell.id.startsWith("problem-"))
      .map((cell) => cleanNotebookCell(cell.source.join(""), "markdown"));
    assert.deepEqual(problems, [QUESTIONS[41], QUESTIONS[75], QUESTIONS[77]]);
  });
});
