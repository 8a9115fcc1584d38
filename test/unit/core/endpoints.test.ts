// One long-lived backend per endpoint, what it remembers, and the transport's small rules.
import assert from "node:assert/strict";
import { adviseOnBackendError } from "../../../src/core/backend/advice";
import { isLoopbackHost, plainHttpKeyWarning } from "../../../src/core/backend/keySafety";
import type { OpenAiPolicyBackend } from "../../../src/backends/http/openaiPolicy";
import { BackendRegistry } from "../../../src/backends/http/registry";
import { excerpt, parseRetryAfter } from "../../../src/backends/http/transport";
import { startSimulator, type SimServer } from "../../sim";
import { sendJson, startFakeServer } from "./fakeServer";
import { request, runSolve, solveChats } from "./solveHarness";

describe("backend registry: one long-lived backend per endpoint", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close());

  it("keeps the backend (and what it learnt) across solves; rebuilds on a new URL, key or timeouts", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, family: "ollama" });
    const registry = new BackendRegistry();
    const config = { baseUrl: sim.policyBaseUrl, apiKey: null };
    const first = registry.policy(config).backend as OpenAiPolicyBackend;
    assert.equal(registry.policy({ ...config }).backend, first, "same settings: same backend");
    await runSolve(request("What is 1+1?", { n: 3 }), { policy: first, reward: null });
    assert.equal(first.profile().n?.kind, "ignored");
    sim.requests.length = 0;
    await runSolve(request("What is 1+1?", { n: 3 }), {
      policy: registry.policy(config).backend,
      reward: null,
    });
    const probes =
      sim.requests.filter((r) => r.path === "/v1/chat/completions").length - solveChats(sim).length;
    assert.equal(probes, 0, "the second solve sends no probe");
    assert.notEqual(registry.policy({ ...config, apiKey: "k" }).backend, first, "a new key: a new backend");
    const rebuilt = registry.policy({ ...config, timeouts: { connectMs: 1, firstTokenMs: 1, idleMs: 1 } })
      .backend as OpenAiPolicyBackend;
    assert.equal(rebuilt.profile().n, null, "a rebuilt backend learns afresh");
    assert.equal(registry.reward(null), null);
  });

  it("forgets what it learnt after a failure, and probes again on the next solve", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const policy = new BackendRegistry().policy({ baseUrl: sim.policyBaseUrl, apiKey: null })
      .backend as OpenAiPolicyBackend;
    await runSolve(request("What is 1+1?", { n: 2 }), { policy, reward: null });
    assert.equal(policy.profile().n?.kind, "honoured");
    sim.setFaults({ status: 500, on: "chat", times: 1 });
    const failed = await runSolve(request("What is 1+1?", { n: 2 }), { policy, reward: null });
    assert.equal(failed.state.status, "failed");
    assert.equal(policy.profile().n, null);
    await runSolve(request("What is 1+1?", { n: 2 }), { policy, reward: null });
    assert.equal(policy.profile().n?.kind, "honoured");
  });
});

describe("transport rules", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    assert.equal(parseRetryAfter("5"), 5000);
    assert.equal(
      parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT")),
      10000,
    );
    assert.equal(parseRetryAfter(null), null);
    assert.equal(parseRetryAfter("soon"), null);
  });

  it("an HTML page becomes a short plain excerpt, without markup, scripts or control characters", () => {
    const page = `<html><head><style>p{}</style><script>alert(1)</script></head><body><h1>502 Bad Gateway</h1>\u001b[2J${"x".repeat(400)}</body></html>`;
    const text = excerpt(page);
    assert.match(text, /^502 Bad Gateway x+…$/);
    assert.ok(text.length <= 161);
    assert.equal(excerpt(""), "an empty body");
  });
});

describe("API keys", () => {
  it("warns before a key goes over plain http to another machine, never for loopback or https", () => {
    assert.match(plainHttpKeyWarning("http://gpu-box:8000/v1", "k")!, /plain http:\/\/ to gpu-box:8000/);
    for (const url of [
      "http://127.0.0.1:8000/v1",
      "http://localhost:8000",
      "http://[::1]:8000",
      "https://api.example.com/v1",
    ])
      assert.equal(plainHttpKeyWarning(url, "k"), null, url);
    assert.equal(plainHttpKeyWarning("http://gpu-box:8000/v1", null), null, "no key, nothing to leak");
    assert.ok(isLoopbackHost("127.1.2.3") && !isLoopbackHost("10.0.0.1"));
  });

  it("a key never appears in an error or its advice, even when the server echoes it back", async () => {
    const key = "sk-never-in-messages-123";
    const server = await startFakeServer((_req, res, raw) =>
      sendJson(res, 401, { error: { message: `Invalid header: ${raw.headers.authorization}` } }),
    );
    try {
      const policy = new BackendRegistry().policy({ baseUrl: `${server.url}/v1`, apiKey: key }).backend;
      const error = await policy.listModels(new AbortController().signal).catch((e: unknown) => e);
      const advice = adviseOnBackendError(error);
      assert.match(advice.message, /HTTP 401: Invalid header: Bearer \[API key\].*Set API Key/);
      assert.doesNotMatch(`${String(error)} ${JSON.stringify(error)} ${advice.message}`, /never-in-messages/);
    } finally {
      await server.close();
    }
  });
});
