import assert from "node:assert/strict";
import { hasEnded, type SolveEvent } from "../../../src/core/solve/events";
import {
  applySolveEvent,
  candidateCounts,
  emptySolveState,
  type SolveState,
} from "../../../src/core/solve/state";
import { rankingMethodText } from "../../../src/webview/view/text";
import { loadDataset, startSimulator, type SimServer } from "../../sim";
import { request, runSolve, simBackends } from "./solveHarness";

const policy = { url: "http://127.0.0.1:8000/v1", model: "p", simulated: false };
const reward = { url: "http://127.0.0.1:8001", model: "nvidia/AceMath-7B-RM", simulated: false };

/** A cancelled solve of 8: candidates 0–2 finished (with the given scores), 3–7 cut off by the cancel. */
function cancelled(scores: (number | null)[], method: "reward" | "majority" | null): SolveState {
  const events: SolveEvent[] = [{ type: "started", problem: "p", n: 8, policy, reward }];
  for (let index = 0; index < 8; index++) {
    const ended = index < 3;
    events.push({ type: "delta", index, text: "x" });
    events.push({
      type: "finished",
      index,
      finishReason: ended ? "stop" : "cancelled",
      answer: ended ? "1" : null,
    });
    const score = scores[index];
    if (ended && score !== null && score !== undefined)
      events.push({ type: "scored", index, score, scoreKind: "raw" });
  }
  if (method) events.push({ type: "ranking", method, order: [0, 1, 2, 3, 4, 5, 6, 7], groups: [] });
  events.push({ type: "done", outcome: "cancelled" });
  return events.reduce(applySolveEvent, emptySolveState());
}

describe("after a cancel: what the ranking label says", () => {
  it("nothing scored: says so, never 'Ranked by reward model'", () => {
    const text = rankingMethodText(cancelled([null, null, null], "reward"));
    assert.equal(text, "Cancelled: 3 of 8 finished, not scored");
  });

  it("some scored: how many, and by which model", () => {
    const text = rankingMethodText(cancelled([1.5, null, -0.5], "reward"));
    assert.equal(
      text,
      "Cancelled: 3 of 8 finished, 2 scored — ranked by reward model nvidia/AceMath-7B-RM (raw scores)",
    );
  });

  it("majority vote", () => {
    const text = rankingMethodText(cancelled([null, null, null], "majority"));
    assert.equal(text, "Cancelled: 3 of 8 finished, not scored — ranked by majority vote over final answers");
  });

  it("cancelled before anything finished", () => {
    const state = emptySolveState();
    applySolveEvent(state, { type: "started", problem: "p", n: 8, policy, reward });
    applySolveEvent(state, { type: "done", outcome: "cancelled" });
    assert.equal(rankingMethodText(state), "Cancelled: 0 of 8 finished, nothing to rank");
  });

  it("counts a candidate cut at the client's limit as finished", () => {
    const state = emptySolveState();
    applySolveEvent(state, { type: "started", problem: "p", n: 8, policy, reward });
    applySolveEvent(state, { type: "finished", index: 0, finishReason: "stop", answer: "1" });
    applySolveEvent(state, { type: "finished", index: 1, finishReason: "client-limit", answer: null });
    applySolveEvent(state, { type: "finished", index: 2, finishReason: "cancelled", answer: null });
    assert.deepEqual(candidateCounts(state), { ended: 2, total: 8, scored: 0 });
  });
});

describe("after a cancel: the pipeline's order", function () {
  this.timeout(20000);
  let sim: SimServer | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  const problem = loadDataset().problems.find(
    (p) => p.source === "math_cot_100" && p.solutions.length === 8,
  )!;

  it("finished candidates come first, cancelled ones after, and nothing claims a score", async () => {
    // The reward model answers far too late to score anything before the cancel.
    sim = await startSimulator({ tokensPerSecond: 600, rewardLatencyMs: 60_000 });
    const abort = new AbortController();
    let finished = 0;
    const { state } = await runSolve(request(problem.problem), simBackends(sim), {
      signal: abort.signal,
      onEvent: (event) => {
        if (event.type === "finished" && ++finished === 3) abort.abort();
      },
    });
    assert.equal(state.status, "cancelled");
    const { ended, total, scored } = candidateCounts(state);
    assert.ok(ended >= 3 && ended < 8, `some but not all finished (${ended})`);
    assert.equal(scored, 0);
    const reasons = state.order.map((i) => state.candidates.find((c) => c.index === i)!.finishReason);
    assert.ok(reasons.slice(0, ended).every(hasEnded), "finished first");
    assert.ok(
      reasons.slice(ended).every((r) => r === "cancelled"),
      "then the cancelled ones",
    );
    assert.equal(rankingMethodText(state), `Cancelled: ${ended} of ${total} finished, not scored`);
  });
});
