import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderMarkdown } from "../../../src/webview/render/markdown";
import { renderMath } from "../../../src/webview/render/math";
import { activeContent, countClass } from "./helpers";

interface SampleProblem {
  idx: number;
  question: string;
  solutions: string[];
  answers: string[];
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/webview/math_cot_samples.json"), "utf8"),
) as { problems: SampleProblem[] };

describe("webview rendering of real model solutions (math_cot_100)", function () {
  this.timeout(15_000); // eight long solutions per problem, each parsed back with jsdom
  for (const problem of fixture.problems) {
    it(`problem ${problem.idx}: question, 8 solutions and answers render without KaTeX errors`, () => {
      assert.equal(countClass(renderMarkdown(problem.question), "katex-error"), 0);
      problem.solutions.forEach((solution, k) => {
        const html = renderMarkdown(solution);
        assert.equal(countClass(html, "katex-error"), 0, `solution ${k}`);
        assert.equal(countClass(html, "math-pending"), 0, `solution ${k} has an unclosed formula`);
        assert.ok(countClass(html, "katex") > 0, `solution ${k} has math`);
        assert.deepEqual(activeContent(html), []);
        // No delimiter may survive as text: all of them were turned into math.
        assert.doesNotMatch(
          html.replace(/<annotation[\s\S]*?<\/annotation>/g, ""),
          /\\[()[\]]/,
          `solution ${k}`,
        );
      });
      for (const answer of problem.answers) {
        assert.equal(countClass(renderMath(answer, { displayMode: false }), "katex-error"), 0, answer);
      }
    });
  }
});
