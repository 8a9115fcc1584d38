/**
 * The solve pipeline: problem → one streaming request for n candidates → per-candidate answer
 * extraction → reward scoring as soon as each candidate finishes (overlapping generation) →
 * ranking. Output is an async stream of `SolveEvent`s; the caller's AbortSignal cancels every
 * HTTP request and the stream ends with what had arrived.
 */
import { SETTING, adviseOnBackendError, type AdviceContext } from "../backend/advice";
import { isAbortError } from "../backend/errors";
import type { PolicyBackend, RewardBackend } from "../backend/ports";
import { AsyncQueue } from "../util/asyncQueue";
import { planTokenBudget } from "./budget";
import { streamCandidates } from "./candidateStream";
import type { BackendInfo, SolveEvent } from "./events";
import { resolveBackends, type ResolvedBackends } from "./discovery";
import { groupByExactAnswer, type AnswerGrouper } from "./ranking";
import type { SolveRequest } from "./request";
import { RankingTracker } from "./rankingTracker";
import { RewardScheduler } from "./rewardScheduler";

export interface SolveDependencies {
  policy: PolicyBackend;
  /** Null when the user configured no reward model. */
  reward: RewardBackend | null;
  groupAnswers?: AnswerGrouper;
}

export function solve(
  request: SolveRequest,
  deps: SolveDependencies,
  signal: AbortSignal,
): AsyncIterable<SolveEvent> {
  const events = new AsyncQueue<SolveEvent>();
  const emit: Emit = (event) => events.push(event);
  runSolve(request, deps, signal, emit)
    .catch((error: unknown) => {
      // A bug must still end the stream with a message, never as an unhandled rejection.
      emit({ type: "error", error: adviseOnBackendError(error, adviceContext(request)) });
      emit({ type: "done", outcome: "failed" });
    })
    .finally(() => events.close());
  return events;
}

type Emit = (event: SolveEvent) => void;

async function runSolve(request: SolveRequest, deps: SolveDependencies, signal: AbortSignal, emit: Emit) {
  let backends: ResolvedBackends;
  try {
    backends = await resolveBackends(request, deps, signal);
  } catch (error) {
    // The views still show what was asked and where (both servers, as configured), next to the error.
    const policy = configuredBackend(deps.policy, request.policyModel);
    const reward = deps.reward ? configuredBackend(deps.reward, request.rewardModel) : null;
    emit({ type: "started", problem: request.problem, n: request.n, policy, reward });
    finishEarly(error, signal, emit, adviceContext(request));
    return;
  }
  emit({
    type: "started",
    problem: request.problem,
    n: request.n,
    policy: backends.policyInfo,
    reward: backends.rewardInfo,
  });
  backends.warnings.forEach(emit);
  let maxTokens: number;
  try {
    maxTokens = await fitBudget(request, deps.policy, backends, signal, emit);
  } catch (error) {
    finishEarly(error, signal, emit, adviceContext(request));
    return;
  }
  if (maxTokens < 0) return;
  const ranking = new RankingTracker(
    deps.groupAnswers ?? groupByExactAnswer,
    emit,
    backends.rewardInfo !== null,
    request.rankingPolicy,
  );
  const scheduler = backends.rewardInfo
    ? new RewardScheduler({
        backend: deps.reward as RewardBackend,
        model: backends.rewardInfo.model,
        problem: request.problem,
        signal,
        emit,
        ranking,
      })
    : null;
  const outcome = await streamCandidates({
    request: { ...request, maxTokens },
    policy: deps.policy,
    model: backends.policyInfo.model,
    signal,
    emit,
    ranking,
    scheduler,
    advice: adviceContext(request),
  });
  if (!signal.aborted) await scheduler?.drain();
  await ranking.settle();
  emit({ type: "done", outcome: signal.aborted ? "cancelled" : outcome });
}

/** max_tokens that fits the context (a warning when lowered), or −1 after reporting a problem that cannot fit. */
async function fitBudget(
  request: SolveRequest,
  policy: PolicyBackend,
  backends: ResolvedBackends,
  signal: AbortSignal,
  emit: Emit,
): Promise<number> {
  const decision = await planTokenBudget(
    policy,
    backends.policyInfo.model,
    request.problem,
    request.maxTokens,
    backends.policyMaxModelLen,
    signal,
  );
  switch (decision.kind) {
    case "fits":
      return decision.maxTokens;
    case "lowered":
      emit({ type: "warning", code: "max-tokens-lowered", message: decision.message });
      return decision.maxTokens;
    case "too-long":
      emit({ type: "error", error: { message: decision.message, setting: SETTING.maxTokens } });
      emit({ type: "done", outcome: "failed" });
      return -1;
  }
}

function finishEarly(error: unknown, signal: AbortSignal, emit: Emit, advice: AdviceContext): void {
  if (signal.aborted || isAbortError(error)) {
    emit({ type: "done", outcome: "cancelled" });
    return;
  }
  emit({ type: "error", error: adviseOnBackendError(error, advice) });
  emit({ type: "done", outcome: "failed" });
}

/**
 * A backend as the settings name it, before any server answered (so not known to be simulated).
 * An empty model means "the first model the server lists", not "no reward model".
 */
function configuredBackend(backend: { baseUrl: string }, model: string | null): BackendInfo {
  return { url: backend.baseUrl, model: model ?? "", simulated: false };
}

/** What the advice's start commands should name: the configured models (or AceMath's defaults). */
function adviceContext(request: SolveRequest): AdviceContext {
  return { policyModel: request.policyModel, rewardModel: request.rewardModel };
}
