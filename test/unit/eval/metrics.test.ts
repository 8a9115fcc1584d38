import assert from "node:assert/strict";
import {
  bestReward,
  bootstrapInterval,
  Draws,
  majority,
  noAnswerShare,
  oraclePassAtK,
  passAt1,
  passAtK,
  selectAtK,
  weightedVote,
  type GradedSample,
  type ProblemSamples,
} from "../../../src/core/eval/metrics";

/** A sample from a compact spec: class letter (or "-" for no answer), correct, reward. */
function s(cls: string, correct: boolean, reward: number | null = null, truncated = false): GradedSample {
  return cls === "-"
    ? { answer: null, correct: false, classId: null, reward, truncated }
    : { answer: cls, correct, classId: cls.charCodeAt(0), reward, truncated };
}

function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return r;
}

describe("eval metrics: selectors on hand-computed tables", () => {
  it("maj: largest class wins; a tie goes to the class seen first", () => {
    assert.equal(majority([s("a", false), s("b", true), s("b", true), s("a", false)])?.answer, "a");
    assert.equal(majority([s("b", true), s("a", false), s("a", false), s("b", true)])?.answer, "b");
    assert.equal(majority([s("a", false), s("b", true), s("b", true)])?.correct, true);
  });

  it("maj: no-answer and truncated samples never form a class; all no-answer → nothing selected", () => {
    assert.equal(majority([s("-", false), s("-", false), s("a", true)])?.answer, "a");
    assert.equal(majority([s("a", false, null, true), s("a", false, null, true), s("b", true)])?.answer, "b");
    assert.equal(majority([s("-", false), s("-", false)]), null);
  });

  it("rm: highest reward; ties to the first; unscored loses to scored", () => {
    assert.equal(bestReward([s("a", false, 1), s("b", true, 3), s("c", false, 3)])?.answer, "b");
    assert.equal(bestReward([s("a", false, null), s("b", true, -5)])?.answer, "b");
  });

  it("weighted vote: softmax weights add up per class, invariant to a shift of all scores", () => {
    // a: e^0 = 1; b: e^-0.5 + e^-0.5 = 1.213 → b wins although a holds the top score
    const table = [s("a", false, 2), s("b", true, 1.5), s("b", true, 1.5)];
    assert.equal(weightedVote(table)?.answer, "b");
    assert.equal(weightedVote(table.map((x) => ({ ...x, reward: x.reward! - 100 })))?.answer, "b");
    // a: 1; b: 2·e^-1 = 0.736 → a
    assert.equal(weightedVote([s("a", false, 2), s("b", true, 1), s("b", true, 1)])?.answer, "a");
    // no rewards at all: plain majority
    assert.equal(weightedVote([s("a", false), s("b", true), s("b", true)])?.answer, "b");
  });
});

describe("eval metrics: per-problem values at k", () => {
  const table: ProblemSamples = {
    samples: [s("a", false, 0.1), s("b", true, 0.9), s("a", false, 0.2), s("-", false, 0.95)],
  };

  it("pass@1 uses the greedy sample, else the first", () => {
    assert.equal(passAt1(table), 0);
    assert.equal(passAt1({ ...table, greedy: s("b", true) }), 1);
  });

  it("k = N: one evaluation over every sample, in generation order", () => {
    const draws = new Draws(100);
    assert.equal(selectAtK(table, 4, majority, draws), 0); // a ×2 beats b
    assert.equal(selectAtK(table, 4, bestReward, draws), 0); // 0.95 is the no-answer sample
  });

  it("k > available samples: the problem uses what it has", () => {
    assert.equal(selectAtK(table, 8, majority, new Draws(5)), selectAtK(table, 4, majority, new Draws(5)));
    assert.equal(oraclePassAtK(table, 8), 1);
  });

  it("k < N: the mean over draws equals the exact share of k-subsets where the selection is right", () => {
    // maj@2 over {a✗, b✓, a✗, -}: of the 6 pairs, the correct pick needs b first-seen or alone:
    // (a0,b1) tie → a ✗; (b1,a2) tie → b ✓; (b1,-) → b ✓; others have no b → ✗ ⇒ 2/6.
    const exact = 2 / 6;
    const estimate = selectAtK(table, 2, majority, new Draws(4000));
    assert.ok(Math.abs(estimate - exact) < 0.03, `${estimate} vs ${exact}`);
  });

  it("draws are repeatable and shared across metrics", () => {
    assert.deepEqual(new Draws(10, 7).of(8, 3), new Draws(10, 7).of(8, 3));
    for (const d of new Draws(50).of(8, 3))
      assert.deepEqual(
        [...d].sort((x, y) => x - y),
        d,
      );
  });

  it("no-answer share counts missing and truncated answers, greedy included", () => {
    const withTruncated = { greedy: s("-", false), samples: [s("a", true, null, true), s("b", true)] };
    assert.deepEqual(noAnswerShare(withTruncated), { none: 2, total: 3 });
  });
});

describe("eval metrics: unbiased pass@k", () => {
  it("matches its closed form 1 − C(n−c,k)/C(n,k) over a grid", () => {
    for (let n = 1; n <= 16; n++)
      for (let c = 0; c <= n; c++)
        for (let k = 1; k <= n; k++) {
          const closed = 1 - choose(n - c, k) / choose(n, k);
          assert.ok(Math.abs(passAtK(n, c, k) - closed) < 1e-12, `n=${n} c=${c} k=${k}`);
        }
  });

  it("hand values: n=8,c=1,k=1 → 1/8; n=4,c=2,k=2 → 5/6; c=0 → 0; k ≥ n with c>0 → 1", () => {
    assert.equal(passAtK(8, 1, 1), 1 / 8);
    assert.ok(Math.abs(passAtK(4, 2, 2) - 5 / 6) < 1e-12);
    assert.equal(passAtK(8, 0, 8), 0);
    assert.equal(passAtK(4, 1, 9), 1);
  });
});

describe("eval metrics: bootstrap interval", () => {
  it("brackets the mean, is repeatable, and collapses for constant scores", () => {
    const scores = Array.from({ length: 100 }, (_, i) => (i % 10 < 9 ? 1 : 0));
    const ci = bootstrapInterval(scores, { seed: 1 });
    assert.ok(ci.low < 0.9 && ci.high > 0.9 && ci.low > 0.8 && ci.high < 0.97, JSON.stringify(ci));
    assert.deepEqual(bootstrapInterval(scores, { seed: 1 }), ci);
    assert.deepEqual(bootstrapInterval([1, 1, 1]), { low: 1, high: 1 });
  });
});
