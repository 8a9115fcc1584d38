// Tests that the simulated backend records requests and notices cancelled streams (a TEST FIXTURE).
import assert from "node:assert/strict";
import { startSimulator, type SimServer } from "../../sim/server";
import { chatBody, fixtureProblem, postJson, waitUntil } from "./helpers";

describe("simulated backend: request recording and abort detection", () => {
  let server: SimServer;
  before(async () => {
    // Slow enough that a stream of 8 solutions lasts seconds, so the client can leave in the middle.
    server = await startSimulator({ tokensPerSecond: 100, firstTokenMs: 20 });
  });
  after(() => server.close());

  const problem = fixtureProblem("math_cot_100/12");

  it("records method, path and parsed body of each request, and completion", async () => {
    const before = server.requests.length;
    await (await fetch(`${server.policyBaseUrl}/models`)).text();
    const body = chatBody(problem.problem, { max_tokens: 3, seed: 4 });
    await (await postJson(`${server.policyBaseUrl}/chat/completions`, body)).text();
    await server.idle();
    const [models, chat] = server.requests.slice(before);
    assert.deepEqual(
      [models?.method, models?.path, models?.body, models?.status, models?.completed],
      ["GET", "/v1/models", undefined, 200, true],
    );
    assert.deepEqual(
      [chat?.method, chat?.path, chat?.body, chat?.status, chat?.aborted],
      ["POST", "/v1/chat/completions", body, 200, false],
    );
  });

  it("stops generating once the client aborts a stream, and records aborted: true", async () => {
    const controller = new AbortController();
    const response = await postJson(
      `${server.policyBaseUrl}/chat/completions`,
      chatBody(problem.problem, { stream: true, n: 8, temperature: 0.7 }),
      { signal: controller.signal },
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = "";
    while ((received.match(/\n\n/g) ?? []).length < 20)
      received += new TextDecoder().decode((await reader.read()).value);
    const record = server.requests[server.requests.length - 1];
    assert.ok(record && !record.aborted && record.eventsSent >= 20);
    controller.abort();
    await waitUntil(() => record.aborted);
    await server.idle();
    const sentWhenNoticed = record.eventsSent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(record.eventsSent, sentWhenNoticed, "the simulator kept generating after the client left");
    assert.ok(
      record.eventsSent < record.eventsPlanned / 4,
      `${record.eventsSent} of ${record.eventsPlanned} events sent`,
    );
    assert.deepEqual([record.completed, record.dropped], [false, false]);
  });

  it("notices a client that gives up on a non-streaming request while it is being generated", async () => {
    await assert.rejects(
      postJson(
        `${server.policyBaseUrl}/chat/completions`,
        chatBody(problem.problem, { n: 4, temperature: 0.7 }),
        {
          signal: AbortSignal.timeout(100),
        },
      ),
    );
    await server.idle();
    const record = server.requests[server.requests.length - 1];
    assert.deepEqual([record?.aborted, record?.status], [true, undefined]);
  });

  it("paces tokens: never faster than tokensPerSecond", async () => {
    const started = Date.now();
    await (
      await postJson(
        `${server.policyBaseUrl}/chat/completions`,
        chatBody(problem.problem, { stream: true, max_tokens: 20 }),
      )
    ).text();
    const elapsed = Date.now() - started;
    // 20 tokens at 100/s plus 20 ms to the first: at least 200 ms. No upper bound: CI machines are slow at times.
    assert.ok(elapsed >= 200, `took ${elapsed} ms`);
  });
});
