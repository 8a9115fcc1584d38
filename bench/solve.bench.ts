/**
 * Solve pipeline benchmark against the simulated backend: when the user sees the first reward
 * score, and when all are in, with scoring that overlaps generation (the pipeline) against scoring
 * all candidates in one batch after generation (the naive order). Both run side by side in this
 * run, with the same simulated generation speed and reward latency (a fixed delay per request,
 * so the naive order's single request is not penalised for its size). Prints; asserts nothing.
 */
import { OpenAiPolicyBackend } from "../src/backends/http/openaiPolicy";
import { VllmRewardBackend } from "../src/backends/http/vllmReward";
import { solve } from "../src/core/solve/pipeline";
import { applySolveEvent, emptySolveState } from "../src/core/solve/state";
import { loadDataset, startSimulator } from "../test/sim";
import { request } from "../test/unit/core/solveHarness";

const RUNS = 3;
// About what one GPU gives each of 8 sequences of a 7B model; the reward delay is a small batch on the same GPU.
const SIM = { tokensPerSecond: 150, rewardLatencyMs: 150 };

interface Timing {
  firstScoreMs: number;
  allScoredMs: number;
}

async function pipelined(policyUrl: string, rewardUrl: string, problem: string): Promise<Timing> {
  const started = performance.now();
  const deps = {
    policy: new OpenAiPolicyBackend({ baseUrl: policyUrl, apiKey: null }),
    reward: new VllmRewardBackend({ baseUrl: rewardUrl, apiKey: null }),
  };
  let firstScoreMs = Number.NaN;
  for await (const event of solve(request(problem, { seed: 1 }), deps, new AbortController().signal)) {
    if (event.type === "scored" && Number.isNaN(firstScoreMs)) firstScoreMs = performance.now() - started;
  }
  return { firstScoreMs, allScoredMs: performance.now() - started };
}

async function scoreAfterGeneration(policyUrl: string, rewardUrl: string, problem: string): Promise<Timing> {
  const started = performance.now();
  const state = emptySolveState();
  const policy = new OpenAiPolicyBackend({ baseUrl: policyUrl, apiKey: null });
  const signal = new AbortController().signal;
  for await (const event of solve(request(problem, { seed: 1 }), { policy, reward: null }, signal))
    applySolveEvent(state, event);
  const reward = new VllmRewardBackend({ baseUrl: rewardUrl, apiKey: null });
  await reward.score(
    "nvidia/AceMath-7B-RM",
    problem,
    state.candidates.map((c) => c.text),
    signal,
  );
  const elapsed = performance.now() - started;
  return { firstScoreMs: elapsed, allScoredMs: elapsed };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const sim = await startSimulator(SIM);
  const problems = loadDataset()
    .problems.filter((p) => p.source === "math_cot_100")
    .slice(0, RUNS);
  const overlap: Timing[] = [];
  const after: Timing[] = [];
  for (const p of problems) {
    overlap.push(await pipelined(sim.policyBaseUrl, sim.rewardBaseUrl, p.problem));
    after.push(await scoreAfterGeneration(sim.policyBaseUrl, sim.rewardBaseUrl, p.problem));
  }
  await sim.close();
  console.log(
    `median of ${RUNS} problems, n=8, ${SIM.tokensPerSecond} tokens/s per choice, reward latency ${SIM.rewardLatencyMs} ms per request`,
  );
  for (const key of ["firstScoreMs", "allScoredMs"] as const) {
    const [a, b] = [median(overlap.map((t) => t[key])), median(after.map((t) => t[key]))];
    const label = key === "firstScoreMs" ? "first score shown" : "all 8 scored";
    console.log(
      `${label}: pipelined ${a.toFixed(0)} ms, score-after-generation ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)}`,
    );
  }
}

void main();
