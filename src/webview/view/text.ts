/** The panel's wording, as pure functions of the state (DOM-free, unit-tested). */
import { hasEnded } from "../../core/solve/events";
import type { CandidateState, SolveState, SolveStatus } from "../../core/solve/state";

export {
  CHOSEN_MAJORITY_NOTICE,
  MAJORITY_NOTICE,
  REWARD_FALLBACK_NOTICE,
  rankingMethodText,
} from "../../core/solve/rankingText";

export function formatScore(score: number | null): string {
  if (score === null) return "—";
  return Math.abs(score) >= 100 ? score.toFixed(1) : score.toFixed(3);
}

export function statusText(state: SolveState): string {
  // Candidates cut off by a cancel or an error did not finish, though they stopped.
  const finished = state.candidates.filter((c) => hasEnded(c.finishReason)).length;
  const total = Math.max(state.n, state.candidates.length);
  switch (state.status) {
    case "idle":
      return "Waiting for a problem";
    case "running":
      return `Solving — ${finished} of ${total} candidates finished`;
    case "complete":
      return `Done — ${total} candidates`;
    case "cancelled":
      return `Cancelled — ${finished} of ${total} candidates finished`;
    case "failed":
      return "Failed";
  }
}

/** Each candidate's 1-based rank, from `state.order` (best first). */
export function ranksByIndex(state: SolveState): Map<number, number> {
  return new Map(state.order.map((index, position) => [index, position + 1]));
}

/** Unfinished candidates of a solve that stopped (cancelled, failed) are not streaming any more. */
export function isStreaming(candidate: CandidateState, status: SolveStatus): boolean {
  return candidate.finishReason === null && status === "running";
}

/** The model ended its solution without a \\boxed{} answer (a cut-off candidate never had the chance). */
export function hasNoAnswer(candidate: CandidateState): boolean {
  return hasEnded(candidate.finishReason) && candidate.answer === null;
}

export function isTruncated(candidate: CandidateState): boolean {
  return candidate.finishReason === "length";
}

/** What a card shows in place of an answer it does not have. */
export function answerPlaceholder(candidate: CandidateState, status: SolveStatus): string {
  if (candidate.finishReason === "cancelled") return "cancelled";
  if (candidate.finishReason === null) {
    if (status === "running") return "…";
    return status === "cancelled" ? "cancelled" : "none";
  }
  return "none";
}
