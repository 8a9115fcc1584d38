/**
 * Solve pipeline benchmark against the simulated backend (in its own process, with the load knobs: a
 * first-token delay, a fixed token rate per sequence, an engine that steps all sequences, real
 * candidate lengths, so candidates finish at different times). Two ratios, each measured in this run,
 * the two sides alternating over REPS repetitions on the same problems, median reported:
 *
 * - solve_overhead_ratio: the product's solve as the extension runs it (long-lived backends from the
 *   registry, so the probes were paid once; answer groups from the grading worker; every event folded
 *   into the state) ÷ a minimal reference client doing the same exchange with no processing (one n=8
 *   stream read with a bare SSE split, then one /classify batch). The reward cost here is a fixed part
 *   only, answered concurrently (as vLLM batches concurrent requests), so the product's scoring-as-
 *   they-finish neither gains nor loses by batch size: what is left is the client's own cost.
 * - pipelined_vs_naive_ratio: time until all 8 are scored when each candidate is scored as it finishes
 *   (the product) ÷ generate all, then score all in one batch (the Qwen evaluation scripts' order).
 *   The reward server runs one forward pass at a time (requests that wait share the next one) and its
 *   cost grows with the pass's tokens, set so that scoring all 8 at once takes about 30% of the
 *   generation time. Each candidate's length is drawn from the real samples' lengths (placeholder
 *   problems, `--sample-lengths`). `pipelined_vs_naive_ratio_recorded` is the same on recorded problems,
 *   whose 8 real solutions are closer in length (the shortest is median 79% of the longest), so more of
 *   the scoring is left after the last one finishes.
 *
 * Prints a table; `--json` adds one JSON object on the last line. Asserts nothing.
 * BENCH_REPS=N changes the repetitions (default 6).
 */
import { BackendRegistry } from "../src/backends/http/registry";
import { createGrader } from "../src/backends/grading";
import { buildPolicyMessages, renderRewardInput } from "../src/core/prompts";
import { solve, type SolveDependencies } from "../src/core/solve/pipeline";
import type { SolveRequest } from "../src/core/solve/request";
import { applySolveEvent, emptySolveState } from "../src/core/solve/state";
import { loadDataset } from "../test/sim";
import { planChoices } from "../test/sim/generate";
import { countTokens } from "../test/sim/tokens";
import { request } from "../test/unit/core/solveHarness";
import { alternate, median, printJson, startSimProcess, type SimProcess } from "./support";

const REPS = Number(process.env.BENCH_REPS ?? 6);
/** Per sequence, as the UI benchmark's stream; a 7B model on one GPU gives each of 8 sequences about this. */
const TOKENS_PER_SECOND = 100;
const FIRST_TOKEN_MS = 100;
/** The overhead scenario's reward cost: one small forward pass. */
const REWARD_FIXED_MS = 50;
/** The pipelining scenario: the fixed part of a batch, and the share of generation that scoring all 8 takes. */
const PIPELINE_FIXED_MS = 20;
const REWARD_SHARE = 0.3;
const REWARD_MODEL = "nvidia/AceMath-7B-RM";

const problems = loadDataset()
  .problems.filter((p) => p.source === "math_cot_100" && p.solutions.length >= 8)
  .slice(0, REPS);

/** Problems the simulator does not know: placeholder candidates, with lengths drawn from the real samples. */
const placeholders = Array.from(
  { length: REPS },
  (_, i) => `Benchmark problem ${i + 1}: find the least positive integer x with ${i + 7}x ≡ 1 (mod 97).`,
);

const solveRequest = (problem: string, rep: number): SolveRequest => request(problem, { seed: 100 + rep });

/** The 8 candidates the simulator will serve for this request, to size the reward cost. */
function plannedTexts(req: SolveRequest, sampleLengths: boolean): string[] {
  const plan = { ...req, seed: req.seed ?? 0, stop: [] as string[] };
  return planChoices(loadDataset(), plan, sampleLengths).map((c) => c.tokens.join(""));
}

/**
 * Per-token reward cost so that one batch of all 8 costs REWARD_SHARE of the generation time (first
 * token plus the longest candidate), the median over the problems benchmarked.
 */
function calibratedMsPerToken(texts: readonly string[], sampleLengths: boolean): number {
  const perToken = texts.map((problem, rep) => {
    const candidates = plannedTexts(solveRequest(problem, rep), sampleLengths);
    const longest = Math.max(...candidates.map(countTokens));
    const generationMs = FIRST_TOKEN_MS + (longest * 1000) / TOKENS_PER_SECOND;
    const batchTokens = candidates.reduce((sum, t) => sum + countTokens(renderRewardInput(problem, t)), 0);
    return (REWARD_SHARE * generationMs - PIPELINE_FIXED_MS) / batchTokens;
  });
  return median(perToken);
}

/**
 * The best any client can do in the pipelining scenario, from the planned candidates alone: each is
 * sent the moment it finishes, and whenever the reward server is free its next pass takes every
 * finished, unscored candidate. Returned as a ratio to the naive order on the same server model.
 */
function pipelinedFloorRatio(
  problem: string,
  rep: number,
  sampleLengths: boolean,
  msPerToken: number,
): number {
  const texts = plannedTexts(solveRequest(problem, rep), sampleLengths);
  const candidates = texts
    .map((t) => ({
      finishedAt: FIRST_TOKEN_MS + (countTokens(t) * 1000) / TOKENS_PER_SECOND,
      cost: msPerToken * countTokens(renderRewardInput(problem, t)),
    }))
    .sort((a, b) => a.finishedAt - b.finishedAt);
  let clock = 0;
  for (let i = 0; i < candidates.length;) {
    clock = Math.max(clock, candidates[i]!.finishedAt);
    let pass = PIPELINE_FIXED_MS;
    for (; i < candidates.length && candidates[i]!.finishedAt <= clock; i++) pass += candidates[i]!.cost;
    clock += pass;
  }
  const lastFinish = candidates.at(-1)!.finishedAt;
  const naive = lastFinish + PIPELINE_FIXED_MS + candidates.reduce((sum, c) => sum + c.cost, 0);
  return clock / naive;
}

/** The extension's way: one registry (backends kept across solves), the grading worker for answer groups. */
function productDeps(
  sim: SimProcess,
  grader: ReturnType<typeof createGrader>,
  reward = true,
): SolveDependencies {
  const registry = new BackendRegistry({ onNotice: () => undefined, onLog: () => undefined });
  return {
    policy: registry.policy({ baseUrl: sim.policyBaseUrl, apiKey: null }).backend,
    reward: reward ? (registry.reward({ baseUrl: sim.rewardBaseUrl, apiKey: null })?.backend ?? null) : null,
    groupAnswers: (answers) => grader.clusterAnswers(answers),
  };
}

/** Milliseconds until the product's solve is done (every candidate scored and ranked). */
async function productSolve(deps: SolveDependencies, req: SolveRequest): Promise<number> {
  const started = performance.now();
  const state = emptySolveState();
  for await (const event of solve(req, deps, new AbortController().signal)) applySolveEvent(state, event);
  if (state.status !== "complete") throw new Error(`solve ended ${state.status}: ${state.error?.message}`);
  return performance.now() - started;
}

/** The reference: one n=8 stream read with a bare SSE split, then one /classify of all 8. */
async function referenceSolve(sim: SimProcess, req: SolveRequest): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${sim.policyBaseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "nvidia/AceMath-7B-Instruct",
      messages: buildPolicyMessages(req.problem),
      n: req.n,
      temperature: req.temperature,
      top_p: req.topP,
      max_tokens: req.maxTokens,
      seed: req.seed,
      stream: true,
    }),
  });
  const texts: string[] = Array.from({ length: req.n }, () => "");
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    const events = buffer.split("\n\n");
    buffer = events.pop() ?? "";
    for (const event of events) {
      const data = event.slice(6);
      if (data === "[DONE]") continue;
      for (const c of (JSON.parse(data) as { choices: { index: number; delta: { content?: string } }[] })
        .choices)
        texts[c.index] += c.delta.content ?? "";
    }
  }
  const scored = await fetch(`${sim.rewardBaseUrl}/classify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: REWARD_MODEL,
      input: texts.map((t) => renderRewardInput(req.problem, t)),
      use_activation: false,
    }),
  });
  await scored.json();
  return performance.now() - started;
}

/** The naive order with the product's own clients: generate all (no reward model), then score all at once. */
async function generateThenScore(
  generateOnly: SolveDependencies,
  withReward: SolveDependencies,
  req: SolveRequest,
): Promise<number> {
  const started = performance.now();
  const state = emptySolveState();
  const signal = new AbortController().signal;
  for await (const event of solve(req, generateOnly, signal)) applySolveEvent(state, event);
  const texts = state.candidates.map((c) => c.text);
  await withReward.reward?.score(REWARD_MODEL, req.problem, texts, signal);
  return performance.now() - started;
}

const common = ["--tps", String(TOKENS_PER_SECOND), "--ttft", String(FIRST_TOKEN_MS), "--max-seqs", "1024"];

async function overheadScenario(grader: ReturnType<typeof createGrader>) {
  const sim = await startSimProcess([...common, "--reward-latency", String(REWARD_FIXED_MS)]);
  try {
    const deps = productDeps(sim, grader);
    const warm = solveRequest(problems[0]!.problem, -1);
    await productSolve(deps, warm); // the registry's one-time probes, as after the extension's first solve
    await referenceSolve(sim, warm);
    return await alternate(
      REPS,
      (rep) => productSolve(deps, solveRequest(problems[rep]!.problem, rep)),
      (rep) => referenceSolve(sim, solveRequest(problems[rep]!.problem, rep)),
    );
  } finally {
    sim.stop();
  }
}

async function pipelineScenario(
  grader: ReturnType<typeof createGrader>,
  texts: string[],
  sampleLengths: boolean,
) {
  const msPerToken = calibratedMsPerToken(texts, sampleLengths);
  const reward = ["--reward-latency", String(PIPELINE_FIXED_MS), "--reward-per-token", msPerToken.toFixed(4)];
  const lengths = sampleLengths ? ["--sample-lengths"] : [];
  const sim = await startSimProcess([...common, ...reward, "--reward-serial", ...lengths]);
  try {
    const deps = productDeps(sim, grader);
    const generateOnly = productDeps(sim, grader, false);
    const warm = solveRequest(texts[0]!, -1);
    await productSolve(deps, warm);
    await generateThenScore(generateOnly, deps, warm);
    const timings = await alternate(
      REPS,
      (rep) => productSolve(deps, solveRequest(texts[rep]!, rep)),
      (rep) => generateThenScore(generateOnly, deps, solveRequest(texts[rep]!, rep)),
    );
    const floors = texts.map((problem, rep) => pipelinedFloorRatio(problem, rep, sampleLengths, msPerToken));
    return { ...timings, msPerToken, floor: median(floors) };
  } finally {
    sim.stop();
  }
}

async function main(): Promise<void> {
  const grader = createGrader();
  try {
    const overhead = await overheadScenario(grader);
    const pipeline = await pipelineScenario(grader, placeholders, true);
    const recorded = await pipelineScenario(
      grader,
      problems.map((p) => p.problem),
      false,
    );
    console.log(
      `n=8, ${TOKENS_PER_SECOND} tokens/s per sequence, first token ${FIRST_TOKEN_MS} ms, ${REPS} problems, sides alternating; medians`,
    );
    console.log(
      `overhead: product ${median(overhead.a).toFixed(0)} ms vs reference client ${median(overhead.b).toFixed(0)} ms (reward ${REWARD_FIXED_MS} ms per batch); ratio per rep ${overhead.ratios.map((r) => r.toFixed(3)).join(" ")}`,
    );
    for (const [name, p] of [
      ["lengths drawn from the samples", pipeline],
      ["recorded problems", recorded],
    ] as const)
      console.log(
        `pipelining, ${name}: scored as finished ${median(p.a).toFixed(0)} ms vs generate-then-score ${median(p.b).toFixed(0)} ms (reward ${PIPELINE_FIXED_MS} ms + ${p.msPerToken.toFixed(3)} ms/token per pass, one pass at a time: all 8 ≈ ${REWARD_SHARE * 100}% of generation); ratio per rep ${p.ratios.map((r) => r.toFixed(3)).join(" ")}; a client that costs nothing: ${p.floor.toFixed(3)}`,
      );
    const metrics = {
      solve_overhead_ratio: median(overhead.ratios),
      pipelined_vs_naive_ratio: median(pipeline.ratios),
      pipelined_vs_naive_ratio_recorded: median(recorded.ratios),
      pipelined_floor_ratio: pipeline.floor,
    };
    for (const [key, value] of Object.entries(metrics)) console.log(`${key.padEnd(28)} ${value.toFixed(3)}`);
    printJson(metrics);
  } finally {
    grader.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
