import assert from "node:assert/strict";
import type { SolveEvent } from "../../../src/core/solve/events";
import { applySolveEvent, emptySolveState } from "../../../src/core/solve/state";

const backend = { url: "http://127.0.0.1:1/v1", model: "m", simulated: false };

describe("solve state reducer", () => {
  it("folds a whole solve", () => {
    const events: SolveEvent[] = [
      { type: "started", problem: "p", n: 2, policy: backend, reward: null },
      { type: "delta", index: 1, text: "b" },
      { type: "delta", index: 0, text: "a" },
      { type: "delta", index: 0, text: "\\boxed{1}" },
      { type: "finished", index: 0, finishReason: "stop", answer: "1" },
      { type: "scored", index: 0, score: 2.5, scoreKind: "raw" },
      { type: "finished", index: 1, finishReason: "length", answer: null },
      {
        type: "ranking",
        method: "reward",
        order: [0, 1],
        groups: [{ answer: "1", members: [0], bestScore: 2.5 }],
      },
      { type: "warning", code: "reward-failed", message: "w" },
      { type: "done", outcome: "complete" },
    ];
    const state = events.reduce(applySolveEvent, emptySolveState());
    assert.equal(state.status, "complete");
    assert.deepEqual(
      state.candidates.map((c) => [c.index, c.text, c.finishReason, c.answer, c.score]),
      [
        [0, "a\\boxed{1}", "stop", "1", 2.5],
        [1, "b", "length", null, null],
      ],
    );
    assert.deepEqual(state.order, [0, 1]);
    assert.equal(state.scoreKind, "raw");
    assert.equal(state.warnings.length, 1);
  });

  it("a new start clears the previous solve", () => {
    const state = emptySolveState();
    applySolveEvent(state, { type: "started", problem: "a", n: 1, policy: backend, reward: null });
    applySolveEvent(state, { type: "delta", index: 0, text: "x" });
    applySolveEvent(state, { type: "started", problem: "b", n: 1, policy: backend, reward: null });
    assert.equal(state.problem, "b");
    assert.deepEqual(state.candidates, []);
  });

  it("keeps candidates not yet in a ranking at the end of the order", () => {
    const state = emptySolveState();
    applySolveEvent(state, { type: "delta", index: 2, text: "x" });
    applySolveEvent(state, { type: "delta", index: 0, text: "y" });
    applySolveEvent(state, { type: "ranking", method: "majority", order: [0], groups: [] });
    assert.deepEqual(state.order, [0, 2]);
  });

  it("refuses candidates outside 0…n−1 and a second finish, whatever sent them", () => {
    const state = emptySolveState();
    applySolveEvent(state, { type: "started", problem: "p", n: 3, policy: backend, reward: null });
    for (const index of [3, 7, 100_000_000, -1, 1.5]) {
      applySolveEvent(state, { type: "delta", index, text: "ghost" });
      applySolveEvent(state, { type: "finished", index, finishReason: "stop", answer: "666" });
      applySolveEvent(state, { type: "scored", index, score: 99, scoreKind: "raw" });
    }
    applySolveEvent(state, { type: "finished", index: 0, finishReason: "client-limit", answer: "1" });
    applySolveEvent(state, { type: "finished", index: 0, finishReason: "stop", answer: "777" });
    assert.deepEqual(
      state.candidates.map((c) => [c.index, c.finishReason, c.answer, c.score]),
      [[0, "client-limit", "1", null]],
    );
    assert.deepEqual(state.order, [0]);
  });
});
