/** `acemath solve`: the editor's Solve, in a terminal, sharing the same core pipeline. */
import { parseArgs } from "node:util";
import { EmbeddedPolicyBackend } from "../backends/embedded/embeddedPolicy";
import { createGrader } from "../backends/grading";
import { solve } from "../core/solve/pipeline";
import { DEFAULT_OUTPUT_LIMITS, DEFAULT_SOLVE_OPTIONS, type SolveRequest } from "../core/solve/request";
import { applySolveEvent, emptySolveState, type SolveState } from "../core/solve/state";
import { terminalSafeLine } from "../core/util/terminalSafe";
import { ENDPOINT_OPTIONS, ENDPOINT_USAGE, cliEndpoints } from "./endpoints";
import { readAll, UsageError, type CliIo } from "./io";
import { RANKING_OPTION, RANKING_USAGE, rankingPolicyOption } from "./ranking";
import { formatSolveSummary, printSolveJson } from "./solveOutput";

export const SOLVE_USAGE = `acemath solve [options] PROBLEM     (PROBLEM "-" reads stdin)
${ENDPOINT_USAGE}
  --n N                candidates (default 8)
  --temperature T      (default 0.7)   --top-p P (default 0.8)   --max-tokens K (default 2048)
  --seed S             sampling seed
${RANKING_USAGE}
  --candidate-chars C  cut a candidate after C characters (default 65536)
  --solve-chars S      cut every candidate once the solve has S characters (default 1048576)
  --gguf PATH          solve offline with the embedded llama.cpp engine and this GGUF model (no policy
                       server; no reward model unless --reward-url is given)
  --json               print one JSON object instead of a readable summary
  Exit status 0 when complete, 1 on failure (the message on stderr), 130 when interrupted.`;

const OPTIONS = {
  ...ENDPOINT_OPTIONS,
  n: { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.n) },
  temperature: { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.temperature) },
  "top-p": { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.topP) },
  "max-tokens": { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.maxTokens) },
  seed: { type: "string" },
  "candidate-chars": { type: "string", default: String(DEFAULT_OUTPUT_LIMITS.candidateChars) },
  "solve-chars": { type: "string", default: String(DEFAULT_OUTPUT_LIMITS.solveChars) },
  gguf: { type: "string" },
  json: { type: "boolean", default: false },
  ...RANKING_OPTION,
} as const;

export async function runSolve(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseSolveArgs(args);
  if (positionals.length !== 1) throw new UsageError("solve takes exactly one PROBLEM (or - for stdin)");
  const problem = positionals[0] === "-" ? (await readAll(io.stdin)).trim() : (positionals[0] as string);
  if (problem === "") throw new UsageError("the problem is empty");
  const request: SolveRequest = {
    problem,
    n: parseNumber(values.n, "--n", { integer: true, min: 1 }),
    temperature: parseNumber(values.temperature, "--temperature", { min: 0 }),
    topP: parseNumber(values["top-p"], "--top-p", { min: 0 }),
    maxTokens: parseNumber(values["max-tokens"], "--max-tokens", { integer: true, min: 1 }),
    seed: values.seed === undefined ? null : parseNumber(values.seed, "--seed", { integer: true }),
    policyModel: null,
    rewardModel: null,
    rankingPolicy: rankingPolicyOption(values.ranking),
    limits: {
      candidateChars: parseNumber(values["candidate-chars"], "--candidate-chars", { integer: true, min: 1 }),
      solveChars: parseNumber(values["solve-chars"], "--solve-chars", { integer: true, min: 1 }),
    },
  };
  const { policy, reward, policyModel, rewardModel, dispose } = solveBackends(values, args, io);
  request.policyModel = policyModel;
  request.rewardModel = rewardModel;
  const grader = createGrader();
  try {
    const deps = {
      policy,
      reward,
      groupAnswers: (answers: string[]) => grader.clusterAnswers(answers),
    };
    const state = emptySolveState();
    for await (const event of solve(request, deps, signal)) {
      applySolveEvent(state, event);
      if (!values.json && event.type === "finished") io.stderr.write(`candidate ${event.index} finished\n`);
    }
    io.stdout.write(values.json ? printSolveJson(state) : formatSolveSummary(state));
    // Scripts read stdout; a person (or a CI log) sees why it failed on stderr either way.
    if (state.error) io.stderr.write(`acemath: ${terminalSafeLine(state.error.message)}\n`);
    return exitCodeFor(state);
  } finally {
    grader.dispose();
    await dispose();
  }
}

/**
 * The servers the flags name, or the embedded engine with `--gguf`: there no reward model runs
 * (none is published as GGUF) unless `--reward-url` names a server explicitly.
 */
function solveBackends(values: ReturnType<typeof parseSolveArgs>["values"], args: string[], io: CliIo) {
  const gguf = values.gguf;
  if (gguf === undefined) return { ...cliEndpoints(values, io), dispose: async () => {} };
  const explicitReward = args.some((a) => a === "--reward-url" || a.startsWith("--reward-url="));
  const endpoints = cliEndpoints({ ...values, "no-reward": values["no-reward"] || !explicitReward }, io);
  const engine = new EmbeddedPolicyBackend({ modelPath: gguf });
  return {
    policy: engine,
    reward: endpoints.reward,
    policyModel: null,
    rewardModel: endpoints.rewardModel,
    dispose: () => engine.dispose(),
  };
}

function parseSolveArgs(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseNumber(text: string, flag: string, rule: { integer?: boolean; min?: number }): number {
  const value = Number(text);
  const valid =
    Number.isFinite(value) && (!rule.integer || Number.isInteger(value)) && value >= (rule.min ?? -Infinity);
  if (!valid)
    throw new UsageError(
      `${flag} expects ${rule.integer ? "an integer" : "a number"}${rule.min !== undefined ? ` ≥ ${rule.min}` : ""}, got "${text}"`,
    );
  return value;
}

function exitCodeFor(state: SolveState): number {
  if (state.status === "complete") return 0;
  if (state.status === "cancelled") return 130;
  return 1;
}
