import * as assert from "node:assert/strict";
import { BackendError } from "../../../src/core/backend/errors";
import { FallbackPolicyBackend } from "../../../src/core/backend/fallbackPolicy";
import type { ChoiceChunk, ModelInfo, PolicyBackend } from "../../../src/core/backend/ports";

function backend(
  name: string,
  behaviour: { listing?: () => ModelInfo[] },
): PolicyBackend & { calls: string[] } {
  const calls: string[] = [];
  return {
    baseUrl: name,
    calls,
    async listModels() {
      calls.push("list");
      return (behaviour.listing ?? (() => [{ id: name, ownedBy: null, maxModelLen: null }]))();
    },
    async *generate(): AsyncIterable<ChoiceChunk> {
      calls.push("generate");
      yield { index: 0, content: name, finishReason: "stop" };
    },
  };
}

const refused = () => {
  throw new BackendError("policy", "unreachable", "http://127.0.0.1:8000/v1/models", "connection refused");
};

async function texts(policy: PolicyBackend): Promise<string[]> {
  const out: string[] = [];
  const request = { model: "m", problem: "p", n: 1, temperature: 0, topP: 1, maxTokens: 4, seed: 1 };
  for await (const chunk of policy.generate(request, new AbortController().signal)) out.push(chunk.content);
  return out;
}

describe("fallback policy: the configured server first, the embedded engine when none answers", () => {
  const signal = new AbortController().signal;

  it("uses the server when it answers, and never asks for the fallback", async () => {
    const server = backend("server", {});
    let asked = 0;
    const policy = new FallbackPolicyBackend({ primary: server, fallback: async () => (asked++, null) });
    await policy.listModels(signal);
    assert.deepEqual(await texts(policy), ["server"]);
    assert.equal(asked, 0);
    assert.equal(policy.baseUrl, "server");
  });

  it("switches one solve to the fallback when nothing listens, and tries the server again next time", async () => {
    let up = false;
    const server = backend("server", {
      listing: () => (up ? [{ id: "s", ownedBy: null, maxModelLen: null }] : refused()),
    });
    const engine = backend("embedded:/m.gguf", {});
    const policy = new FallbackPolicyBackend({ primary: server, fallback: async () => engine });
    assert.deepEqual(await policy.listModels(signal), [
      { id: "embedded:/m.gguf", ownedBy: null, maxModelLen: null },
    ]);
    assert.equal(policy.baseUrl, "embedded:/m.gguf");
    assert.deepEqual(await texts(policy), ["embedded:/m.gguf"]);
    up = true;
    await policy.listModels(signal);
    assert.deepEqual(await texts(policy), ["server"]);
  });

  it("keeps the server's error when the fallback is off or declined, and for other failures", async () => {
    const server = backend("server", { listing: refused });
    const declined = new FallbackPolicyBackend({ primary: server, fallback: async () => null });
    await assert.rejects(declined.listModels(signal), /connection refused/);
    let asked = 0;
    const httpError = backend("server", {
      listing: () => {
        throw new BackendError("policy", "http", "http://x/v1/models", "unauthorised", 401);
      },
    });
    const notUnreachable = new FallbackPolicyBackend({
      primary: httpError,
      fallback: async () => (asked++, backend("e", {})),
    });
    await assert.rejects(notUnreachable.listModels(signal), /unauthorised/);
    assert.equal(asked, 0);
  });
});
