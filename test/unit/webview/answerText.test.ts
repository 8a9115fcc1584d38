import { strict as assert } from "node:assert";
import { isFromWebview } from "../../../src/contract/webviewMessages";
import type { FinishReason } from "../../../src/core/solve/events";
import type { SolveStatus } from "../../../src/core/solve/state";
import { answerTitle } from "../../../src/webview/view/answerMath";
import { answerPlaceholder } from "../../../src/webview/view/text";

describe("what a card shows for an answer it does not have", () => {
  const cases: [FinishReason | null, SolveStatus, string][] = [
    [null, "running", "…"],
    [null, "cancelled", "cancelled"],
    [null, "failed", "none"],
    ["cancelled", "cancelled", "cancelled"],
    ["cancelled", "running", "cancelled"],
    ["stop", "complete", "none"],
    ["length", "complete", "none"],
    ["error", "failed", "none"],
  ];
  for (const [finishReason, status, expected] of cases) {
    it(`${finishReason ?? "unfinished"} while ${status}: ${expected}`, () => {
      const candidate = { index: 0, text: "x", finishReason, answer: null, score: null };
      assert.equal(answerPlaceholder(candidate, status), expected);
    });
  }

  it("keeps a huge answer's tooltip to a readable length", () => {
    const title = answerTitle("1+".repeat(5000));
    assert.ok(title.length < 2100);
    assert.match(title, /\(10000 characters\)$/);
    assert.equal(answerTitle("\\frac{1}{2}"), "\\frac{1}{2}");
  });

  it("accepts the error card's retry message", () => {
    assert.equal(isFromWebview({ type: "retry" }), true);
  });
});
