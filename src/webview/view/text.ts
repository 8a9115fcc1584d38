/** The panel's wording, as pure functions of the state (DOM-free, unit-tested). */
import { hasEnded, type ScoreKind } from "../../core/solve/events";
import {
  candidateCounts,
  type CandidateState,
  type SolveState,
  type SolveStatus,
} from "../../core/solve/state";

export const MAJORITY_NOTICE = "No reward model was used — ranked by majority vote over final answers";
/** The reward model was in use but gave up mid-solve (failed, or useless scores): the warning says why. */
export const REWARD_FALLBACK_NOTICE =
  "Reward scoring failed (see the warning) — ranked by majority vote over final answers instead";

export function rankingMethodText(state: SolveState): string {
  if (state.status === "cancelled") return cancelledRankingText(state);
  if (state.rankingMethod === "majority") return state.reward ? REWARD_FALLBACK_NOTICE : MAJORITY_NOTICE;
  if (state.rankingMethod === "reward") {
    const model = state.reward?.model ?? "(unknown)";
    return `Ranked by reward model ${model}${scoreKindSuffix(state.scoreKind)}`;
  }
  // Not ranked yet: while solving, say how it will be; a failed or cancelled solve may never be.
  if (state.status !== "running") return "";
  if (state.reward) return `Will be ranked by reward model ${state.reward.model} when candidates finish`;
  return MAJORITY_NOTICE;
}

/** After a cancel, only what was actually done: how many finished, how many were scored, how they are ordered. */
function cancelledRankingText(state: SolveState): string {
  const { ended, total, scored } = candidateCounts(state);
  const head = `Cancelled: ${ended} of ${total} finished`;
  if (ended === 0) return `${head}, nothing to rank`;
  if (state.rankingMethod === "reward" && scored > 0) {
    const model = state.reward?.model ?? "(unknown)";
    return `${head}, ${scored} scored — ranked by reward model ${model}${scoreKindSuffix(state.scoreKind)}`;
  }
  if (state.rankingMethod === "majority")
    return `${head}, not scored — ranked by majority vote over final answers`;
  return `${head}, not scored`;
}

function scoreKindSuffix(kind: ScoreKind | null): string {
  if (kind === "sigmoid") return " (sigmoid scores, 0–1)";
  if (kind === "raw") return " (raw scores)";
  return "";
}

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
