// The eval benchmark's zero-overhead schedule (bench/evalSchedule.ts): engine steps for hand-worked cases.
import assert from "node:assert/strict";
import { zeroOverheadSteps } from "../../../bench/evalSchedule";

const settings = { slots: 2, concurrency: 1, firstTokenSteps: 0, rewardSteps: 0 };

describe("bench: eval schedule floor", () => {
  it("runs one problem's samples side by side up to the slots, then queues the rest", () => {
    // Slots 2: samples of 3 and 2 tokens run together (3 steps); with one slot, one after the other (5).
    assert.equal(zeroOverheadSteps([[3, 2]], settings), 3);
    assert.equal(zeroOverheadSteps([[3, 2]], { ...settings, slots: 1 }), 5);
  });

  it("asks for the next problem only when a slot of the client is free, after the reward's steps", () => {
    // One problem at a time: [4] then [1] = 4 + 1; with 2 reward steps between them, 4 + 2 + 1.
    assert.equal(zeroOverheadSteps([[4], [1]], settings), 5);
    assert.equal(zeroOverheadSteps([[4], [1]], { ...settings, rewardSteps: 2 }), 7);
    // Two problems in flight share the two slots: both done after 4 steps.
    assert.equal(zeroOverheadSteps([[4], [1]], { ...settings, concurrency: 2 }), 4);
  });

  it("holds a slot for the first-token delay too", () => {
    assert.equal(zeroOverheadSteps([[2, 2]], { ...settings, firstTokenSteps: 3 }), 5);
  });
});
