import assert from "node:assert/strict";
import type { PolicyBackend, RewardBackend } from "../../../src/core/backend/ports";
import { solve } from "../../../src/core/solve/pipeline";
import { applySolveEvent, emptySolveState } from "../../../src/core/solve/state";

const refused = () =>
  Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));

const policy: PolicyBackend = {
  baseUrl: "http://127.0.0.1:8011/v1",
  listModels: refused,
  generate: () => {
    throw new Error("not reached");
  },
};
const reward: RewardBackend = {
  baseUrl: "http://127.0.0.1:8012/v1",
  listModels: refused,
  score: refused,
};

async function failedState(rewardModel: string | null, withReward: boolean) {
  const request = {
    problem: "1+1?",
    n: 2,
    temperature: 0.7,
    topP: 0.8,
    maxTokens: 64,
    seed: null,
    policyModel: "p",
    rewardModel,
  };
  const state = emptySolveState();
  for await (const event of solve(
    request,
    { policy, reward: withReward ? reward : null },
    new AbortController().signal,
  ))
    applySolveEvent(state, event);
  return state;
}

describe("a solve that fails before it started", () => {
  it("still shows the configured reward model and its URL", async () => {
    const state = await failedState("nvidia/AceMath-7B-RM", true);
    assert.equal(state.status, "failed");
    assert.deepEqual(state.reward, {
      url: "http://127.0.0.1:8012/v1",
      model: "nvidia/AceMath-7B-RM",
      simulated: false,
    });
    assert.equal(state.policy?.url, "http://127.0.0.1:8011/v1");
  });

  it("shows no reward model when none is configured", async () => {
    const state = await failedState(null, false);
    assert.equal(state.status, "failed");
    assert.equal(state.reward, null);
  });
});
