import assert from "node:assert/strict";
import { join } from "node:path";
import { bestReward, majority, weightedVote, type GradedSample } from "../../../src/core/eval/metrics";
import {
  comparePolicies,
  defaultPolicy,
  groupCandidates,
  pickedCluster,
  type PolicyCandidate,
  type RankingPolicy,
} from "../../../src/core/solve/policies";
import {
  groupByExactAnswer,
  methodFor,
  RANKING_POLICIES,
  rankCandidates,
} from "../../../src/core/solve/ranking";
import { readJsonl } from "../../support/jsonl";

const SAMPLES = join(__dirname, "../../fixtures/eval/math_cot_100.jsonl");

interface SampleRow {
  gt: string;
  pred: string[];
  score: boolean[];
  pred_score: number[][];
}

const rows = readJsonl<SampleRow>(SAMPLES);

/** The recorded candidates of one problem: answers as extracted, raw reward logits. */
function recorded(row: SampleRow): PolicyCandidate[] {
  return row.pred.map((answer, index) => ({ index, answer, score: row.pred_score[index]?.[0] ?? null }));
}

async function outcomeOf(candidates: PolicyCandidate[]) {
  return comparePolicies(candidates, await groupCandidates(candidates, groupByExactAnswer), "raw");
}

function picked(outcome: ReturnType<typeof comparePolicies>, policy: RankingPolicy): string | null {
  return pickedCluster(outcome, policy)?.answer ?? null;
}

describe("policies: hand-computed tables", () => {
  it("clusters: votes, mean and max score, softmax weight; in order of first appearance", () => {
    // logits 0, ln 2, ln 2, 0 → softmax weights 1/6, 2/6, 2/6, 1/6
    const candidates: PolicyCandidate[] = [
      { index: 0, answer: "a", score: 0 },
      { index: 1, answer: "b", score: Math.log(2) },
      { index: 2, answer: "b", score: Math.log(2) },
      { index: 3, answer: "c", score: 0 },
    ];
    const { clusters } = comparePolicies(candidates, [[1, 2], [3], [0]], "raw");
    assert.deepEqual(
      clusters.map((c) => [c.answer, c.members, c.votes, c.maxScore]),
      [
        ["a", [0], 1, 0],
        ["b", [1, 2], 2, Math.log(2)],
        ["c", [3], 1, 0],
      ],
    );
    assert.ok(Math.abs((clusters[1]?.meanScore ?? 0) - Math.log(2)) < 1e-12);
    const weights = clusters.map((c) => c.weight);
    [1 / 6, 4 / 6, 1 / 6].forEach((w, i) =>
      assert.ok(Math.abs((weights[i] ?? 0) - w) < 1e-12, `${weights[i]} vs ${w}`),
    );
  });

  it("the three policies split: top score, most votes, heaviest weight", () => {
    // a: one candidate with the top logit 3; b: three at 0; c: two at 2.5
    // weights ∝ e^3 = 20.09; 3·e^0 = 3; 2·e^2.5 = 24.36 → c
    const candidates: PolicyCandidate[] = [
      { index: 0, answer: "b", score: 0 },
      { index: 1, answer: "a", score: 3 },
      { index: 2, answer: "b", score: 0 },
      { index: 3, answer: "c", score: 2.5 },
      { index: 4, answer: "b", score: 0 },
      { index: 5, answer: "c", score: 2.5 },
    ];
    const outcome = comparePolicies(candidates, [[0, 2, 4], [1], [3, 5]], "raw");
    assert.deepEqual(
      RANKING_POLICIES.map((p) => picked(outcome, p)),
      ["a", "b", "c"],
    );
    assert.equal(outcome.disagree, true);
    assert.equal(
      outcome.sentence,
      "The policies disagree: the reward model's top candidate picks a (1 of 6 votes); " +
        "majority vote picks b (3 of 6 votes); reward-weighted vote picks c (2 of 6 votes).",
    );
  });

  it("ties: majority to the cluster seen first; top-1 to the lower index; weighted vote to more votes", () => {
    const tie: PolicyCandidate[] = [
      { index: 0, answer: "x", score: 1 },
      { index: 1, answer: "y", score: 2 },
      { index: 2, answer: "y", score: 1 },
      { index: 3, answer: "x", score: 2 },
    ];
    const outcome = comparePolicies(
      tie,
      [
        [1, 2],
        [0, 3],
      ],
      "raw",
    );
    assert.equal(picked(outcome, "majority"), "x");
    assert.equal(picked(outcome, "reward-top1"), "y");
    // equal weights (e^-1 + 1 each) and equal votes → first seen
    assert.equal(picked(outcome, "weighted-vote"), "x");
    const moreVotes = comparePolicies(
      [
        { index: 0, answer: "x", score: 0 },
        { index: 1, answer: "y", score: -Math.log(2) },
        { index: 2, answer: "y", score: -Math.log(2) },
      ],
      [[0], [1, 2]],
      "raw",
    );
    assert.equal(picked(moreVotes, "weighted-vote"), "y");
  });

  it("sigmoid scores weigh as the logits they came from: the same picks as raw", () => {
    const logits = [0, 3, 0, 2.5, 0, 2.5];
    const answers = ["b", "a", "b", "c", "b", "c"];
    const groups = [[0, 2, 4], [1], [3, 5]];
    const raw = comparePolicies(
      logits.map((score, index) => ({ index, answer: answers[index] ?? null, score })),
      groups,
      "raw",
    );
    const sigmoid = comparePolicies(
      logits.map((l, index) => ({ index, answer: answers[index] ?? null, score: 1 / (1 + Math.exp(-l)) })),
      groups,
      "sigmoid",
    );
    assert.deepEqual(sigmoid.picks, raw.picks);
    sigmoid.clusters.forEach((c, i) => assert.ok(Math.abs(c.weight - (raw.clusters[i]?.weight ?? 0)) < 1e-9));
  });

  it("no scores: only majority picks, and says so; the default policy is majority", () => {
    const candidates: PolicyCandidate[] = [
      { index: 0, answer: "7" },
      { index: 1, answer: null },
      { index: 2, answer: "7", score: null },
      { index: 3, answer: "8" },
    ];
    const outcome = comparePolicies(candidates, [[0, 2], [3]]);
    assert.deepEqual(outcome.picks, { "reward-top1": null, majority: 0, "weighted-vote": null });
    assert.equal(outcome.disagree, false);
    assert.equal(outcome.sentence, "No reward scores: majority vote picks 7 (2 of 4 votes).");
    assert.equal(outcome.clusters[0]?.meanScore, null);
    assert.equal(outcome.clusters[0]?.weight, 0);
    assert.equal(defaultPolicy(candidates), "majority");
    assert.equal(defaultPolicy([...candidates, { index: 4, answer: null, score: -2 }]), "weighted-vote");
  });

  it("candidates without an answer vote for nothing but take their softmax share; unscored answers weigh 0", () => {
    const outcome = comparePolicies(
      [
        { index: 0, answer: null, score: 0 },
        { index: 1, answer: "5", score: 0 },
        { index: 2, answer: "6" },
      ],
      [[1], [2]],
      "raw",
    );
    assert.deepEqual(
      outcome.clusters.map((c) => [c.answer, c.weight]),
      [
        ["5", 0.5],
        ["6", 0],
      ],
    );
    assert.equal(picked(outcome, "reward-top1"), "5");
  });

  it("all agree: one sentence; no answers at all: no picks", () => {
    const agree = comparePolicies(
      [
        { index: 0, answer: "420", score: 1 },
        { index: 1, answer: "420", score: 2 },
      ],
      [[0, 1]],
      "raw",
    );
    assert.equal(agree.sentence, "All three policies pick 420 (2 of 2 votes).");
    const none = comparePolicies([{ index: 0, answer: null, score: 1 }], [], "raw");
    assert.deepEqual(none.picks, { "reward-top1": null, majority: null, "weighted-vote": null });
    assert.equal(none.sentence, "No candidate has a final answer, so no policy picks one.");
  });

  it("groups are trusted for grouping only: unanswered, unknown and repeated indices are dropped; missing ones get their own cluster", () => {
    const outcome = comparePolicies(
      [
        { index: 4, answer: "p", score: 1 },
        { index: 5, answer: null, score: 1 },
        { index: 6, answer: "q", score: 1 },
        { index: 7, answer: "p", score: 1 },
      ],
      [
        [7, 5, 4, 99],
        [4, 7],
      ],
      "raw",
    );
    assert.deepEqual(
      outcome.clusters.map((c) => [c.answer, c.members]),
      [
        ["p", [4, 7]],
        ["q", [6]],
      ],
    );
  });
});

describe("policies: real candidates (math_cot_100, Qwen2.5-Math-RM-72B logits)", () => {
  it("problem 17: 4 against 4; the majority tie goes to the first seen; scores agree with it", async () => {
    const outcome = await outcomeOf(recorded(rows[17]!));
    assert.deepEqual(
      outcome.clusters.map((c) => [c.answer, c.members, c.maxScore]),
      [
        ["6290000", [0, 1, 4, 5], 0.546875],
        ["6287000", [2, 3, 6, 7], -0.375],
      ],
    );
    assert.equal(outcome.clusters[0]?.meanScore, (0.515625 + 0.53125 + 0.546875 + 0.53125) / 4);
    assert.deepEqual(outcome.picks, { "reward-top1": 0, majority: 0, "weighted-vote": 0 });
    assert.equal(outcome.disagree, false);
  });

  // Problems whose policies disagree, with the file's correctness labels of each pick.
  const DISAGREE: { problem: number; picks: Record<RankingPolicy, string> }[] = [
    { problem: 54, picks: { "reward-top1": "25", majority: "12.5", "weighted-vote": "25" } },
    { problem: 70, picks: { "reward-top1": "31", majority: "19", "weighted-vote": "31" } },
    { problem: 98, picks: { "reward-top1": "759375", majority: "50625", "weighted-vote": "759375" } },
  ];
  for (const row of DISAGREE) {
    it(`problem ${row.problem}: the policies disagree and the sentence names each side`, async () => {
      const outcome = await outcomeOf(recorded(rows[row.problem]!));
      for (const policy of RANKING_POLICIES) assert.equal(picked(outcome, policy), row.picks[policy], policy);
      assert.equal(outcome.disagree, true);
      assert.match(outcome.sentence, /^The policies disagree: /);
      for (const answer of Object.values(row.picks))
        assert.ok(outcome.sentence.includes(answer), outcome.sentence);
    });
  }

  it("over all 100 problems: accuracy by the file's labels matches its README (majority 93, best reward 94; weighted vote 94)", async () => {
    const correct: Record<RankingPolicy, number> = { "reward-top1": 0, majority: 0, "weighted-vote": 0 };
    for (const row of rows) {
      const outcome = await outcomeOf(recorded(row));
      for (const policy of RANKING_POLICIES) {
        const cluster = pickedCluster(outcome, policy);
        if (cluster && row.score[cluster.members[0]!]) correct[policy]++;
      }
    }
    assert.equal(correct.majority, 93);
    assert.equal(correct["reward-top1"], 94);
    assert.equal(correct["weighted-vote"], 94);
  });

  it("over all 100 problems: the same picks as the eval metrics' maj, rm and weighted selectors", async () => {
    for (const [p, row] of rows.entries()) {
      const candidates = recorded(row);
      const outcome = await outcomeOf(candidates);
      const classOf = new Map(outcome.clusters.flatMap((c, at) => c.members.map((m) => [m, at] as const)));
      const samples: GradedSample[] = candidates.map((c) => ({
        answer: c.answer,
        correct: row.score[c.index] ?? false,
        classId: classOf.get(c.index) ?? null,
        reward: c.score ?? null,
      }));
      const classPicked = (s: GradedSample | null) => s?.classId ?? null;
      assert.equal(outcome.picks.majority, classPicked(majority(samples)), `problem ${p} majority`);
      assert.equal(outcome.picks["reward-top1"], classPicked(bestReward(samples)), `problem ${p} top-1`);
      assert.equal(
        outcome.picks["weighted-vote"],
        classPicked(weightedVote(samples)),
        `problem ${p} weighted`,
      );
    }
  });

  it("over all 100 problems: the pick of each policy heads the panel's ranking (ranking.ts)", async () => {
    for (const [p, row] of rows.entries()) {
      const candidates = recorded(row);
      const outcome = await outcomeOf(candidates);
      for (const policy of RANKING_POLICIES) {
        const ranking = await rankCandidates(
          candidates.map((c) => ({ index: c.index, answer: c.answer, score: c.score ?? null })),
          methodFor(policy, true),
          groupByExactAnswer,
          "raw",
        );
        const top = ranking.order[0]!;
        assert.ok(
          pickedCluster(outcome, policy)?.members.includes(top),
          `problem ${p} ${policy}: top card #${top + 1}`,
        );
      }
    }
  });
});
