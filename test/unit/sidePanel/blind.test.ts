import assert from "node:assert/strict";
import type { SideCandidate } from "../../../src/contract/sidePanelMessages";
import {
  judgementLine,
  judgementRecord,
  parseJudgements,
} from "../../../src/extension/sidePanel/judgementRecord";
import { drawBlindPair, nextSeed } from "../../../src/webview/side/blind";
import { loadProblem, solvedState } from "./fixture";

function candidates(answers: (string | null)[]): SideCandidate[] {
  return answers.map((answer, index) => ({
    index,
    text: `solution ${index}`,
    answer,
    score: index,
    finishReason: "stop",
  }));
}

describe("blind mode: the draw", () => {
  it("is seeded: the same seed gives the same pair (a reloaded view shows the same one)", () => {
    const pool = candidates(["1", "2", "1", "3"]);
    for (const seed of [1, 42, 9999]) assert.deepEqual(drawBlindPair(pool, seed), drawBlindPair(pool, seed));
  });

  it("puts each candidate on the left about half the time (the shuffle is fair)", () => {
    const pool = candidates(["1", "2"]);
    let left0 = 0;
    let seed = 7;
    const draws = 2000;
    for (let i = 0; i < draws; i++) {
      const pair = drawBlindPair(pool, seed)!;
      assert.deepEqual([pair.a, pair.b].sort(), [0, 1]);
      if (pair.a === 0) left0++;
      seed = nextSeed(seed);
    }
    assert.ok(
      left0 > draws * 0.45 && left0 < draws * 0.55,
      `candidate #1 on the left ${left0} of ${draws} times`,
    );
  });

  it("draws pairs whose answers differ when there are any, and covers all of them", () => {
    const pool = candidates(["7", "7", "9", "7"]);
    const seen = new Set<string>();
    let seed = 3;
    for (let i = 0; i < 200; i++) {
      const pair = drawBlindPair(pool, seed)!;
      assert.notEqual(pool[pair.a]!.answer, pool[pair.b]!.answer);
      seen.add([pair.a, pair.b].sort().join("-"));
      seed = nextSeed(seed);
    }
    assert.deepEqual([...seen].sort(), ["0-2", "1-2", "2-3"]);
  });

  it("leaves out candidates that did not end or have no text; null with fewer than two", () => {
    const pool = candidates(["1", "2", "3"]);
    pool[1] = { ...pool[1]!, finishReason: "cancelled" };
    pool[2] = { ...pool[2]!, text: "  " };
    assert.equal(drawBlindPair(pool, 1), null);
    pool[2] = { ...pool[2]!, text: "x" };
    const pair = drawBlindPair(pool, 1)!;
    assert.deepEqual([pair.a, pair.b].sort(), [0, 2]);
  });
});

describe("blind mode: the judgement record and the export format (JSONL)", () => {
  it("holds the problem, both solutions as shown (A, B), the verdict and the hidden scores", async () => {
    const problem = loadProblem(70);
    const state = await solvedState(problem);
    const record = judgementRecord(state, { a: 4, b: 1, verdict: "B" }, new Date("2026-01-02T03:04:05Z"))!;
    assert.equal(record.problem, problem.question);
    assert.equal(record.solutionA, problem.solutions[4]);
    assert.equal(record.solutionB, problem.solutions[1]);
    assert.equal(record.verdict, "B");
    assert.deepEqual([record.answerA, record.answerB], ["19", "31"]);
    assert.deepEqual([record.scoreA, record.scoreB], [problem.scores[4], problem.scores[1]]);
    assert.deepEqual([record.candidateA, record.candidateB], [5, 2], "numbered #index+1 as in the panels");
    assert.equal(record.rewardModel, "AceMath-7B-RM");
    assert.equal(record.judgedAt, "2026-01-02T03:04:05.000Z");
  });

  it("one record per line, control characters escaped, read back intact; a torn line is skipped", async () => {
    const state = await solvedState(loadProblem(98));
    state.candidates[0]!.text = "line one\nline two\u001b[31m red\u2028";
    const records = [
      judgementRecord(state, { a: 0, b: 1, verdict: "A" }, new Date(0))!,
      judgementRecord(state, { a: 2, b: 3, verdict: "both-wrong" }, new Date(1))!,
    ];
    const text = records.map(judgementLine).join("");
    assert.equal(text.split("\n").length, 3, "two lines and the final newline");
    assert.deepEqual(parseJudgements(text), records);
    assert.deepEqual(parseJudgements(text + '{"problem": "torn'), records);
  });

  it("refuses a pair the solve does not have", async () => {
    const state = await solvedState(loadProblem(98));
    assert.equal(judgementRecord(state, { a: 0, b: 99, verdict: "A" }, new Date()), null);
  });
});
