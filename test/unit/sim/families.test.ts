// Tests of the simulated backend's server-family modes and the faults added for the fault matrix (a TEST FIXTURE).
import assert from "node:assert/strict";
import { startSimulator, type SimServer } from "../../sim/server";
import { chatBody, chatMl, fixtureProblem, postJson } from "./helpers";

const problem = fixtureProblem("math_cot_100/0");

describe("simulated backend: server families", () => {
  let server: SimServer;
  afterEach(() => server?.close());

  const chat = (n: number) =>
    postJson(`${server.policyBaseUrl}/chat/completions`, chatBody(problem.problem, { n, max_tokens: 3 }));

  it("vllm: honours n, lists max_model_len, counts tokens at /tokenize", async () => {
    server = await startSimulator({ tokensPerSecond: 0 });
    const body = (await (await chat(3)).json()) as { choices: unknown[] };
    assert.equal(body.choices.length, 3);
    const models = (await (await fetch(`${server.policyBaseUrl}/models`)).json()) as {
      data: { max_model_len?: number }[];
    };
    assert.equal(models.data[0]?.max_model_len, 4096);
    const counted = (await (
      await postJson(`${server.url}/tokenize`, {
        model: server.policyModel,
        messages: [{ role: "user", content: "one two three" }],
        add_generation_prompt: true,
      })
    ).json()) as { count: number; max_model_len: number };
    assert.ok(counted.count >= 3);
    assert.equal(counted.max_model_len, 4096);
  });

  it("llamacpp-old: HTTP 400 'Only one completion choice is allowed' for n > 1, n = 1 served", async () => {
    server = await startSimulator({ tokensPerSecond: 0, family: "llamacpp-old" });
    const refused = await chat(2);
    assert.equal(refused.status, 400);
    assert.match(
      ((await refused.json()) as { error: { message: string } }).error.message,
      /Only one completion choice/,
    );
    assert.equal((await chat(1)).status, 200);
    assert.equal((await postJson(`${server.rewardBaseUrl}/classify`, { input: ["x"] })).status, 404);
  });

  it("llamacpp-new: n up to the slot count, 400 above", async () => {
    server = await startSimulator({ tokensPerSecond: 0, family: "llamacpp-new", slots: 2 });
    assert.equal(((await (await chat(2)).json()) as { choices: unknown[] }).choices.length, 2);
    const refused = await chat(3);
    assert.equal(refused.status, 400);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /at most 2/);
  });

  it("ollama: ignores n (one choice), no max_model_len, no reward endpoint, no /tokenize", async () => {
    server = await startSimulator({ tokensPerSecond: 0, family: "ollama" });
    assert.equal(((await (await chat(4)).json()) as { choices: unknown[] }).choices.length, 1);
    const models = (await (await fetch(`${server.policyBaseUrl}/models`)).json()) as { data: object[] };
    assert.ok(models.data.every((m) => !("max_model_len" in m)));
    assert.equal((await postJson(`${server.url}/tokenize`, { prompt: "x" })).status, 404);
    assert.equal((await postJson(`${server.rewardBaseUrl}/pooling`, { input: ["x"] })).status, 404);
  });

  it("sglang: native /classify takes `text` (raw embedding[0]); /v1/classify applies softmax (1.0)", async () => {
    server = await startSimulator({ tokensPerSecond: 0, family: "sglang" });
    const input = [chatMl(problem.problem, problem.solutions[0]!.text)];
    const native = await postJson(`${server.rewardBaseUrl}/classify`, {
      model: server.rewardModel,
      text: input,
    });
    const list = (await native.json()) as { embedding: number[] }[];
    assert.equal(list[0]?.embedding[0], problem.solutions[0]!.reward);
    const missing = await postJson(`${server.rewardBaseUrl}/classify`, { model: server.rewardModel, input });
    assert.equal(missing.status, 400);
    assert.match(
      ((await missing.json()) as { error: { message: string } }).error.message,
      /Field required: text/,
    );
    const openai = await postJson(`${server.rewardBaseUrl}/v1/classify`, {
      model: server.rewardModel,
      input,
    });
    assert.deepEqual(((await openai.json()) as { data: { probs: number[] }[] }).data[0]?.probs, [1]);
  });

  it("a reward server that ignores use_activation returns sigmoid either way", async () => {
    server = await startSimulator({ tokensPerSecond: 0, rewardActivation: "ignored" });
    const input = [chatMl(problem.problem, problem.solutions[0]!.text)];
    const probs = await Promise.all(
      [true, false].map(async (flag) => {
        const r = await postJson(`${server.rewardBaseUrl}/classify`, { input, use_activation: flag });
        return ((await r.json()) as { data: { probs: number[] }[] }).data[0]!.probs[0];
      }),
    );
    assert.equal(probs[0], probs[1]);
    assert.ok(probs[0]! > 0 && probs[0]! < 1);
  });

  it("rewardContextLength: inputs over it get vLLM's context-length 400", async () => {
    server = await startSimulator({ tokensPerSecond: 0, rewardContextLength: 50 });
    const r = await postJson(`${server.rewardBaseUrl}/classify`, {
      input: [chatMl(problem.problem, problem.solutions[0]!.text)],
    });
    assert.equal(r.status, 400);
    assert.match(
      ((await r.json()) as { error: { message: string } }).error.message,
      /maximum context length is 50 tokens/,
    );
  });
});

describe("simulated backend: fault-matrix faults", () => {
  let server: SimServer;
  afterEach(async () => {
    server.setFaults({});
    await server.close();
  });

  it("Retry-After on a 429, and an HTML error page", async () => {
    server = await startSimulator({
      tokensPerSecond: 0,
      faults: { status: 429, retryAfter: 7, htmlError: true },
    });
    const r = await postJson(`${server.policyBaseUrl}/chat/completions`, chatBody(problem.problem));
    assert.equal(r.status, 429);
    assert.equal(r.headers.get("retry-after"), "7");
    assert.match(r.headers.get("content-type") ?? "", /text\/html/);
    assert.match(await r.text(), /^<!DOCTYPE html>/);
  });

  it("stall: stops sending after K events and keeps the socket open until the client leaves", async () => {
    server = await startSimulator({ tokensPerSecond: 0, faults: { stallAfterEvents: 3 } });
    const controller = new AbortController();
    const r = await postJson(
      `${server.policyBaseUrl}/chat/completions`,
      chatBody(problem.problem, { stream: true, n: 2 }),
      { signal: controller.signal },
    );
    const reader = r.body!.getReader();
    let text = "";
    while ((text.match(/\n\n/g) ?? []).length < 3)
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await server.idle();
    const record = server.requests.at(-1)!;
    assert.deepEqual([record.eventsSent, record.aborted, record.completed], [3, true, false]);
  });
});
