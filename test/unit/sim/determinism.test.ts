// Tests that the simulated backend answers deterministically per seed (a TEST FIXTURE).
import assert from "node:assert/strict";
import { startSimulator, type SimServer } from "../../sim/server";
import { chatBody, fixtureProblem, postJson, streamChunks, textsByIndex } from "./helpers";

describe("simulated backend: determinism", () => {
  let server: SimServer;
  before(async () => {
    server = await startSimulator({ tokensPerSecond: 0 });
  });
  after(() => server.close());

  const problem = fixtureProblem("math_cot_100/40");

  /** The whole stream minus ids and timestamps, which are allowed to differ. */
  async function streamShape(problemText: string, extra: Record<string, unknown>): Promise<string[]> {
    const response = await postJson(
      `${server.policyBaseUrl}/chat/completions`,
      chatBody(problemText, { stream: true, ...extra }),
    );
    return streamChunks(await response.text()).map((c) => JSON.stringify(c.choices));
  }

  async function texts(problemText: string, extra: Record<string, unknown>): Promise<string[]> {
    const response = await postJson(
      `${server.policyBaseUrl}/chat/completions`,
      chatBody(problemText, { stream: true, ...extra }),
    );
    return [...textsByIndex(streamChunks(await response.text())).entries()]
      .sort(([a], [b]) => a - b)
      .map(([, text]) => text);
  }

  it("repeats the same stream, interleaving included, for the same seed", async () => {
    const request = { n: 4, temperature: 0.7, seed: 77 };
    assert.deepEqual(
      await streamShape(problem.problem, request),
      await streamShape(problem.problem, request),
    );
  });

  it("picks different solutions for different seeds", async () => {
    const firstChoices = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6])
      firstChoices.add((await texts(problem.problem, { n: 1, temperature: 0.7, seed }))[0] ?? "");
    assert.ok(firstChoices.size > 1);
  });

  it("gives every choice the first (greedy) solution at temperature 0, whatever the seed", async () => {
    for (const seed of [1, 99]) {
      assert.deepEqual(
        await texts(problem.problem, { n: 3, temperature: 0, seed }),
        Array(3).fill(problem.solutions[0]?.text),
      );
    }
  });

  it("cycles through the recorded solutions when n exceeds them", async () => {
    const gsm = fixtureProblem("gsm8k/3");
    const got = await texts(gsm.problem, { n: 10, temperature: 1, seed: 8 });
    const recorded = gsm.solutions.map((s) => s.text).sort();
    assert.deepEqual(got.slice(0, 4).sort(), recorded);
    assert.deepEqual(got.slice(4, 8).sort(), recorded);
    assert.ok(got.slice(8).every((text) => recorded.includes(text)));
  });

  it("serves clearly simulated, boxed, seed-stable placeholders for an unknown problem", async () => {
    const unknown = "A simulator-only problem: how many widgets fit in a box of volume 12?";
    const first = await texts(unknown, { n: 2, temperature: 0.7, seed: 5 });
    assert.deepEqual(await texts(unknown, { n: 2, temperature: 0.7, seed: 5 }), first);
    for (const text of first) {
      assert.match(text, /^\(Simulated backend: this problem is not in the test fixture/);
      assert.match(text, /\\boxed\{\d+\}/);
    }
  });
});
