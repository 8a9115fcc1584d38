// Wire-format tests of the simulated backend's streaming chat completions (a TEST FIXTURE).
import assert from "node:assert/strict";
import { startSimulator, type SimServer } from "../../sim/server";
import {
  chatBody,
  fixtureProblem,
  postJson,
  ssePayloads,
  streamChunks,
  textsByIndex,
  type StreamChunk,
} from "./helpers";

describe("simulated backend: streaming chat completions", () => {
  let server: SimServer;
  before(async () => {
    server = await startSimulator({ tokensPerSecond: 0 });
  });
  after(() => server.close());

  const problem = fixtureProblem("math_cot_100/5");

  async function stream(
    extra: Record<string, unknown>,
  ): Promise<{ response: Response; body: string; chunks: StreamChunk[] }> {
    const response = await postJson(
      `${server.policyBaseUrl}/chat/completions`,
      chatBody(problem.problem, { stream: true, ...extra }),
    );
    const body = await response.text();
    return { response, body, chunks: streamChunks(body) };
  }

  it("frames every event as one `data: <json>` line and ends with data: [DONE]", async () => {
    const { response, body } = await stream({ n: 2, temperature: 0.7, seed: 1 });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
    assert.ok(body.endsWith("data: [DONE]\n\n"));
    for (const payload of ssePayloads(body).slice(0, -1)) assert.doesNotThrow(() => JSON.parse(payload));
  });

  it("sends one role chunk per choice first, then one choice per event", async () => {
    const n = 4;
    const { chunks } = await stream({ n, temperature: 0.7, seed: 3 });
    const roles = chunks.slice(0, n);
    assert.deepEqual(
      roles.map((c) => c.choices),
      [0, 1, 2, 3].map((index) => [
        { index, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null },
      ]),
    );
    for (const chunk of chunks.slice(n)) {
      assert.equal(chunk.choices.length, 1);
      assert.equal(chunk.choices[0]?.delta.role, undefined);
    }
  });

  it("gives every chunk the same id, object, created and model", async () => {
    const { chunks } = await stream({ n: 2, temperature: 0.7 });
    const first = chunks[0] as StreamChunk;
    assert.match(first.id, /^chatcmpl-/);
    for (const chunk of chunks) {
      assert.deepEqual(
        [chunk.id, chunk.object, chunk.created, chunk.model],
        [first.id, "chat.completion.chunk", first.created, server.policyModel],
      );
    }
  });

  it("interleaves choices out of index order for n > 1", async () => {
    const { chunks } = await stream({ n: 4, temperature: 0.7, seed: 11 });
    const order = chunks.slice(4).map((c) => c.choices[0]?.index);
    const sorted = [...order].sort((a, b) => (a ?? 0) - (b ?? 0));
    assert.notDeepEqual(order, sorted);
    // Round-robin in index order (0,1,2,3,0,1,…) would let a client get away with assuming order.
    const roundRobin = order.map((_, i) => i % 4);
    assert.notDeepEqual(order.slice(0, 40), roundRobin.slice(0, 40));
  });

  it("ends each choice with exactly one finish chunk, after which it sends nothing more", async () => {
    const { chunks } = await stream({ n: 8, temperature: 0.7, seed: 5 });
    const finished = new Set<number>();
    for (const chunk of chunks) {
      for (const c of chunk.choices) {
        assert.ok(!finished.has(c.index), `choice ${c.index} continued after its finish chunk`);
        if (c.finish_reason !== null) {
          assert.equal(c.finish_reason, "stop");
          finished.add(c.index);
        }
      }
    }
    assert.equal(finished.size, 8);
  });

  it("streams real recorded solutions, each choice a different one when n ≤ 8", async () => {
    const { chunks } = await stream({ n: 8, temperature: 0.7, seed: 2 });
    const texts = [...textsByIndex(chunks).values()];
    const recorded = problem.solutions.map((s) => s.text);
    assert.deepEqual([...texts].sort(), [...recorded].sort());
  });

  it("cuts at max_tokens with finish_reason length", async () => {
    const { chunks } = await stream({ n: 2, temperature: 0.7, max_tokens: 5 });
    const finishes = chunks.flatMap((c) => c.choices).filter((c) => c.finish_reason !== null);
    assert.deepEqual(
      finishes.map((c) => c.finish_reason),
      ["length", "length"],
    );
    for (const text of textsByIndex(chunks).values()) assert.equal(text.trim().split(/\s+/).length, 5);
  });

  it("cuts at a stop string with finish_reason stop and the string as stop_reason", async () => {
    const { chunks } = await stream({ n: 1, temperature: 0, stop: ["Therefore"] });
    const text = textsByIndex(chunks).get(0) ?? "";
    assert.ok(problem.solutions[0]?.text.startsWith(text));
    assert.ok(!text.includes("Therefore"));
    const finish = chunks.flatMap((c) => c.choices).find((c) => c.finish_reason !== null);
    assert.deepEqual([finish?.finish_reason, finish?.stop_reason], ["stop", "Therefore"]);
  });

  it("adds a last chunk with no choices and summed usage when include_usage is set, then [DONE]", async () => {
    const { chunks } = await stream({
      n: 3,
      temperature: 0.7,
      max_tokens: 7,
      stream_options: { include_usage: true },
    });
    const last = chunks[chunks.length - 1] as StreamChunk;
    assert.deepEqual(last.choices, []);
    assert.equal(last.usage?.completion_tokens, 21);
    assert.equal(last.usage?.total_tokens, (last.usage?.prompt_tokens ?? 0) + 21);
    assert.ok(chunks.slice(0, -1).every((c) => c.usage === undefined));
  });

  it("sends no usage chunk without include_usage", async () => {
    const { chunks } = await stream({ n: 2, temperature: 0.7, max_tokens: 3 });
    assert.ok(chunks.every((c) => c.choices.length === 1 && c.usage === undefined));
  });
});
