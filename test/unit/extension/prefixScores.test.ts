// Signal 3 (a heuristic): the outcome RM scores the first k steps of a solution, all prefixes in one request.
import assert from "node:assert/strict";
import { VllmRewardBackend } from "../../../src/backends/http/vllmReward";
import { MAX_PREFIXES, prefixesOf, prefixScores } from "../../../src/extension/steps/prefixScores";
import { startSimulator, type SimServer } from "../../sim/server";

const signal = new AbortController().signal;
const TEXT = "We need $17 \\times 4$.\n\nSo $17 \\times 4 = 78$.\n\nThe answer is $\\boxed{78}$.";
const ENDS = [TEXT.indexOf(".") + 1, TEXT.indexOf("78$.") + 4, TEXT.length];

describe("prefix scores with the outcome reward model", function () {
  this.timeout(20000);
  let sim: SimServer | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("the prefixes are the solution cut after each step", () => {
    assert.deepEqual(prefixesOf(TEXT, ENDS), [
      "We need $17 \\times 4$.",
      "We need $17 \\times 4$.\n\nSo $17 \\times 4 = 78$.",
      TEXT,
    ]);
    assert.equal(
      prefixesOf(
        TEXT,
        Array.from({ length: MAX_PREFIXES + 9 }, () => 5),
      ).length,
      MAX_PREFIXES,
    );
  });

  it("one scoring request holds every prefix, in order, and a score comes back per step", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const reward = new VllmRewardBackend({ baseUrl: sim.rewardBaseUrl, apiKey: null });
    await reward.detect(sim.rewardModel, signal); // the one-time dialect probe, not part of the scoring
    const before = sim.requests.length;
    const scores = await prefixScores(reward, sim.rewardModel, "What is 17 times 4?", TEXT, ENDS, signal);
    assert.equal(scores.length, 3);
    assert.ok(scores.every((s) => typeof s === "number"));
    const scoring = sim.requests.slice(before).filter((r) => r.path === "/classify" || r.path === "/pooling");
    assert.equal(scoring.length, 1, "one batched request");
    const inputs = (scoring[0]?.body as { input: string[] }).input;
    assert.equal(inputs.length, 3);
    assert.ok(inputs[0]?.includes("We need $17 \\times 4$.<|im_end|>"), "the first prefix ends after step 1");
    assert.ok(inputs[2]?.includes("\\boxed{78}"));
  });
});
