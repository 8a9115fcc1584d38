import assert from "node:assert/strict";
import { extractProblem } from "../../../src/core/problem";
import { bigMarkdown, bigWorksheet, PATHOLOGICAL_DOCUMENTS } from "../../fixtures/problem/documents";

// How fast extraction is lives in bench/problem.bench.ts (linear scaling, measured side by side);
// here: big and hostile documents give a sensible answer (a hang would hit mocha's timeout).
describe("extractProblem: big and hostile documents", () => {
  const cursors = (text: string) => [0, Math.floor(text.length / 2), text.length];

  it("a 10k-line LaTeX worksheet: the problem environment around the cursor", () => {
    const text = bigWorksheet(750);
    assert.ok(text.split("\n").length > 10_000);
    const cursor = text.indexOf("What is $400 + 1$?");
    const found = extractProblem(
      { text, languageId: "latex" },
      { selectionStart: cursor, selectionEnd: cursor },
    );
    assert.equal(found?.kind, "problem-environment");
    assert.match(found?.problem ?? "", /^What is \$400 \+ 1\$\?/);
  });

  it("a 10k-line Markdown document: a paragraph at the start, middle and end", () => {
    const text = bigMarkdown(800);
    for (const cursor of cursors(text)) {
      const found = extractProblem(
        { text, languageId: "markdown" },
        { selectionStart: cursor, selectionEnd: cursor },
      );
      assert.ok(found === null || found.problem.length < 200, `a small block at ${cursor}, not the document`);
    }
  });

  for (const [languageId, name, text] of PATHOLOGICAL_DOCUMENTS) {
    it(`${languageId}: ${name}`, () => {
      for (const cursor of cursors(text)) {
        const found = extractProblem({ text, languageId }, { selectionStart: cursor, selectionEnd: cursor });
        if (found)
          assert.ok(found.start <= found.end && found.end <= text.length, `a valid span at ${cursor}`);
      }
    });
  }
});
