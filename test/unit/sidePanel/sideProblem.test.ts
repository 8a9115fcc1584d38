import assert from "node:assert/strict";
import { sideProblemOf } from "../../../src/extension/sidePanel/sideProblem";
import { loadProblem, solvedState } from "./fixture";

const options = { key: "latest", configured: "weighted-vote" as const, solvedAt: null };

function pickedAnswers(problem: ReturnType<typeof sideProblemOf>) {
  const answer = (position: number | null) => (position === null ? null : problem.clusters[position]!.answer);
  return {
    rm: answer(problem.picks["reward-top1"]),
    majority: answer(problem.picks.majority),
    weighted: answer(problem.picks["weighted-vote"]),
  };
}

describe("side panel: answer clusters and the three policies (real candidates, math_cot_100)", () => {
  it("idx 70: majority picks 19 (5 votes), the reward model and the weighted vote pick 31 (the gold)", async () => {
    const problem = loadProblem(70);
    const view = sideProblemOf(await solvedState(problem), options);
    assert.deepEqual(pickedAnswers(view), { rm: "31", majority: "19", weighted: "31" });
    const nineteen = view.clusters.find((c) => c.answer === "19")!;
    assert.deepEqual(nineteen.members, [0, 3, 4, 6, 7]);
    assert.equal(nineteen.votes, 5);
    const scores = nineteen.members.map((i) => problem.scores[i]!);
    assert.ok(Math.abs(nineteen.meanScore! - scores.reduce((a, b) => a + b) / 5) < 1e-12);
    assert.equal(nineteen.maxScore, Math.max(...scores));
    assert.equal(view.disagree, true);
    assert.match(view.sentence, /^The policies disagree: .*31.*; majority vote picks 19 \(5 of 8 votes\)/);
  });

  it("idx 98: majority picks the gold 50625, the reward model's top candidate says 759375", async () => {
    const view = sideProblemOf(await solvedState(loadProblem(98)), options);
    const picks = pickedAnswers(view);
    assert.equal(picks.majority, "50625");
    assert.equal(picks.rm, "759375");
    assert.equal(view.disagree, true, "the policies disagree");
    assert.match(view.sentence, /majority vote picks 50625/);
  });

  it("idx 54: a 2-vote majority (12.5) against the reward model's 25", async () => {
    const view = sideProblemOf(await solvedState(loadProblem(54)), options);
    assert.deepEqual(pickedAnswers(view), { rm: "25", majority: "12.5", weighted: "25" });
  });

  it("without scores only the majority picks, and nothing disagrees", async () => {
    const view = sideProblemOf(await solvedState(loadProblem(70), { scored: false }), options);
    assert.deepEqual(pickedAnswers(view), { rm: null, majority: "19", weighted: null });
    assert.equal(view.disagree, false);
    assert.equal(view.sentence, "No reward scores: majority vote picks 19 (5 of 8 votes).");
    assert.ok(view.clusters.every((c) => c.meanScore === null && c.maxScore === null));
    assert.equal(view.policy, "majority", "the policy in effect is the one the solve ranked by");
  });

  it("keeps every candidate with its index, text and the solve's order", async () => {
    const problem = loadProblem(98);
    const state = await solvedState(problem);
    const view = sideProblemOf(state, options);
    assert.deepEqual(
      view.candidates.map((c) => c.index),
      [0, 1, 2, 3, 4, 5, 6, 7],
    );
    assert.equal(view.candidates[3]!.text, problem.solutions[3]);
    assert.deepEqual(view.order, state.order);
    assert.equal(view.policy, "weighted-vote");
  });
});
