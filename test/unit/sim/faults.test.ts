// Tests of the simulated backend's injected faults (a TEST FIXTURE).
import assert from "node:assert/strict";
import { startSimulator, type SimEndpoint, type SimServer } from "../../sim/server";
import { chatBody, chatMl, fixtureProblem, postJson, ssePayloads } from "./helpers";

describe("simulated backend: faults", () => {
  let server: SimServer;
  before(async () => {
    server = await startSimulator({ tokensPerSecond: 0 });
  });
  after(() => server.close());
  afterEach(async () => {
    server.setFaults({});
    await server.idle();
  });

  const problem = fixtureProblem("math_cot_100/0");
  const requestFor: Record<SimEndpoint, () => Promise<Response>> = {
    chat: () =>
      postJson(`${server.policyBaseUrl}/chat/completions`, chatBody(problem.problem, { max_tokens: 5 })),
    classify: () =>
      postJson(`${server.rewardBaseUrl}/classify`, {
        model: server.rewardModel,
        input: [chatMl(problem.problem, "x")],
      }),
    models: () => fetch(`${server.policyBaseUrl}/models`),
  };

  const statusCases: Array<[500 | 429 | 503, SimEndpoint, string]> = [
    [500, "chat", "InternalServerError"],
    [429, "chat", "RateLimitError"],
    [503, "chat", "ServiceUnavailableError"],
    [500, "classify", "InternalServerError"],
    [429, "classify", "RateLimitError"],
    [503, "models", "ServiceUnavailableError"],
  ];
  for (const [status, on, type] of statusCases) {
    it(`answers ${on} with ${status} and a vLLM error body, and leaves other endpoints alone`, async () => {
      server.setFaults({ status, on });
      const failed = await requestFor[on]();
      assert.equal(failed.status, status);
      const body = (await failed.json()) as { error: { message: string; type: string; code: number } };
      assert.deepEqual([body.error.type, body.error.code], [type, status]);
      assert.match(body.error.message, /Simulated fault/);
      const other = on === "models" ? "chat" : "models";
      assert.equal((await requestFor[other]()).status, 200);
    });
  }

  it("fails only the first `times` requests, then recovers", async () => {
    server.setFaults({ status: 429, on: "chat", times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await requestFor.chat()).status);
    assert.deepEqual(statuses, [429, 429, 200]);
  });

  it("hangs until the client aborts, and records the abort", async () => {
    server.setFaults({ hang: true, on: "classify" });
    const started = Date.now();
    await assert.rejects(
      postJson(`${server.rewardBaseUrl}/classify`, { input: ["x"] }, { signal: AbortSignal.timeout(150) }),
      /timeout|aborted/i,
    );
    assert.ok(Date.now() - started >= 140);
    await server.idle();
    const record = server.requests[server.requests.length - 1];
    assert.deepEqual(
      [record?.path, record?.aborted, record?.status, record?.completed],
      ["/classify", true, undefined, false],
    );
  });

  it("drops the connection mid-stream after K events", async () => {
    server.setFaults({ dropAfterEvents: 6 });
    const response = await postJson(
      `${server.policyBaseUrl}/chat/completions`,
      chatBody(problem.problem, { stream: true, n: 2, temperature: 0.7 }),
    );
    assert.equal(response.status, 200);
    await assert.rejects(response.text(), /terminated|socket|closed/i);
    await server.idle();
    const record = server.requests[server.requests.length - 1];
    assert.deepEqual([record?.dropped, record?.aborted, record?.eventsSent], [true, false, 6]);
  });

  it("sends one malformed event after K events and then carries on to [DONE]", async () => {
    server.setFaults({ malformedAfterEvents: 3 });
    const response = await postJson(
      `${server.policyBaseUrl}/chat/completions`,
      chatBody(problem.problem, { stream: true, max_tokens: 10 }),
    );
    const payloads = ssePayloads(await response.text());
    const broken = payloads.filter((p) => {
      if (p === "[DONE]") return false;
      try {
        JSON.parse(p);
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(broken.length, 1);
    assert.equal(payloads.indexOf(broken[0] as string), 3);
    assert.equal(payloads[payloads.length - 1], "[DONE]");
  });

  it("takes the reward endpoints down with 404 while chat keeps working", async () => {
    server.setFaults({ rewardDown: true });
    for (const path of ["/classify", "/pooling", "/v1/classify"]) {
      const response = await postJson(`${server.rewardBaseUrl}${path}`, { input: ["x"] });
      assert.equal(response.status, 404, path);
    }
    assert.equal((await requestFor.chat()).status, 200);
  });

  it("closes the reward socket without an answer with rewardDown close", async () => {
    server.setFaults({ rewardDown: "close" });
    await assert.rejects(requestFor.classify(), /fetch failed/);
  });

  it("serves the first `after` matching requests normally, then applies the fault", async () => {
    server.setFaults({ status: 500, on: "models", after: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await requestFor.models()).status);
    assert.deepEqual(statuses, [200, 200, 500, 500]);
    assert.equal((await requestFor.chat()).status, 200, "other endpoints are neither counted nor faulted");
  });

  it("takes the reward server down after `after` scorings (down mid-solve)", async () => {
    server.setFaults({ rewardDown: "close", after: 1 });
    assert.equal((await requestFor.classify()).status, 200);
    await assert.rejects(requestFor.classify(), /fetch failed/);
  });
});
