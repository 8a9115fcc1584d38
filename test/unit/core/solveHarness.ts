/** Helpers for running the real pipeline against the simulated backend in unit tests. */
import { OpenAiPolicyBackend } from "../../../src/backends/http/openaiPolicy";
import type { RewardBackend } from "../../../src/core/backend/ports";
import type { Timeouts, Wait } from "../../../src/backends/http/transport";
import { REWARD_PROBE_PROBLEM, VllmRewardBackend } from "../../../src/backends/http/vllmReward";
import type { SolveEvent } from "../../../src/core/solve/events";
import { solve, type SolveDependencies } from "../../../src/core/solve/pipeline";
import type { SolveRequest } from "../../../src/core/solve/request";
import { applySolveEvent, emptySolveState, type SolveState } from "../../../src/core/solve/state";
import type { RecordedRequest, SimServer } from "../../sim";

export function request(problem: string, overrides: Partial<SolveRequest> = {}): SolveRequest {
  return {
    problem,
    n: 8,
    temperature: 0.7,
    topP: 0.8,
    maxTokens: 2048,
    seed: 1234,
    policyModel: null,
    rewardModel: null,
    // These tests assert scoring, faults and transport; the reward's own order is the plainest to check.
    // The default policy (weighted vote) has its own test in pipeline.test.ts.
    rankingPolicy: "reward-top1",
    ...overrides,
  };
}

/** Retries without real waiting: tests see the waits asked for, not the clock. */
export const NO_WAIT = { wait: async () => undefined };

export function simBackends(
  sim: SimServer,
  options: {
    reward?: boolean | RewardBackend;
    onLog?: (message: string) => void;
    timeouts?: Timeouts;
    wait?: Wait;
  } = {},
): SolveDependencies {
  const common = {
    apiKey: null,
    onLog: options.onLog,
    timeouts: options.timeouts,
    wait: options.wait ?? NO_WAIT.wait,
  };
  const reward =
    options.reward === false
      ? null
      : typeof options.reward === "object"
        ? options.reward
        : new VllmRewardBackend({ baseUrl: sim.rewardBaseUrl, ...common });
  return { policy: new OpenAiPolicyBackend({ baseUrl: sim.policyBaseUrl, ...common }), reward };
}

export interface SolveRun {
  events: SolveEvent[];
  state: SolveState;
}

/** Runs a solve to its end; `onEvent` may abort. */
export async function runSolve(
  req: SolveRequest,
  deps: SolveDependencies,
  options: { signal?: AbortSignal; onEvent?: (event: SolveEvent, state: SolveState) => void } = {},
): Promise<SolveRun> {
  const events: SolveEvent[] = [];
  const state = emptySolveState();
  for await (const event of solve(req, deps, options.signal ?? new AbortController().signal)) {
    events.push(event);
    applySolveEvent(state, event);
    options.onEvent?.(event, state);
  }
  return { events, state };
}

export function eventsOfType<T extends SolveEvent["type"]>(events: SolveEvent[], type: T) {
  return events.filter((e): e is Extract<SolveEvent, { type: T }> => e.type === type);
}

/** The generation requests of solves (streaming), leaving out the one-token probe that learns `n`. */
export { solveChats } from "../../sim";

/** The reward client's one-time probe scores a fixed tiny input; real scoring requests carry candidates. */
export function isRewardProbe(r: RecordedRequest): boolean {
  return JSON.stringify(r.body ?? "").includes(REWARD_PROBE_PROBLEM);
}

/** Scoring requests of solves on `path`, without the dialect probe. */
export function scoringCalls(sim: SimServer, path = "/classify"): RecordedRequest[] {
  return sim.requests.filter((r) => r.path === path && !isRewardProbe(r));
}

/**
 * Lets the long-lived backends learn the server before a fault is switched on, as they would have on
 * an earlier solve: the fault then hits the solve, not the one-time probes.
 */
export async function learnEndpoints(deps: SolveDependencies, sim: SimServer): Promise<void> {
  const signal = new AbortController().signal;
  const policy = deps.policy as OpenAiPolicyBackend;
  await policy.nSupport(sim.policyModel, signal);
  if (deps.reward instanceof VllmRewardBackend) await deps.reward.detect(sim.rewardModel, signal);
  sim.requests.length = 0;
}
