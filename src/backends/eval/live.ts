/**
 * Live generation for `acemath eval --data`: each problem goes through the same solve pipeline as
 * the editor (N samples, reward scores as they finish), up to `concurrency` problems at once; each
 * finished request is appended to the store before it is graded, and a stored one is never asked
 * again. A problem whose solve fails is reported (and counted wrong), not dropped.
 */
import type { PolicyBackend, RewardBackend } from "../../core/backend/ports";
import type { Grader } from "../../core/grading";
import type { BackendInfo } from "../../core/solve/events";
import { solve } from "../../core/solve/pipeline";
import { applySolveEvent, emptySolveState } from "../../core/solve/state";
import type { EvalProblem } from "../../core/eval/datasets";
import {
  gradeProblem,
  type GradedProblem,
  type GradeProblemInput,
  type SampleText,
} from "../../core/eval/grade";
import { hashText, SampleStore, type RequestKind, type StoreLine } from "./store";

export interface LiveSettings {
  n: number;
  greedy: boolean;
  temperature: number;
  topP: number;
  maxTokens: number;
  seed: number;
  concurrency: number;
  policyModel: string | null;
  rewardModel: string | null;
}

export interface LiveBackends {
  policy: PolicyBackend;
  reward: RewardBackend | null;
}

export interface LiveDatasetInput {
  name: string;
  problems: EvalProblem[];
  settings: LiveSettings;
  backends: LiveBackends;
  grader: Grader;
  /** Absent: nothing is stored (and nothing can be resumed). */
  store: SampleStore | null;
  /** Called with the servers' own account of the models, once per request that reached them. */
  onServers?: (policy: BackendInfo, reward: BackendInfo | null) => void;
}

export interface LiveResult {
  graded: GradedProblem[];
  failures: { id: string; message: string }[];
}

export type LiveProgress = (done: number, total: number, detail?: string) => void;

export async function runLiveDataset(
  input: LiveDatasetInput,
  progress: LiveProgress,
  signal: AbortSignal,
): Promise<LiveResult> {
  const graded: (GradedProblem | undefined)[] = new Array(input.problems.length);
  const failures: { id: string; message: string; index: number }[] = [];
  const gradings: Promise<void>[] = [];
  const fail = (problem: EvalProblem, error: unknown) =>
    failures.push({
      id: problem.id,
      index: problem.index,
      message: error instanceof Error ? error.message : String(error),
    });
  let next = 0;
  let done = 0;
  // A slot is free for the next request as soon as a problem's generations are in; grading runs
  // beside generation, so the server's queue stays full.
  const slot = async () => {
    while (!signal.aborted && next < input.problems.length) {
      const problem = input.problems[next++]!;
      let generated: GradeProblemInput;
      try {
        generated = await generateProblem(problem, input, signal);
      } catch (error) {
        if (signal.aborted) return;
        fail(problem, error);
        progress(++done, input.problems.length);
        continue;
      }
      gradings.push(
        gradeProblem(generated, input.grader)
          .then(
            (result) => void (graded[problem.index] = result),
            (error: unknown) => void fail(problem, error),
          )
          .finally(() => progress(++done, input.problems.length)),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.settings.concurrency) }, slot));
  await Promise.all(gradings);
  failures.sort((a, b) => a.index - b.index);
  return {
    graded: graded.filter((g): g is GradedProblem => g !== undefined),
    failures: failures.map(({ id, message }) => ({ id, message })),
  };
}

async function generateProblem(
  problem: EvalProblem,
  input: LiveDatasetInput,
  signal: AbortSignal,
): Promise<GradeProblemInput> {
  const samples = await generate(problem, "samples", input, signal);
  const greedy = input.settings.greedy ? (await generate(problem, "greedy", input, signal))[0] : undefined;
  return { gold: problem.gold, multipleChoice: problem.multipleChoice, samples, greedy };
}

/** The stored request if there is one, else a solve whose result is stored before it is used. */
async function generate(
  problem: EvalProblem,
  kind: RequestKind,
  input: LiveDatasetInput,
  signal: AbortSignal,
): Promise<SampleText[]> {
  const problemHash = hashText(problem.problem);
  const stored = input.store?.get(input.name, problem.index, problemHash, kind);
  const line = stored ?? (await solveOnce(problem, kind, problemHash, input, signal));
  if (!stored) input.store?.append(line);
  return line.candidates.map((c) => ({
    text: c.text,
    reward: c.score,
    truncated: c.finishReason === "length" || c.finishReason === "client-limit",
  }));
}

async function solveOnce(
  problem: EvalProblem,
  kind: RequestKind,
  problemHash: string,
  input: LiveDatasetInput,
  signal: AbortSignal,
): Promise<StoreLine> {
  const { settings } = input;
  const greedy = kind === "greedy";
  const request = {
    problem: problem.problem,
    n: greedy ? 1 : settings.n,
    temperature: greedy ? 0 : settings.temperature,
    topP: greedy ? 1 : settings.topP,
    maxTokens: settings.maxTokens,
    seed: settings.seed,
    policyModel: settings.policyModel,
    rewardModel: settings.rewardModel,
  };
  const state = emptySolveState();
  // The pipeline's own ranking (exact-answer groups) is not used: the grader clusters after the run.
  for await (const event of solve(request, input.backends, signal)) applySolveEvent(state, event);
  if (signal.aborted) throw new Error("interrupted");
  if (state.status !== "complete") throw new Error(state.error?.message ?? `solve ended ${state.status}`);
  if (state.policy) input.onServers?.(state.policy, state.reward);
  return {
    dataset: input.name,
    index: problem.index,
    problemHash,
    kind,
    candidates: [...state.candidates]
      .sort((a, b) => a.index - b.index)
      .map((c) => ({ text: c.text, finishReason: c.finishReason, score: c.score })),
    policyModel: state.policy?.model ?? null,
    rewardModel: state.reward?.model ?? null,
  };
}
