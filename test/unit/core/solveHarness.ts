/** Helpers for running the real pipeline against the simulated backend in unit tests. */
import { OpenAiPolicyBackend } from "../../../src/core/backend/openaiPolicy";
import type { RewardBackend } from "../../../src/core/backend/ports";
import { VllmRewardBackend } from "../../../src/core/backend/vllmReward";
import type { SolveEvent } from "../../../src/core/solve/events";
import { solve, type SolveDependencies } from "../../../src/core/solve/pipeline";
import type { SolveRequest } from "../../../src/core/solve/request";
import { applySolveEvent, emptySolveState, type SolveState } from "../../../src/core/solve/state";
import type { SimServer } from "../../sim";

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
    ...overrides,
  };
}

export function simBackends(
  sim: SimServer,
  options: { reward?: boolean | RewardBackend } = {},
): SolveDependencies {
  const reward =
    options.reward === false
      ? null
      : typeof options.reward === "object"
        ? options.reward
        : new VllmRewardBackend({ baseUrl: sim.rewardBaseUrl, apiKey: null });
  return { policy: new OpenAiPolicyBackend({ baseUrl: sim.policyBaseUrl, apiKey: null }), reward };
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
