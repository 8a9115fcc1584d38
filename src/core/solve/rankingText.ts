/**
 * How the candidates of a solve are (or will be) ordered, in words. One home for the panel's header
 * and the CLI's summary, so both say what was actually done (reward, vote, a reward model that gave
 * up, a cancel before scoring).
 */
import type { ScoreKind } from "./events";
import { candidateCounts, type SolveState } from "./state";

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
