import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mathSpans, problemExcerpt } from "../../../src/webview/side/view/problemExcerpt";
import { sharedDataFile } from "../../support/sharedData";

/** Every math span of the excerpt closes inside it: the cut never leaves an opener behind. */
function assertNoOpenMath(excerpt: string): void {
  const opened = (excerpt.match(/(?<!\\)\$/g) ?? []).length;
  assert.equal(opened % 2, 0, `balanced dollars in ${JSON.stringify(excerpt)}`);
  assert.equal((excerpt.match(/\\\[/g) ?? []).length, (excerpt.match(/\\\]/g) ?? []).length);
  assert.equal((excerpt.match(/\\\(/g) ?? []).length, (excerpt.match(/\\\)/g) ?? []).length);
}

describe("side panel: problem excerpt", () => {
  it("keeps a short problem whole", () => {
    const text = "What is $.0\\overline{3} \\div .\\overline{03}$? Express your answer as a mixed number.";
    assert.deepEqual(problemExcerpt(text, 160), { text, typeset: true });
  });

  it("a cut inside $…$ moves back to before the formula", () => {
    const text = "What is $.0\\overline{3} \\div .\\overline{03}$? Express your answer as a mixed number.";
    // 20 characters end inside the formula, after `\overline{3}`.
    assert.deepEqual(problemExcerpt(text, 20), { text: "What is…", typeset: true });
  });

  it("a cut after a closed formula keeps it", () => {
    const text = "What is $.0\\overline{3} \\div .\\overline{03}$? Express your answer as a mixed number.";
    assert.deepEqual(problemExcerpt(text, 50), {
      text: "What is $.0\\overline{3} \\div .\\overline{03}$? Expr…",
      typeset: true,
    });
  });

  it("a cut that splits a closing delimiter drops the whole span", () => {
    const text = "Compute $$x^2$$ now and then more text";
    // 14 characters end between the two dollars of the closer.
    assert.equal(problemExcerpt(text, 14).text, "Compute…");
  });

  it("drops a cut \\[…\\], \\(…\\) and \\begin…\\end span", () => {
    assert.equal(
      problemExcerpt("Let \\(a+b\\) and \\[a^2 + b^2 = c^2\\] hold.", 25).text,
      "Let \\(a+b\\) and…",
    );
    assert.equal(problemExcerpt("Let \\(a+b+c+d\\) be given.", 8).text, "Let…");
    const aligned = "Solve \\begin{align} x &= 1 \\\\ y &= 2 \\end{align} for z.";
    assert.equal(problemExcerpt(aligned, 30).text, "Solve…");
    assert.equal(problemExcerpt(aligned, 49).text, "Solve \\begin{align} x &= 1 \\\\ y &= 2 \\end{align}…");
  });

  it("escaped and currency dollars are not math: the cut stays where it is", () => {
    assert.equal(problemExcerpt("It costs \\$5 and \\$7 in total here", 15).text, "It costs \\$5 an…");
    assert.equal(problemExcerpt("A pen costs $ 3 and a book costs more", 20).text, "A pen costs $ 3 and…");
    assert.deepEqual(mathSpans("It costs \\$5 and $x$."), [{ start: 17, end: 20 }]);
  });

  it("a problem that opens with a long formula shows its source as text rather than nothing", () => {
    const text = "$$\\int_0^1 x^2 + x^3 + x^4 \\, dx$$ is what?";
    assert.deepEqual(problemExcerpt(text, 10), { text: "$$\\int_0^1…", typeset: false });
  });

  it("real problems (math_cot_100) cut at 160 characters never leave a formula open", function () {
    const lines = readFileSync(sharedDataFile(this, "samples/math_cot_100.jsonl"), "utf8").split("\n");
    const questions = lines
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { question: string }).question);
    const long = questions.filter((q) => q.length > 160);
    assert.ok(long.length >= 10, "enough long problems to mean something");
    for (const question of long) {
      const excerpt = problemExcerpt(question, 160);
      assert.ok(excerpt.typeset, question.slice(0, 60));
      assert.ok(excerpt.text.length <= 161, "no longer than the bound and its ellipsis");
      assert.ok(question.startsWith(excerpt.text.slice(0, -1)), "a prefix of the source");
      assertNoOpenMath(excerpt.text);
    }
  });
});
