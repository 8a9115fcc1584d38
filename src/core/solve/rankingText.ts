/**
 * How the candidates of a solve are (or will be) ordered, in words. One home for the panel's header
 * and the CLI's summary, so both say what was actually done (reward, vote, a reward model that gave
 * up, a cancel before scoring).
 */
import type { RankingMethod, ScoreKind } from "./events";
import { candidateCounts, type SolveState } from "./state";

export const MAJORITY_NOTICE = "No reward model was used — ranked by majority vote over final answers";
/** The reward model was in use but gave up mid-solve (failed, or useless scores): the warning says why. */
export const REWARD_FALLBACK_NOTICE =
  "Reward scoring failed (see the warning) — ranked by majority vote over final answers instead";

/** The user chose majority vote (`acemath.ranking.policy`) although a reward model scores the candidates. */
export const CHOSEN_MAJORITY_NOTICE =
  "Ranked by majority vote over final answers (acemath.ranking.policy); reward scores shown";

/** How a pick was made, in a few words (the hover's agreement line, the side panel). */
export function pickedByWords(method: RankingMethod | null): string {
  if (method === "reward") return "reward model";
  if (method === "weighted-vote") return "reward-weighted vote";
  return "majority vote";
}

/** The reward model gave up mid-solve (its warning says why), as opposed to the user choosing a vote. */
function rewardGaveUp(state: SolveState): boolean {
  return state.warnings.some((w) => w.code === "reward-failed" || w.code === "reward-degenerate");
}

export function rankingMethodText(state: SolveState): string {
  if (state.status === "cancelled") return cancelledRankingText(state);
  if (state.rankingMethod === "majority") {
    if (!state.reward) return MAJORITY_NOTICE;
    return rewardGaveUp(state) ? REWARD_FALLBACK_NOTICE : CHOSEN_MAJORITY_NOTICE;
  }
  if (state.rankingMethod === "reward") {
    const model = state.reward?.model ?? "(unknown)";
    return `Ranked by reward model ${model}${scoreKindSuffix(state.scoreKind)}`;
  }
  if (state.rankingMethod === "weighted-vote") {
    const model = state.reward?.model ?? "(unknown)";
    return `Ranked by reward-weighted vote over final answers (softmax of ${model}'s scores)`;
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
  if (state.rankingMethod === "weighted-vote" && scored > 0)
    return `${head}, ${scored} scored — ranked by reward-weighted vote over final answers`;
  if (state.rankingMethod === "majority")
    return `${head}, not scored — ranked by majority vote over final answers`;
  return `${head}, not scored`;
}

function scoreKindSuffix(kind: ScoreKind | null): string {
  if (kind === "sigmoid") return " (sigmoid scores, 0–1)";
  if (kind === "raw") return " (raw scores)";
  return "";
}
