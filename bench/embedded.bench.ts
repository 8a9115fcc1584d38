/**
 * The embedded engine's decoding throughput (issue 12): N = 8 candidates as parallel sequences of one
 * llama.cpp context against the same 8 decoded one after another, on a small random-weight GGUF the
 * bench writes (a few MB; its text is noise, its arithmetic is a real transformer's). Both sides run
 * the product's `EmbeddedPolicyBackend`, alternating, and the metric is the median ratio:
 * `embedded_parallel_speedup` = sequential time ÷ parallel time (above 1: parallel decoding wins).
 * Also prints tokens/s for N = 1 and N = 8 (a chunk is about one token of this byte-level vocabulary).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedPolicyBackend } from "../src/backends/embedded/embeddedPolicy";
import type { GenerationRequest } from "../src/core/backend/ports";
import { writeTinyModel } from "../test/support/gguf/tinyModel";
import { alternate, median, printJson } from "./support";

const SHAPE = { embedding: 256, layers: 4, heads: 8, feedForward: 768, contextLength: 1024 };
const TOKENS = 64;
const N = 8;
const REPETITIONS = 3;

function request(n: number, seed: number): GenerationRequest {
  return {
    model: "bench.gguf",
    problem: "Compute $17 \\times 4$.",
    n,
    temperature: 1,
    topP: 1,
    maxTokens: TOKENS,
    seed,
  };
}

/** Wall time of one generate call, and the chunks it streamed. */
async function timed(
  engine: EmbeddedPolicyBackend,
  n: number,
  seed: number,
): Promise<{ ms: number; chunks: number }> {
  const started = performance.now();
  let chunks = 0;
  for await (const chunk of engine.generate(request(n, seed), new AbortController().signal))
    if (chunk.content) chunks++;
  return { ms: performance.now() - started, chunks };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "acemath-bench-gguf-"));
  const path = join(dir, "bench.gguf");
  const bytes = writeTinyModel(path, SHAPE, 3);
  // One thread: on a shared or busy CPU, llama.cpp's worker threads spin-wait on each other.
  const engine = new EmbeddedPolicyBackend({ modelPath: path, threads: 1 });
  try {
    await timed(engine, 1, 0); // loads the model and warms the runtime
    let sequentialChunks = 0;
    let parallelChunks = 0;
    const runs = await alternate(
      REPETITIONS,
      async (rep) => {
        let ms = 0;
        for (let i = 0; i < N; i++) {
          const one = await timed(engine, 1, 100 * rep + i);
          ms += one.ms;
          sequentialChunks += one.chunks;
        }
        return ms;
      },
      async (rep) => {
        const all = await timed(engine, N, 100 * rep);
        parallelChunks += all.chunks;
        return all.ms;
      },
    );
    const sequentialMs = median(runs.a);
    const parallelMs = median(runs.b);
    const n1TokensPerS = sequentialChunks / REPETITIONS / (sequentialMs / 1000);
    const n8TokensPerS = parallelChunks / REPETITIONS / (parallelMs / 1000);
    console.log(
      `model: ${(bytes / 1e6).toFixed(1)} MB random-weight llama (${JSON.stringify(SHAPE)}), ${TOKENS} tokens per candidate`,
    );
    console.log(`N=8 one after another: ${sequentialMs.toFixed(0)} ms (${n1TokensPerS.toFixed(0)} tokens/s)`);
    console.log(`N=8 in parallel:       ${parallelMs.toFixed(0)} ms (${n8TokensPerS.toFixed(0)} tokens/s)`);
    console.log(`parallel speedup (median of per-run ratios): ${median(runs.ratios).toFixed(2)}×`);
    printJson({
      embedded_tokens_per_s_n1: n1TokensPerS,
      embedded_tokens_per_s_n8: n8TokensPerS,
      embedded_parallel_speedup: median(runs.ratios),
    });
  } finally {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
