import assert from "node:assert/strict";
import { agreementWith, modelVerdictOf, scoreContext } from "../../../src/core/check";
import { createGrader } from "../../../src/backends/grading";
import { type Grader } from "../../../src/core/grading";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";

/** A finished solve: four candidates, answers 4t, 4t, 4t, 3t, ranked by the reward model. */
function finishedSolve(simulated = false): SolveState {
  const state = emptySolveState();
  state.status = "complete";
  state.problem = "Simplify $3t+4-6t+7t-4$.";
  state.n = 4;
  state.rankingMethod = "reward";
  state.policy = { url: "http://127.0.0.1:8000/v1", model: "m", simulated };
  const answers = ["4t", "3t", "4t", "4t"];
  const scores = [1.5, 2.5, 0.5, -1];
  state.candidates = answers.map((answer, index) => ({
    index,
    text: "…",
    finishReason: "stop",
    answer,
    score: scores[index] ?? null,
  }));
  state.order = [1, 0, 2, 3];
  state.groups = [
    { answer: "4t", members: [0, 2, 3], bestScore: 1.5 },
    { answer: "3t", members: [1], bestScore: 2.5 },
  ];
  return state;
}

describe("check: agreement with a finished solve", function () {
  this.timeout(20000);
  let grader: Grader;
  before(() => (grader = createGrader()));
  after(() => grader.dispose());

  it("the reward model's pick and the majority can disagree; each is compared with the written answer", async () => {
    const agreement = await agreementWith(finishedSolve(), "4t", grader);
    assert.equal(agreement.pick?.answer, "3t");
    assert.equal(agreement.pick?.verdict, "not-equal");
    assert.deepEqual(
      [agreement.majority?.answer, agreement.majority?.votes, agreement.majority?.total],
      ["4t", 3, 4],
    );
    assert.equal(agreement.majority?.verdict, "equal");
    const verdict = modelVerdictOf(agreement, "0.900, higher than 2 of 4 model candidates");
    assert.equal(verdict.pickAgrees, false);
    assert.equal(verdict.majorityAgrees, true);
    assert.equal(verdict.pick, "3t");
    assert.match(
      verdict.summary,
      /^your answer differs from the model's pick \(reward model: 3t\); agrees with the majority answer \(4t, 3 of 4\)$/,
    );
  });

  it("an equivalent form agrees, and a simulated backend is named", async () => {
    const agreement = await agreementWith(finishedSolve(true), "t\\cdot 4", grader);
    assert.equal(agreement.majority?.verdict, "equal");
    assert.match(agreement.summary, /\(simulated backend\)$/);
  });

  it("the reward score of the user's solution is placed among the candidates' scores", () => {
    assert.equal(scoreContext(1, finishedSolve()), "higher than 2 of 4 model candidates");
    assert.equal(scoreContext(1, emptySolveState()), "no model candidates scored to compare with");
  });
});
