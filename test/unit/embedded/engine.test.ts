import * as assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedPolicyBackend } from "../../../src/backends/embedded/embeddedPolicy";
import type { ChoiceChunk, GenerationRequest } from "../../../src/core/backend/ports";
import { buildPolicyMessages, renderChatMl } from "../../../src/core/prompts";
import { writeTinyModel } from "../../support/gguf/tinyModel";

const CONTROL = /<\|im_start\|>|<\|im_end\|>|<\|endoftext\|>/g;

/** The tiny model's vocabulary is one token per byte plus one per control token. */
function byteLevelTokenCount(text: string): number {
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls + Buffer.byteLength(text.replace(CONTROL, ""), "utf8");
}

function request(overrides: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    model: "tiny.gguf",
    problem: "What is $1+1$?",
    n: 4,
    temperature: 1,
    topP: 1,
    maxTokens: 24,
    seed: 7,
    ...overrides,
  };
}

async function collect(stream: AsyncIterable<ChoiceChunk>, onChunk?: (c: ChoiceChunk) => void) {
  const chunks: ChoiceChunk[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
    onChunk?.(chunk);
  }
  return chunks;
}

describe("embedded engine: a real GGUF model in llama.cpp", function () {
  this.timeout(120000);
  let dir: string;
  let engine: EmbeddedPolicyBackend;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "acemath-gguf-"));
    const path = join(dir, "tiny.gguf");
    writeTinyModel(path);
    engine = new EmbeddedPolicyBackend({ modelPath: path, threads: 1 });
  });

  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists the model file as the one model, owned by the embedded engine", async () => {
    const models = await engine.listModels();
    assert.deepEqual(models, [{ id: "tiny.gguf", ownedBy: "embedded", maxModelLen: 512 }]);
  });

  it("builds the prompt with the model's chat template and the AceMath system prompt", async () => {
    const problem = "Compute $2^{10}$.";
    const expected = renderChatMl(buildPolicyMessages(problem)) + "<|im_start|>assistant\n";
    const counted = await engine.countPromptTokens("tiny.gguf", problem);
    assert.equal(counted.exact, true);
    assert.equal(counted.count, byteLevelTokenCount(expected));
  });

  it("streams N candidates decoded in parallel, each ending once within max tokens", async () => {
    const chunks = await collect(engine.generate(request(), new AbortController().signal));
    const indices = [...new Set(chunks.map((c) => c.index))].sort();
    assert.deepEqual(indices, [0, 1, 2, 3]);
    for (const index of indices) {
      const own = chunks.filter((c) => c.index === index);
      const finals = own.filter((c) => c.finishReason !== null);
      assert.equal(finals.length, 1, `candidate ${index} ends once`);
      assert.equal(own.at(-1), finals[0], `candidate ${index}'s last chunk carries the finish`);
      assert.ok(own.length - 1 <= 24, `candidate ${index}: at most one chunk per token`);
      const logprob = finals[0]?.meanLogprob;
      if (finals[0]?.finishReason === "length") {
        assert.ok(typeof logprob === "number" && Number.isFinite(logprob) && logprob <= 0);
      }
    }
    // Parallel, not one after another: candidate 3 starts before candidate 0 has finished.
    const firstOf3 = chunks.findIndex((c) => c.index === 3);
    const lastOf0 = chunks.map((c) => c.index).lastIndexOf(0);
    assert.ok(
      firstOf3 < lastOf0,
      `interleaved streams (first of #3 at ${firstOf3}, last of #0 at ${lastOf0})`,
    );
  });

  it("honours max tokens exactly when the model does not stop by itself", async () => {
    const chunks = await collect(
      engine.generate(request({ n: 2, maxTokens: 5 }), new AbortController().signal),
    );
    for (const index of [0, 1]) {
      const own = chunks.filter((c) => c.index === index);
      const last = own.at(-1);
      assert.ok(last?.finishReason === "length" || last?.finishReason === "stop");
      if (last?.finishReason === "length") assert.ok(own.length <= 6);
    }
  });

  it("same seed, same candidates; different seeds per candidate", async () => {
    const text = async () => {
      const chunks = await collect(
        engine.generate(request({ n: 2, maxTokens: 12 }), new AbortController().signal),
      );
      return [0, 1].map((i) =>
        chunks
          .filter((c) => c.index === i)
          .map((c) => c.content)
          .join(""),
      );
    };
    const first = await text();
    const second = await text();
    assert.deepEqual(first, second);
    assert.notEqual(first[0], first[1]);
  });

  it("with no seed, the candidates still differ (each gets its own)", async () => {
    const chunks = await collect(
      engine.generate(request({ n: 3, maxTokens: 12, seed: null }), new AbortController().signal),
    );
    const texts = [0, 1, 2].map((i) =>
      chunks
        .filter((c) => c.index === i)
        .map((c) => c.content)
        .join(""),
    );
    assert.equal(new Set(texts).size, 3, JSON.stringify(texts));
  });

  it("stops decoding when the signal aborts, ending the stream", async () => {
    const controller = new AbortController();
    let seen = 0;
    const chunks = await collect(
      engine.generate(request({ n: 2, maxTokens: 400 }), controller.signal),
      () => {
        seen += 1;
        if (seen === 3) controller.abort();
      },
    );
    assert.ok(chunks.length < 50, `stopped early (${chunks.length} chunks of up to 800)`);
  });
});
