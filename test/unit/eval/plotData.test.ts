/** The numbers behind the plots, against hand-computed values. */
import assert from "node:assert/strict";
import { accuracyCurves, curveKs, scoreHistogram } from "../../../src/core/eval/plotData";
import type { GradedSample, ProblemSamples } from "../../../src/core/eval/metrics";

const s = (classId: number | null, correct: boolean, reward: number | null): GradedSample => ({
  answer: classId === null ? null : String(classId),
  correct,
  classId,
  reward,
});

describe("eval plot data", () => {
  it("k runs over powers of two up to N, N included, plus the run's ks that fit", () => {
    assert.deepEqual(curveKs(8), [1, 2, 4, 8]);
    assert.deepEqual(curveKs(6, [3, 16]), [1, 2, 3, 4, 6]);
    assert.deepEqual(curveKs(1), [1]);
  });

  it("curves per method at each k, averaged over datasets", () => {
    // Two samples: the wrong one has the higher reward and comes first; majority is a tie (first seen wins).
    const p: ProblemSamples = { samples: [s(0, false, 5), s(1, true, 1)] };
    const q: ProblemSamples = { samples: [s(0, true, 0), s(0, true, 1)] };
    const curves = accuracyCurves([[p], [q]], 50);
    assert.deepEqual(curves.ks, [1, 2]);
    const at = (name: string) => curves.series.find((c) => c.name === name)!.values;
    // k = 2 uses both samples: p is wrong for rm, maj (tie → first) and weighted; q is right: 50 % on average.
    assert.equal(at("rm@k")[1], 50);
    assert.equal(at("maj@k")[1], 50);
    assert.equal(at("weighted@k")[1], 50);
    // Oracle pass@2: both problems have a correct sample.
    assert.equal(at("pass@k (oracle)")[1], 100);
    // pass@1 (oracle) = c/n: p 1/2, q 1 → 75.
    assert.equal(at("pass@k (oracle)")[0], 75);
  });

  it("histograms rewards of correct vs incorrect samples, unscored ones counted apart", () => {
    const h = scoreHistogram(
      [[{ samples: [s(0, true, 0), s(0, true, 1), s(1, false, 0.2), s(null, false, null)] }]],
      4,
    );
    assert.deepEqual(h.edges, [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(h.correct, [1, 0, 0, 1]);
    assert.deepEqual(h.incorrect, [1, 0, 0, 0]);
    assert.equal(h.unscored, 1);
    assert.deepEqual(scoreHistogram([[{ samples: [s(0, true, null)] }]]).edges, []);
  });
});
