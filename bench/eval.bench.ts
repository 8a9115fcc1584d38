/**
 * `acemath eval` throughput against the simulated backend (in its own process): 500 problems × 8
 * samples through the CLI's live runner, against a server that generates at most SERVER_SEQUENCES
 * sequences at once (more wait in its queue), each at TOKENS_PER_SECOND, the first token
 * FIRST_TOKEN_MS after admission. The client keeps CLIENT_CONCURRENCY problems in flight (`--concurrency`,
 * twice what the server runs, so its queue stays full; 4× and 8× measured worse on this 2-core machine,
 * where the client's own CPU is the limit: bench/README.md). EVAL_BENCH_CONCURRENCY=C changes it.
 *
 * What the server's throughput allows: every sequence holds a slot for its first-token delay plus its
 * tokens at the token rate, so no schedule can finish before Σ(first token + tokens / rate) ÷ slots.
 * eval_wall_over_ideal = wall time ÷ that (target ≤ 1.05). eval_floor_over_ideal: the same for a client
 * that costs nothing with the same policy (bench/evalSchedule.ts; the same problems in flight, asked
 * in the same order: src/core/eval/requestOrder.ts): the part of the gap that is the schedule's,
 * not the client's. eval_generation_over_ideal: until the last sample and score are stored (the
 * rest of the wall time is grading's tail and writing the report). Prints; `--json` adds one JSON object on
 * the last line. Asserts nothing. EVAL_BENCH_PROBLEMS=N runs fewer problems.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { runEval } from "../src/cli/eval";
import type { StoreLine } from "../src/backends/eval/store";
import { requestOrder } from "../src/core/eval/requestOrder";
import { loadDataset } from "../test/sim";
import { countTokens } from "../test/sim/tokens";
import { zeroOverheadSteps } from "./evalSchedule";
import { printJson, startSimProcess } from "./support";

const PROBLEMS = Number(process.env.EVAL_BENCH_PROBLEMS ?? 500);
const N = 8;
const SERVER_SEQUENCES = 64;
const CLIENT_CONCURRENCY = Number(process.env.EVAL_BENCH_CONCURRENCY ?? (2 * SERVER_SEQUENCES) / N);
const TOKENS_PER_SECOND = 100;
const FIRST_TOKEN_MS = 100;
const REWARD_LATENCY_MS = 20;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "acemath-eval-bench-"));
  const sim = await startSimProcess([
    ...["--max-seqs", String(SERVER_SEQUENCES), "--tps", String(TOKENS_PER_SECOND)],
    ...["--ttft", String(FIRST_TOKEN_MS), "--reward-latency", String(REWARD_LATENCY_MS)],
  ]);
  try {
    const known = loadDataset().problems;
    const records = Array.from({ length: PROBLEMS }, (_, i) => known[i % known.length]!);
    const data = join(dir, "bench.jsonl");
    writeFileSync(
      data,
      records.map((p) => JSON.stringify({ problem: p.problem, answer: p.goldAnswer })).join("\n"),
    );
    const out = join(dir, "out");
    const args = ["--data", data, "--n", String(N), "--concurrency", String(CLIENT_CONCURRENCY)];
    const urls = ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];
    const sink = new PassThrough().resume();
    const io = { stdin: Readable.from([""]), stdout: sink, stderr: sink, env: {} };
    const [simCpu, clientCpu] = [sim.cpuSeconds(), process.cpuUsage()];
    const startedAtMs = Date.now();
    const started = performance.now();
    const code = await runEval(
      [...args, "--seeds", "10", ...urls, "--out", out],
      io,
      new AbortController().signal,
    );
    const wallS = (performance.now() - started) / 1000;
    const clientUsage = process.cpuUsage(clientCpu);
    const clientCpuS = (clientUsage.user + clientUsage.system) / 1e6;
    const simCpuS = sim.cpuSeconds() - simCpu;
    if (code !== 0) throw new Error(`eval exited ${code}`);
    const samplesFile = join(out, "samples.jsonl");
    // The last sample and score stored: generation and scoring done; after it, grading's tail and the report.
    const lastStored = Math.max(statSync(samplesFile).mtimeMs, statSync(join(out, "scores.jsonl")).mtimeMs);
    const generatedS = (lastStored - startedAtMs) / 1000;
    const lines = readFileSync(samplesFile, "utf8").trim().split("\n");
    const stored = lines.map((l) => JSON.parse(l) as StoreLine).sort((a, b) => a.index - b.index);
    const perProblem = stored.map((line) => line.candidates.map((c) => countTokens(c.text)));
    const sequences = perProblem.flat();
    const slotSeconds = sequences.reduce(
      (sum, tokens) => sum + FIRST_TOKEN_MS / 1000 + tokens / TOKENS_PER_SECOND,
      0,
    );
    const idealS = slotSeconds / SERVER_SEQUENCES;
    const tokens = sequences.reduce((a, b) => a + b, 0);
    console.log(
      `${PROBLEMS} problems × ${N} samples (${sequences.length} sequences, ${tokens} tokens); server: ${SERVER_SEQUENCES} sequences at once, ${TOKENS_PER_SECOND} tokens/s each, first token ${FIRST_TOKEN_MS} ms, reward ${REWARD_LATENCY_MS} ms; client: ${CLIENT_CONCURRENCY} problems in flight`,
    );
    const stepMs = 1000 / TOKENS_PER_SECOND;
    const schedule = {
      slots: SERVER_SEQUENCES,
      concurrency: CLIENT_CONCURRENCY,
      firstTokenSteps: Math.ceil(FIRST_TOKEN_MS / stepMs),
      rewardSteps: Math.ceil(REWARD_LATENCY_MS / stepMs),
    };
    const floorS =
      (zeroOverheadSteps(
        requestOrder(records).map((i) => perProblem[i]!),
        schedule,
      ) *
        stepMs) /
      1000;
    // The same zero-cost client asking in the file's order: what the order (requestOrder.ts) is worth.
    const fileOrderS = (zeroOverheadSteps(perProblem, schedule) * stepMs) / 1000;
    console.log(
      `wall ${wallS.toFixed(1)} s, ideal ${idealS.toFixed(1)} s, a client that costs nothing with the same policy ${floorS.toFixed(1)} s (bench/evalSchedule.ts; in the file's order ${fileOrderS.toFixed(1)} s)`,
    );
    console.log(
      `of which generating and scoring (until the last sample and score were stored) ${generatedS.toFixed(1)} s, then grading and the report ${(wallS - generatedS).toFixed(1)} s`,
    );
    console.log(
      `CPU during the run: client (eval) ${clientCpuS.toFixed(1)} s (${((100 * clientCpuS) / wallS).toFixed(0)}% of one core), simulator ${simCpuS.toFixed(1)} s (${((100 * simCpuS) / wallS).toFixed(0)}%)`,
    );
    console.log(`eval_wall_over_ideal ${(wallS / idealS).toFixed(3)}`);
    printJson({
      eval_wall_over_ideal: wallS / idealS,
      eval_floor_over_ideal: floorS / idealS,
      eval_floor_file_order_over_ideal: fileOrderS / idealS,
      eval_generation_over_ideal: generatedS / idealS,
    });
  } finally {
    sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
