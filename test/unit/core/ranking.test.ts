import assert from "node:assert/strict";
import { groupByExactAnswer, rankCandidates, type RankableCandidate } from "../../../src/core/solve/ranking";

function c(index: number, answer: string | null, score: number | null = null): RankableCandidate {
  return { index, answer, score };
}

describe("ranking", () => {
  it("orders by reward score, best first; unscored last by index", async () => {
    const ranking = await rankCandidates(
      [c(0, "1", 0.5), c(1, "2", 3.25), c(2, "1", null), c(3, null, -1), c(4, "2", 3.25)],
      "reward",
      groupByExactAnswer,
    );
    assert.deepEqual(ranking.order, [1, 4, 0, 3, 2]);
    assert.deepEqual(
      ranking.groups.map((g) => [g.answer, g.members, g.bestScore]),
      [
        ["2", [1, 4], 3.25],
        ["1", [0, 2], 0.5],
      ],
    );
  });

  it("orders by majority vote: biggest group first, ties to the first seen, no-answer last", async () => {
    const ranking = await rankCandidates(
      [c(0, "5"), c(1, "7"), c(2, null), c(3, "7"), c(4, "5"), c(5, "9")],
      "majority",
      groupByExactAnswer,
    );
    assert.deepEqual(ranking.order, [0, 4, 1, 3, 5, 2]);
    assert.deepEqual(
      ranking.groups.map((g) => [g.answer, g.members.length]),
      [
        ["5", 2],
        ["7", 2],
        ["9", 1],
      ],
    );
  });

  it("uses the injected grouping (equivalent spellings vote together)", async () => {
    const byValue = async (answers: string[]) => {
      const keys = answers.map((a) => (a === "\\frac{1}{2}" ? "0.5" : a));
      return [...new Set(keys)].map((k) => keys.flatMap((key, i) => (key === k ? [i] : [])));
    };
    const ranking = await rankCandidates([c(0, "3"), c(1, "0.5"), c(2, "\\frac{1}{2}")], "majority", byValue);
    assert.deepEqual(ranking.order, [1, 2, 0]);
    assert.equal(ranking.groups[0]!.answer, "0.5");
  });

  it("after a cancel, finished candidates come first and interrupted ones after (reward)", async () => {
    const interrupted = (index: number): RankableCandidate => ({ ...c(index, null), ended: false });
    const ranking = await rankCandidates(
      [interrupted(0), c(1, "3", 1.5), c(2, "4", null), interrupted(3), c(4, null, null), c(5, "3", 2)],
      "reward",
      groupByExactAnswer,
    );
    assert.deepEqual(ranking.order, [5, 1, 2, 4, 0, 3], "scored, then finished unscored, then interrupted");
  });

  it("after a cancel, finished candidates come first and interrupted ones after (majority)", async () => {
    const interrupted = (index: number): RankableCandidate => ({ ...c(index, null), ended: false });
    const ranking = await rankCandidates(
      [interrupted(0), c(1, "7"), c(2, null), interrupted(3), c(4, "7"), c(5, "2")],
      "majority",
      groupByExactAnswer,
    );
    assert.deepEqual(ranking.order, [1, 4, 5, 2, 0, 3]);
  });

  it("majority vote with the policy's confidence (embedded engine): votes first, confidence breaks ties", async () => {
    const sure = (index: number, answer: string | null, confidence: number): RankableCandidate => ({
      index,
      answer,
      score: null,
      confidence,
    });
    const ranking = await rankCandidates(
      [
        sure(0, "5", -2),
        sure(1, "7", -0.5),
        sure(2, "5", -1.5),
        sure(3, "7", -0.7),
        sure(4, "9", -0.1),
        sure(5, null, -0.2),
        sure(6, null, -3),
      ],
      "majority",
      groupByExactAnswer,
    );
    // "5" and "7" tie on two votes; "7" is the more confident answer, so it comes first although "5"
    // was seen first; inside each answer the more confident candidate leads; a lone "9" stays behind
    // the two-vote answers however confident; no-answer candidates last, by confidence.
    assert.deepEqual(
      ranking.groups.map((g) => g.answer),
      ["7", "5", "9"],
    );
    assert.deepEqual(ranking.order, [1, 3, 2, 0, 4, 5, 6]);
  });

  it("groups exact answers ignoring whitespace only", async () => {
    assert.deepEqual(await groupByExactAnswer(["x + 1", "x+1", "1+x"]), [[0, 1], [2]]);
  });
});
