// Tests of the simulated reward model's /classify and /pooling (a TEST FIXTURE).
import assert from "node:assert/strict";
import { startSimulator, type SimServer } from "../../sim/server";
import { hashReward, sigmoid } from "../../sim/scoring";
import { chatMl, fixtureProblem, postJson } from "./helpers";

interface ClassifyResponse {
  id: string;
  object: string;
  created: number;
  model: string;
  data: Array<{ index: number; label: string; probs: number[]; num_classes: number }>;
  usage: { prompt_tokens: number; total_tokens: number; completion_tokens: number };
}

describe("simulated backend: reward model", () => {
  let server: SimServer;
  before(async () => {
    server = await startSimulator({ tokensPerSecond: 0 });
  });
  after(() => server.close());

  const math = fixtureProblem("math_cot_100/5");
  const inputs = math.solutions.map((s) => chatMl(math.problem, s.text));
  const recordedScores = math.solutions.map((s) => s.reward);

  async function classify(body: Record<string, unknown>, path = "/classify"): Promise<ClassifyResponse> {
    const response = await postJson(`${server.rewardBaseUrl}${path}`, { model: server.rewardModel, ...body });
    assert.equal(response.status, 200);
    return (await response.json()) as ClassifyResponse;
  }

  it("returns the recorded RM scores raw with use_activation false, in vLLM's classify shape", async () => {
    const body = await classify({ input: inputs, use_activation: false });
    assert.match(body.id, /^classify-/);
    assert.deepEqual([body.object, body.model], ["list", server.rewardModel]);
    assert.deepEqual(
      body.data,
      recordedScores.map((score, index) => ({ index, label: "LABEL_0", probs: [score], num_classes: 1 })),
    );
    assert.equal(body.usage.completion_tokens, 0);
    assert.equal(body.usage.total_tokens, body.usage.prompt_tokens);
    assert.ok(body.usage.prompt_tokens > 0);
  });

  const activationCases: Array<[string, Record<string, unknown>, boolean]> = [
    ["no flag", {}, true],
    ["use_activation true", { use_activation: true }, true],
    ["use_activation false", { use_activation: false }, false],
    ["the older activation false", { activation: false }, false],
  ];
  for (const [name, flags, activated] of activationCases) {
    it(`applies the sigmoid with ${name}: ${activated}`, async () => {
      const body = await classify({ input: inputs.slice(0, 2), ...flags });
      const expected = recordedScores.slice(0, 2).map((s) => (activated ? sigmoid(s) : s));
      assert.deepEqual(
        body.data.map((d) => d.probs[0]),
        expected,
      );
    });
  }

  it("has no /v1/classify, as vLLM has none", async () => {
    const response = await postJson(`${server.rewardBaseUrl}/v1/classify`, { input: inputs.slice(0, 1) });
    assert.equal(response.status, 404);
  });

  for (const path of ["/pooling", "/v1/pooling"]) {
    it(`answers ${path} with the raw score per input`, async () => {
      const response = await postJson(`${server.rewardBaseUrl}${path}`, {
        model: server.rewardModel,
        input: inputs.slice(0, 3),
      });
      const body = (await response.json()) as {
        id: string;
        object: string;
        data: unknown[];
        usage: { prompt_tokens: number };
      };
      assert.match(body.id, /^pool-/);
      assert.equal(body.object, "list");
      assert.deepEqual(
        body.data,
        recordedScores.slice(0, 3).map((score, index) => ({ index, object: "pooling", data: [score] })),
      );
      assert.ok(body.usage.prompt_tokens > 0);
    });
  }

  it("finds the problem despite different spacing and $ signs, and scores a truncated solution like its full text", async () => {
    const respaced = ` ${math.problem.replace(/ /g, "  ").replace(/\$/g, "")}\n`;
    // Half of solution 6 is the opening of no other solution (all eight share their first ~150 characters).
    const full = math.solutions[6]?.text ?? "";
    const truncated = full.slice(0, Math.floor(full.length / 2));
    const body = await classify({
      input: [chatMl(respaced, math.solutions[2]?.text ?? ""), chatMl(math.problem, truncated)],
      use_activation: false,
    });
    assert.deepEqual(
      body.data.map((d) => d.probs[0]),
      [recordedScores[2], recordedScores[6]],
    );
  });

  it("gives GSM8K solutions their synthetic scores and unknown texts a stable hash score", async () => {
    const gsm = fixtureProblem("gsm8k/0");
    const unknownProblem =
      "Find the number of lattice points on the circle x^2 + y^2 = 2025 in the simulator test.";
    const body = await classify({
      input: [
        chatMl(gsm.problem, gsm.solutions[0]?.text ?? ""),
        chatMl(unknownProblem, "It is \\boxed{12}."),
      ],
      use_activation: false,
    });
    assert.deepEqual(
      body.data.map((d) => d.probs[0]),
      [gsm.solutions[0]?.reward, hashReward(unknownProblem, "It is \\boxed{12}.")],
    );
  });

  const rewardErrors: Array<[string, Record<string, unknown>, number]> = [
    ["an unknown model", { model: "nvidia/AceMath-72B-RM", input: ["x"] }, 404],
    ["no input", { model: "nvidia/AceMath-7B-RM" }, 400],
    ["an input over the context", { model: "nvidia/AceMath-7B-RM", input: ["w ".repeat(5000)] }, 400],
  ];
  for (const [name, body, status] of rewardErrors) {
    it(`answers ${name} with ${status}`, async () => {
      const response = await postJson(`${server.rewardBaseUrl}/classify`, body);
      assert.equal(response.status, status);
      const error = (await response.json()) as { error: { code: number } };
      assert.equal(error.error.code, status);
    });
  }
});

describe("simulated backend: two listeners like two vLLM processes", () => {
  let policy: SimServer;
  let reward: SimServer;
  before(async () => {
    policy = await startSimulator({ role: "policy" });
    reward = await startSimulator({ role: "reward" });
  });
  after(async () => {
    await policy.close();
    await reward.close();
  });

  it("lists only its own model on each listener", async () => {
    const ids = async (base: string) =>
      ((await (await fetch(`${base}/v1/models`)).json()) as { data: Array<{ id: string }> }).data.map(
        (m) => m.id,
      );
    assert.deepEqual(await ids(policy.url), [policy.policyModel]);
    assert.deepEqual(await ids(reward.url), [reward.rewardModel]);
  });

  it("refuses the reward model on the policy listener and the policy model on the reward listener", async () => {
    const onPolicy = await postJson(`${policy.rewardBaseUrl}/classify`, {
      model: policy.rewardModel,
      input: ["x"],
    });
    assert.equal(onPolicy.status, 404);
    const onReward = await postJson(`${reward.policyBaseUrl}/chat/completions`, {
      model: reward.policyModel,
      messages: [{ role: "user", content: "1+1" }],
    });
    assert.equal(onReward.status, 404);
  });
});
