import assert from "node:assert/strict";
import { BackendError } from "../../../src/core/backend/errors";
import {
  PRM_STEP_TAG,
  PrmRewardBackend,
  readStepProbabilities,
  renderPrmInput,
} from "../../../src/backends/http/prmReward";
import { DEFAULT_PRM_MODEL, PRM_SLIP_PROBABILITY } from "../../sim/prm";
import { startSimulator, type SimServer } from "../../sim/server";

const signal = new AbortController().signal;
const malformed = (why: string) => new BackendError("reward", "malformed", "http://x/pooling", why);
const SYSTEM = "Please reason step by step, and put your final answer within \\boxed{}.";

describe("process reward model client (vLLM /pooling with step tags)", function () {
  this.timeout(20000);
  let sim: SimServer | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("renders ChatML with the policy's system prompt and <extra_0> after every step", () => {
    const input = renderPrmInput("What is 2+3?", ["2 + 3 = 5.", "So \\boxed{5}."]);
    assert.equal(
      input,
      `<|im_start|>system\n${SYSTEM}<|im_end|>\n<|im_start|>user\nWhat is 2+3?<|im_end|>\n` +
        `<|im_start|>assistant\n2 + 3 = 5.<extra_0>So \\boxed{5}.<extra_0><|im_end|>\n`,
    );
  });

  it("a step tag written inside a step is removed, so the rows stay one per step", () => {
    const input = renderPrmInput("p", ["a<extra_0>b", "c"]);
    assert.equal(input.split(PRM_STEP_TAG).length - 1, 2);
    assert.match(input, /ab<extra_0>c<extra_0>/);
  });

  it("against the simulator: one POST /pooling, the model named, the second label read per step", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, prmModel: DEFAULT_PRM_MODEL });
    const client = new PrmRewardBackend({ baseUrl: `${sim.rewardBaseUrl}/v1`, apiKey: null });
    const steps = ["We need 17 \\times 4.", "17 \\times 4 = 78.", "So the answer is \\boxed{78}."];
    const probabilities = await client.scoreSteps("What is 17 times 4?", steps, signal);
    assert.equal(probabilities.length, 3);
    assert.equal(probabilities[1], PRM_SLIP_PROBABILITY, "the slip's row, second value");
    assert.ok((probabilities[0] ?? 0) > 0.7 && (probabilities[2] ?? 0) > 0.7);
    const pooling = sim.requests.filter((r) => r.path === "/pooling");
    assert.equal(pooling.length, 1);
    const body = pooling[0]?.body as { model?: string; input?: string[] };
    assert.equal(body.model, DEFAULT_PRM_MODEL, "the listed model named like a PRM, not the first listed");
    assert.deepEqual(body.input, [renderPrmInput("What is 17 times 4?", steps)]);
  });

  it("no steps: no request", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, prmModel: DEFAULT_PRM_MODEL });
    const client = new PrmRewardBackend({
      baseUrl: sim.rewardBaseUrl,
      apiKey: null,
      model: DEFAULT_PRM_MODEL,
    });
    assert.deepEqual(await client.scoreSteps("p", [], signal), []);
    assert.equal(sim.requests.length, 0);
  });

  it("reads probability pairs, softmaxes logits, and names STEP pooling when the row count is wrong", () => {
    const pairs = {
      data: [
        {
          index: 0,
          object: "pooling",
          data: [
            [0.25, 0.75],
            [0.9, 0.1],
          ],
        },
      ],
    };
    assert.deepEqual(readStepProbabilities(pairs, 2, malformed), [0.75, 0.1]);
    const logits = { data: [{ index: 0, data: [[0, Math.log(3)]] }] };
    assert.ok(Math.abs((readStepProbabilities(logits, 1, malformed)[0] ?? 0) - 0.75) < 1e-12);
    assert.throws(
      () =>
        readStepProbabilities(
          {
            data: [
              {
                data: [
                  [0.5, 0.5],
                  [0.5, 0.5],
                  [0.5, 0.5],
                ],
              },
            ],
          },
          2,
          malformed,
        ),
      /expected 2 rows .* STEP pooling/,
    );
    assert.throws(() => readStepProbabilities({}, 1, malformed), /no data array/);
  });
});
