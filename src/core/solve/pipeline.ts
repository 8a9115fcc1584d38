/**
 * The solve pipeline: problem → one streaming request for n candidates → per-candidate answer
 * extraction → reward scoring as soon as each candidate finishes (overlapping generation) →
 * ranking. Output is an async stream of `SolveEvent`s; the caller's AbortSignal cancels every
 * HTTP request and the stream ends with what had arrived.
 */
import { adviseOnBackendError } from "../backend/advice";
import { ChoiceAccumulator } from "../backend/demux";
import { isAbortError } from "../backend/errors";
import type { ChoiceChunk, PolicyBackend, RewardBackend } from "../backend/ports";
import { extractBoxed } from "../grading/extract";
import { AsyncQueue } from "../util/asyncQueue";
import type { SolveEvent } from "./events";
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
      emit({ type: "error", error: adviseOnBackendError(error) });
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
    // The views still show what was asked and where, next to the error.
    const policy = { url: deps.policy.baseUrl, model: request.policyModel ?? "", simulated: false };
    emit({ type: "started", problem: request.problem, n: request.n, policy, reward: null });
    finishEarly(error, signal, emit);
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
  const ranking = new RankingTracker(
    deps.groupAnswers ?? groupByExactAnswer,
    emit,
    backends.rewardInfo !== null,
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
  const outcome = await streamCandidates(
    request,
    deps.policy,
    backends.policyInfo.model,
    signal,
    emit,
    ranking,
    scheduler,
  );
  if (!signal.aborted) await scheduler?.drain();
  await ranking.settle();
  emit({ type: "done", outcome: signal.aborted ? "cancelled" : outcome });
}

function finishEarly(error: unknown, signal: AbortSignal, emit: Emit): void {
  if (signal.aborted || isAbortError(error)) {
    emit({ type: "done", outcome: "cancelled" });
    return;
  }
  emit({ type: "error", error: adviseOnBackendError(error) });
  emit({ type: "done", outcome: "failed" });
}

async function streamCandidates(
  request: SolveRequest,
  policy: PolicyBackend,
  model: string,
  signal: AbortSignal,
  emit: Emit,
  ranking: RankingTracker,
  scheduler: RewardScheduler | null,
): Promise<"complete" | "failed"> {
  const choices = new ChoiceAccumulator();
  const announced = new Set<number>();
  const onPiece = (piece: ChoiceChunk) => {
    // An empty first piece (vLLM's role chunk) still announces the candidate, so the view shows it streaming.
    if (piece.content || !announced.has(piece.index))
      emit({ type: "delta", index: piece.index, text: piece.content });
    announced.add(piece.index);
    if (!choices.add(piece)) return;
    const text = choices.text(piece.index);
    const answer = extractBoxed(text)?.answer ?? null;
    emit({ type: "finished", index: piece.index, finishReason: piece.finishReason ?? "stop", answer });
    ranking.candidateFinished(piece.index, answer);
    scheduler?.enqueue(piece.index, text);
  };
  let outcome: "complete" | "failed" = "complete";
  try {
    const stream = policy.generate({ ...request, model }, signal);
    for await (const piece of stream) onPiece(piece);
  } catch (error) {
    if (!(signal.aborted && isAbortError(error))) {
      emit({ type: "error", error: adviseOnBackendError(error) });
      outcome = "failed";
    }
  }
  // Candidates cut off by cancellation or a broken stream keep their text; they just have no answer.
  const reason = signal.aborted ? "cancelled" : "error";
  for (const index of choices.unfinished()) {
    emit({ type: "finished", index, finishReason: reason, answer: null });
    ranking.candidateFinished(index, null);
  }
  return outcome;
}
