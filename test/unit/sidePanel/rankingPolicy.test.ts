import assert from "node:assert/strict";
import { candidateLabel } from "../../../src/core/solve/candidateLabel";
import { groupByExactAnswer, methodFor, rankCandidates } from "../../../src/core/solve/ranking";
import { rankingMethodText } from "../../../src/core/solve/rankingText";
import { rewardWeights, toLogit } from "../../../src/core/solve/rewardWeights";
import { formatSolveSummary } from "../../../src/cli/solveOutput";
import { loadProblem, solvedState } from "./fixture";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe("ranking policy (acemath.ranking.policy)", () => {
  it("maps the setting to a method; without a reward model every policy is a majority vote", () => {
    assert.equal(methodFor("weighted-vote", true), "weighted-vote");
    assert.equal(methodFor("reward-top1", true), "reward");
    assert.equal(methodFor("majority", true), "majority");
    for (const policy of ["weighted-vote", "reward-top1", "majority"] as const)
      assert.equal(methodFor(policy, false), "majority");
  });

  it("softmax weights: positive, sum to 1, unchanged by a shift, 0 for unscored", () => {
    const w = rewardWeights([2, 0, null, -1], "raw");
    assert.ok(
      close(
        w.reduce((a, b) => a + b),
        1,
      ),
    );
    assert.equal(w[2], 0);
    assert.ok(close(w[0]! / w[1]!, Math.exp(2)));
    const shifted = rewardWeights([102, 100, null, 99], "raw");
    w.forEach((x, i) => assert.ok(close(x, shifted[i]!)));
    assert.deepEqual(rewardWeights([null, null], "raw"), [0, 0]);
  });

  it("sigmoid scores are mapped back to logits, so both dialects weigh alike", () => {
    const logits = [1.5, -0.25, 0.7];
    const sigmoid = logits.map((l) => 1 / (1 + Math.exp(-l)));
    const fromRaw = rewardWeights(logits, "raw");
    const fromSigmoid = rewardWeights(sigmoid, "sigmoid");
    fromRaw.forEach((x, i) => assert.ok(Math.abs(x - fromSigmoid[i]!) < 1e-9));
    assert.ok(Number.isFinite(toLogit(1, "sigmoid")) && Number.isFinite(toLogit(0, "sigmoid")));
  });

  it("weighted vote on idx 70: the answer 31 (3 votes, high scores) beats 19 (5 votes, low scores)", async () => {
    const problem = loadProblem(70);
    const candidates = problem.answers.map((answer, index) => ({
      index,
      answer,
      score: problem.scores[index]!,
    }));
    const ranking = await rankCandidates(candidates, "weighted-vote", groupByExactAnswer, "raw");
    assert.deepEqual(
      ranking.groups.map((g) => g.answer),
      ["31", "19"],
    );
    // Members of the heaviest answer first, each answer's members by score.
    assert.deepEqual(ranking.order, [1, 2, 5, 3, 6, 4, 7, 0]);
    const majority = await rankCandidates(candidates, "majority", groupByExactAnswer);
    assert.equal(majority.groups[0]!.answer, "19");
  });

  it("weighted vote: candidates without an answer come last, interrupted ones after them", async () => {
    const ranking = await rankCandidates(
      [
        { index: 0, answer: null, score: 5 },
        { index: 1, answer: "2", score: 0 },
        { index: 2, answer: "3", score: 1 },
        { index: 3, answer: "2", score: 0.5, ended: false },
      ],
      "weighted-vote",
      groupByExactAnswer,
      "raw",
    );
    assert.deepEqual(ranking.order, [2, 1, 0, 3]);
  });

  it("says how the candidates were ranked, for each policy", async () => {
    const problem = loadProblem(70);
    assert.equal(
      rankingMethodText(await solvedState(problem, { method: "weighted-vote" })),
      "Ranked by reward-weighted vote over final answers (softmax of AceMath-7B-RM's scores)",
    );
    assert.match(
      rankingMethodText(await solvedState(problem, { method: "majority" })),
      /acemath\.ranking\.policy/,
    );
    assert.match(
      rankingMethodText(await solvedState(problem, { method: "reward" })),
      /^Ranked by reward model/,
    );
  });
});

describe("one numbering of candidates", () => {
  it("is #(index + 1) in the CLI summary, whatever the rank", async () => {
    const state = await solvedState(loadProblem(70), { method: "weighted-vote" });
    const lines = formatSolveSummary(state)
      .split("\n")
      .filter((line) => line.startsWith("#"));
    assert.equal(lines.length, 8);
    state.order.forEach((index, position) =>
      assert.ok(
        lines[position]!.startsWith(`${candidateLabel(index)}  rank ${position + 1} `),
        lines[position],
      ),
    );
    assert.equal(candidateLabel(0), "#1");
  });
});
