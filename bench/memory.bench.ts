/**
 * 200 solves without restarting VS Code (issue 8's fault matrix): what the extension host keeps across
 * solves. One Node process plays the extension host: the same long-lived backends for every solve
 * (`BackendRegistry`, as `src/extension/backends.ts` uses it), the controller's state folding (one
 * `SolveState` per solve, the previous one dropped), the grading worker for answer grouping, and the
 * problem-span tracker's bounded list, against the simulated backend in a child process (so that its
 * request log is not counted). After 10, 100 and 200 solves it forces a full GC and prints heap and RSS.
 * Prints; asserts nothing. ACEMATH_BENCH_SOLVES=N runs N solves instead (checkpoints 10, N/2, N).
 *
 *   npm run bench memory        (re-runs itself with --expose-gc)
 */
import { spawnSync } from "node:child_process";
import { BackendRegistry } from "../src/backends/http/registry";
import { createGrader } from "../src/backends/grading";
import { trackSpan, type TrackedSpan } from "../src/core/insertion";
import { solve } from "../src/core/solve/pipeline";
import { applySolveEvent, emptySolveState, type SolveState } from "../src/core/solve/state";
import { loadDataset } from "../test/sim";
import { request } from "../test/unit/core/solveHarness";
import { startSimProcess } from "./support";

const SOLVES = Number(process.env.ACEMATH_BENCH_SOLVES ?? 200);
const CHECKPOINTS = new Set([10, SOLVES / 2, SOLVES]);
/** As problemSpans.ts: the latest few solves' spans are tracked, the oldest dropped. */
const MAX_TRACKED = 8;

interface Sample {
  solves: number;
  heapMiB: number;
  rssMiB: number;
  externalMiB: number;
}

function measure(solves: number): Sample {
  const gc = (globalThis as { gc?: () => void }).gc as () => void;
  // Twice: the first pass may only queue finalisers (sockets, AbortSignal.any) that the second collects.
  gc();
  gc();
  const usage = process.memoryUsage();
  const mib = (bytes: number) => bytes / 2 ** 20;
  return {
    solves,
    heapMiB: mib(usage.heapUsed),
    rssMiB: mib(usage.rss),
    externalMiB: mib(usage.external + usage.arrayBuffers),
  };
}

async function main(): Promise<void> {
  // One port for both roles, unthrottled.
  const sim = await startSimProcess(["--tps", "0"]);
  const endpoints = { policy: sim.policyBaseUrl, reward: sim.rewardBaseUrl };
  const registry = new BackendRegistry({ onNotice: () => undefined, onLog: () => undefined });
  const grader = createGrader();
  const problems = loadDataset().problems.filter((p) => p.solutions.length >= 4);
  const tracked: TrackedSpan[] = [];
  let latest: SolveState = emptySolveState();
  let candidates = 0;
  const samples: Sample[] = [measure(0)];
  const started = performance.now();
  for (let i = 1; i <= SOLVES; i++) {
    // What the Solve command does each time: ask the registry (same settings: the same instances).
    const policy = registry.policy({ baseUrl: endpoints.policy, apiKey: null }).backend;
    const reward = registry.reward({ baseUrl: endpoints.reward, apiKey: null })?.backend ?? null;
    const problem = problems[i % problems.length]!.problem;
    tracked.push(trackSpan({ start: 0, end: problem.length }));
    if (tracked.length > MAX_TRACKED) tracked.shift();
    const state = emptySolveState();
    const deps = { policy, reward, groupAnswers: (answers: string[]) => grader.clusterAnswers(answers) };
    for await (const event of solve(request(problem, { seed: i }), deps, new AbortController().signal))
      applySolveEvent(state, event);
    if (state.status !== "complete")
      throw new Error(`solve ${i} ended ${state.status}: ${state.error?.message}`);
    candidates += state.candidates.length;
    latest = state; // the controller keeps only the latest solve
    if (CHECKPOINTS.has(i)) samples.push(measure(i));
  }
  const seconds = (performance.now() - started) / 1000;
  grader.dispose();
  sim.stop();
  console.log(
    `${SOLVES} solves (n=8, ${candidates} candidates, ${latest.candidates.length} kept from the last) in ${seconds.toFixed(0)} s, one process, one backend per endpoint`,
  );
  console.log("after solves | heap used | RSS      | external+buffers");
  for (const s of samples)
    console.log(
      `${String(s.solves).padStart(12)} | ${s.heapMiB.toFixed(1).padStart(5)} MiB | ${s.rssMiB.toFixed(0).padStart(4)} MiB | ${s.externalMiB.toFixed(1)} MiB`,
    );
  const at = (n: number) => samples.find((s) => s.solves === n) as Sample;
  const [half, last] = [at(SOLVES / 2), at(SOLVES)];
  const growth = last.heapMiB - half.heapMiB;
  console.log(
    `heap growth from solve ${half.solves} to ${last.solves}: ${growth.toFixed(2)} MiB (${((growth * 1024) / (last.solves - half.solves)).toFixed(1)} KiB per solve); ratio heap(${last.solves})/heap(10): ${(last.heapMiB / at(10).heapMiB).toFixed(2)}`,
  );
}

if (typeof (globalThis as { gc?: unknown }).gc !== "function") {
  // Forcing a collection needs --expose-gc: run again with it.
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", __filename], {
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
} else {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
