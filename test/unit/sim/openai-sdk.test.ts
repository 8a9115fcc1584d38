// Proves that the official openai SDK can consume the simulated backend (a TEST FIXTURE).
import assert from "node:assert/strict";
import OpenAI from "openai";
import { startSimulator, type SimServer } from "../../sim/server";
import { SYSTEM_PROMPT, fixtureProblem } from "./helpers";

describe("simulated backend: through the openai SDK", () => {
  let server: SimServer;
  let client: OpenAI;
  before(async () => {
    server = await startSimulator({ tokensPerSecond: 0 });
    client = new OpenAI({ baseURL: server.policyBaseUrl, apiKey: "x", maxRetries: 0 });
  });
  after(() => server.close());
  afterEach(() => server.setFaults({}));

  const problem = fixtureProblem("math_cot_100/7");
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: problem.problem },
  ];

  it("streams n=4 choices that the SDK demultiplexes by index, with usage at the end", async () => {
    const stream = await client.chat.completions.create({
      model: server.policyModel,
      messages,
      n: 4,
      temperature: 0.7,
      top_p: 0.8,
      max_tokens: 2048,
      seed: 1234,
      stop: ["<|im_end|>", "<|endoftext|>"],
      stream: true,
      stream_options: { include_usage: true },
    });
    const texts = ["", "", "", ""];
    const finishes: Array<string | null> = [null, null, null, null];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        texts[choice.index] += choice.delta.content ?? "";
        if (choice.finish_reason) finishes[choice.index] = choice.finish_reason;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    assert.deepEqual(finishes, ["stop", "stop", "stop", "stop"]);
    const recorded = problem.solutions.map((s) => s.text);
    for (const text of texts) assert.ok(recorded.includes(text));
    assert.ok(
      usage &&
        usage.completion_tokens > 0 &&
        usage.total_tokens === usage.prompt_tokens + usage.completion_tokens,
    );
  });

  it("reads a non-streaming completion", async () => {
    const completion = await client.chat.completions.create({
      model: server.policyModel,
      messages,
      n: 2,
      temperature: 0,
      max_tokens: 12,
    });
    assert.deepEqual(
      completion.choices.map((c) => c.finish_reason),
      ["length", "length"],
    );
    assert.equal(completion.choices[0]?.message.content, completion.choices[1]?.message.content);
  });

  it("lists the models with the simulator's owner", async () => {
    const models = [];
    for await (const model of client.models.list()) models.push([model.id, model.owned_by]);
    assert.deepEqual(models, [
      [server.policyModel, "acemath-simulator"],
      [server.rewardModel, "acemath-simulator"],
    ]);
  });

  it("surfaces the 400 for an over-long prompt as an APIError with vLLM's message", async () => {
    const error = await client.chat.completions
      .create({ model: server.policyModel, messages: [{ role: "user", content: "x ".repeat(5000) }] })
      .catch((e: unknown) => e);
    assert.ok(error instanceof OpenAI.BadRequestError);
    assert.match(error.message, /maximum context length is 4096 tokens/);
  });

  it("lets the SDK's own retry get past one 429", async () => {
    server.setFaults({ status: 429, on: "chat", times: 1 });
    const retrying = new OpenAI({ baseURL: server.policyBaseUrl, apiKey: "x", maxRetries: 1 });
    const before = server.requests.length;
    const completion = await retrying.chat.completions.create({
      model: server.policyModel,
      messages,
      max_tokens: 4,
    });
    assert.equal(completion.choices.length, 1);
    assert.deepEqual(
      server.requests.slice(before).map((r) => r.status),
      [429, 200],
    );
  });

  it("stops the stream when the SDK's request is aborted", async () => {
    const slow = await startSimulator({ tokensPerSecond: 200 });
    try {
      const controller = new AbortController();
      const sdk = new OpenAI({ baseURL: slow.policyBaseUrl, apiKey: "x", maxRetries: 0 });
      const stream = await sdk.chat.completions.create(
        { model: slow.policyModel, messages, n: 4, temperature: 0.7, stream: true },
        { signal: controller.signal },
      );
      let chunks = 0;
      // The SDK ends the iteration quietly when its own signal aborts it.
      for await (const _chunk of stream) if (++chunks === 10) controller.abort();
      assert.ok(chunks < 20, `iterated ${chunks} chunks after aborting`);
      await slow.idle();
      const record = slow.requests[0];
      assert.ok(record?.aborted && record.eventsSent < record.eventsPlanned);
    } finally {
      await slow.close();
    }
  });
});
