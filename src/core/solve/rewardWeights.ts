/**
 * Reward scores → vote weights, for the reward-weighted vote (`acemath.ranking.policy`
 * "weighted-vote"). AceMath-RM's scores are logits: unbounded, of either sign, and only their
 * differences mean anything. Summing them per answer would let one very negative candidate cancel a
 * good one, so each candidate weighs the softmax of its logit over the solve's candidates:
 *
 *     w_i = exp(ℓ_i − max ℓ) / Σ_j exp(ℓ_j − max ℓ)
 *
 * Weights are positive, sum to 1, and shifting every score changes nothing (the same transform as
 * `weightedVote` in src/core/eval/metrics.ts). A server that returns sigmoid values p (vLLM before
 * `use_activation`) is mapped back to logits first, ℓ = ln(p / (1 − p)) with p clamped to
 * [1e-6, 1 − 1e-6], so both dialects weigh alike. Unscored candidates weigh 0.
 */
import type { ScoreKind } from "./events";

const P_CLAMP = 1e-6;

export function toLogit(score: number, kind: ScoreKind | null): number {
  if (kind !== "sigmoid") return score;
  const p = Math.min(1 - P_CLAMP, Math.max(P_CLAMP, score));
  return Math.log(p / (1 - p));
}

export function rewardWeights(scores: readonly (number | null)[], kind: ScoreKind | null): number[] {
  const logits = scores.map((s) => (s === null || !Number.isFinite(s) ? null : toLogit(s, kind)));
  const top = Math.max(...logits.filter((l): l is number => l !== null));
  if (!Number.isFinite(top)) return scores.map(() => 0);
  const raw = logits.map((l) => (l === null ? 0 : Math.exp(l - top)));
  const total = raw.reduce((sum, w) => sum + w, 0);
  return raw.map((w) => w / total);
}
