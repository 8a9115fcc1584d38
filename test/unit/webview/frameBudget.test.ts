import { strict as assert } from "node:assert";
import { FrameBudget } from "../../../src/webview/view/frameBudget";

describe("a frame's rendering budget", () => {
  it("always allows the first step, even when the frame's time is already gone", () => {
    let clock = 0;
    const budget = new FrameBudget(() => clock, { budgetMs: 12, maxHtmlChars: 1000 });
    clock = 500;
    assert.equal(budget.exhausted(), false);
    budget.step(10);
    assert.equal(budget.exhausted(), true);
  });

  it("stops on time with small chunks, and on inserted HTML with a frozen clock", () => {
    let clock = 0;
    const byTime = new FrameBudget(() => clock, { budgetMs: 12, maxHtmlChars: 1e9 });
    let steps = 0;
    while (!byTime.exhausted()) {
      byTime.step(100);
      clock += 5;
      steps++;
    }
    assert.equal(steps, 3);

    const byHtml = new FrameBudget(() => 0, { budgetMs: 12, maxHtmlChars: 80_000 });
    steps = 0;
    while (!byHtml.exhausted()) {
      byHtml.step(30_000);
      steps++;
    }
    assert.equal(steps, 3);
  });
});
