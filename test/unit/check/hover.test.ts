import assert from "node:assert/strict";
import {
  CheckCache,
  findCheckTargets,
  hoverPlainText,
  hoverSegments,
  verifyAnswer,
} from "../../../src/core/check";

const DOCUMENT = [
  "\\begin{problem}Solve $x^2-5x+6=0$.\\end{problem}",
  "\\begin{solution}The discriminant is $\\boxed{1}$; the roots are $\\boxed{x = 2, 4}$.\\end{solution}",
].join("\n");

describe("check: hover text and the verdict cache", () => {
  const [intermediate, final] = findCheckTargets({ text: DOCUMENT, dialect: "latex" });

  it("a refuted final answer: the symbolic verdict, the residual and a Check-with-model link", async () => {
    assert.ok(final);
    const symbolic = await verifyAnswer({ problem: final.problemText, answer: final.answerExpanded });
    const segments = hoverSegments(final, symbolic, undefined, "command:acemath.checkAnswer?x");
    const text = hoverPlainText(segments);
    assert.match(text, /symbolic: \$\(error\) \*\*refuted\*\*/);
    assert.match(text, /x = 4 does not satisfy/);
    assert.match(text, /\[Check with model\]\(command:acemath\.checkAnswer\?x /);
  });

  it("an intermediate box says so and names the final answer", async () => {
    assert.ok(intermediate);
    const symbolic = await verifyAnswer({
      problem: intermediate.problemText,
      answer: intermediate.answerExpanded,
    });
    assert.match(
      hoverPlainText(hoverSegments(intermediate, symbolic, undefined, "command:x")),
      /Intermediate value.*x = 2, 4/,
    );
  });

  it("the user's and the model's text are plain-text segments, never markdown", () => {
    assert.ok(final);
    const model = {
      summary: "agrees with [click](http://evil) <img src=x>",
      pickAgrees: true,
      majorityAgrees: null,
    };
    const segments = hoverSegments(final, { verdict: "unchecked", reason: "<b>why</b>" }, model, "command:x");
    for (const segment of segments) {
      if ("markdown" in segment) assert.doesNotMatch(segment.markdown, /evil|<b>|<img/);
    }
    assert.ok(segments.some((s) => "text" in s && s.text.includes("http://evil")));
    assert.ok(
      !hoverPlainText(segments).includes("Check with model"),
      "a cached model verdict replaces the link",
    );
  });

  it("the cache is keyed by (problem, answer): a changed answer or problem misses; it stays bounded", () => {
    const cache = new CheckCache(3);
    cache.update("Solve $x=1$.", "1", { symbolic: { verdict: "verified", reason: "r" } });
    cache.update("Solve $x=1$.", "1", {
      model: { summary: "agrees", pickAgrees: true, majorityAgrees: true },
    });
    assert.equal(cache.get("Solve $x=1$.", "1")?.symbolic?.verdict, "verified");
    assert.equal(cache.get("Solve $x=1$.", "1")?.model?.summary, "agrees");
    assert.equal(cache.get("Solve $x=1$.", "2"), undefined);
    assert.equal(cache.get("Solve $x=2$.", "1"), undefined);
    for (const k of [1, 2, 3]) cache.update(`p${k}`, "a", {});
    assert.equal(cache.size, 3);
    assert.equal(cache.get("Solve $x=1$.", "1"), undefined, "the least recently used entry went first");
  });
});
