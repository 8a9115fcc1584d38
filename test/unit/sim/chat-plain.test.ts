// Tests of the simulated backend's non-streaming chat completions, model list and 4xx errors (a TEST FIXTURE).
import assert from "node:assert/strict";
import { MAX_MODEL_LEN, SIMULATOR_OWNER, startSimulator, type SimServer } from "../../sim/server";
import { renderChatMl, type ChatMessage } from "../../sim/chatml";
import { countTokens } from "../../sim/tokens";
import { chatBody, fixtureProblem, postJson } from "./helpers";

describe("simulated backend: non-streaming chat, models and errors", () => {
  let server: SimServer;
  before(async () => {
    server = await startSimulator({ tokensPerSecond: 0 });
  });
  after(() => server.close());

  const problem = fixtureProblem("gsm8k/1");
  const chatUrl = () => `${server.policyBaseUrl}/chat/completions`;

  it("lists both models with owned_by acemath-simulator and max_model_len", async () => {
    const body = (await (await fetch(`${server.policyBaseUrl}/models`)).json()) as {
      object: string;
      data: Array<Record<string, unknown>>;
    };
    assert.equal(body.object, "list");
    assert.deepEqual(
      body.data.map(({ id, object, owned_by, root, max_model_len }) => ({
        id,
        object,
        owned_by,
        root,
        max_model_len,
      })),
      [server.policyModel, server.rewardModel].map((id) => ({
        id,
        object: "model",
        owned_by: SIMULATOR_OWNER,
        root: id,
        max_model_len: MAX_MODEL_LEN,
      })),
    );
    assert.equal(typeof body.data[0]?.created, "number");
  });

  it("answers a non-streaming request with n choices, finish reasons and usage", async () => {
    const response = await postJson(
      chatUrl(),
      chatBody(problem.problem, { n: 3, temperature: 0.7, seed: 9 }),
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      id: string;
      object: string;
      model: string;
      choices: Array<{ index: number; message: { role: string; content: string }; finish_reason: string }>;
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    };
    assert.match(body.id, /^chatcmpl-/);
    assert.deepEqual([body.object, body.model], ["chat.completion", server.policyModel]);
    assert.deepEqual(
      body.choices.map((c) => [c.index, c.message.role, c.finish_reason]),
      [0, 1, 2].map((i) => [i, "assistant", "stop"]),
    );
    const recorded = problem.solutions.map((s) => s.text);
    for (const c of body.choices) assert.ok(recorded.includes(c.message.content));
    assert.equal(body.usage.total_tokens, body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  const badRequests: Array<[string, Record<string, unknown>, number, RegExp]> = [
    ["no messages", { model: "nvidia/AceMath-7B-Instruct" }, 400, /messages/],
    ["empty messages", { messages: [] }, 400, /messages/],
    ["n of 0", { ...chatBody("1+1?"), n: 0 }, 400, /\bn\b/],
    ["negative temperature", { ...chatBody("1+1?"), temperature: -1 }, 400, /temperature/],
    [
      "an over-long prompt",
      chatBody("word ".repeat(MAX_MODEL_LEN)),
      400,
      /maximum context length is 4096 tokens/,
    ],
    [
      "prompt plus max_tokens over the context",
      { ...chatBody("word ".repeat(3000)), max_tokens: 2048 },
      400,
      /maximum context length/,
    ],
    // vLLM answers an unknown model with 404 NotFoundError, not 400.
    ["an unknown model", { ...chatBody("1+1?"), model: "gpt-4" }, 404, /The model `gpt-4` does not exist/],
  ];
  for (const [name, body, status, message] of badRequests) {
    it(`answers ${name} with ${status} in vLLM's error shape`, async () => {
      const response = await postJson(chatUrl(), body);
      assert.equal(response.status, status);
      const error = (await response.json()) as {
        error: { message: string; type: string; param: unknown; code: number };
      };
      assert.deepEqual(Object.keys(error.error).sort(), ["code", "message", "param", "type"]);
      assert.equal(error.error.code, status);
      assert.equal(error.error.type, status === 400 ? "BadRequestError" : "NotFoundError");
      assert.match(error.error.message, message);
    });
  }

  it("accepts prompt plus max_tokens of exactly the context, and refuses one more", async () => {
    const body = chatBody("What is 2+2?");
    const promptTokens = countTokens(
      renderChatMl(body.messages as ChatMessage[], { addGenerationPrompt: true }),
    );
    const exact = await postJson(chatUrl(), { ...body, max_tokens: MAX_MODEL_LEN - promptTokens });
    assert.equal(exact.status, 200);
    const over = await postJson(chatUrl(), { ...body, max_tokens: MAX_MODEL_LEN - promptTokens + 1 });
    assert.equal(over.status, 400);
  });

  it("answers unknown paths like FastAPI does", async () => {
    const response = await fetch(`${server.url}/v1/completions/nope`);
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { detail: "Not Found" });
  });
});
