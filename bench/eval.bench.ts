/**
 * `acemath eval` throughput against the simulated backend: 500 problems × 8 samples with the
 * client keeping CONCURRENCY requests in flight, each choice streamed at a fixed token rate.
 * The simulator has no queue of its own, so what the server's throughput allows at that
 * concurrency is the sum over problems of its longest choice's streaming time, divided by
 * CONCURRENCY (perfect packing). Prints eval_wall_over_ideal (target ≤ 1.05); asserts nothing.
 * EVAL_BENCH_PROBLEMS=N runs fewer problems.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { main as cli } from "../src/cli/main";
import type { StoreLine } from "../src/backends/eval/store";
import { loadDataset, startSimulator } from "../test/sim";
import { countTokens } from "../test/sim/tokens";

const PROBLEMS = Number(process.env.EVAL_BENCH_PROBLEMS ?? 500);
const CONCURRENCY = 16;
// About what one GPU gives each sequence of a 7B model (as bench/solve.bench.ts). At thousands of
// tokens/s the in-process simulator's own CPU (SSE per token, ten /classify calls per problem) is
// what limits, on a 2-core machine, and the ratio then measures the simulator.
const TOKENS_PER_SECOND = 150;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "acemath-eval-bench-"));
  const sim = await startSimulator({ tokensPerSecond: TOKENS_PER_SECOND });
  try {
    const known = loadDataset().problems;
    const records = Array.from({ length: PROBLEMS }, (_, i) => known[i % known.length]!);
    const data = join(dir, "bench.jsonl");
    writeFileSync(
      data,
      records.map((p) => JSON.stringify({ problem: p.problem, answer: p.goldAnswer })).join("\n"),
    );
    const out = join(dir, "out");
    const args = ["eval", "--data", data, "--n", "8", "--concurrency", String(CONCURRENCY), "--seeds", "10"];
    const urls = ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];
    const sink = new PassThrough().resume();
    const started = performance.now();
    const io = { stdin: Readable.from([""]), stdout: sink, stderr: sink, env: {} };
    const code = await cli([...args, ...urls, "--out", out], io, new AbortController().signal);
    const wallS = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`eval exited ${code}`);
    const lines = readFileSync(join(out, "samples.jsonl"), "utf8").trim().split("\n");
    const longest = lines.map((l) =>
      Math.max(...(JSON.parse(l) as StoreLine).candidates.map((c) => countTokens(c.text))),
    );
    const idealS = longest.reduce((a, b) => a + b, 0) / TOKENS_PER_SECOND / CONCURRENCY;
    console.log(
      `${PROBLEMS} problems × 8 samples, ${CONCURRENCY} requests in flight, ${TOKENS_PER_SECOND} tokens/s per choice`,
    );
    console.log(`wall ${wallS.toFixed(2)} s, ideal ${idealS.toFixed(2)} s`);
    console.log(`eval_wall_over_ideal ${(wallS / idealS).toFixed(3)}`);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
