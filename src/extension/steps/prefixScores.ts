/**
 * Signal 3, a heuristic: the outcome reward model (AceMath-RM) scores the first k steps of a solution
 * as partial solutions, all prefixes in one batched request; where the score drops sharply, a step is
 * suspect (docs/protocol.md §3). It costs one reward input per step, so it runs only when asked.
 */
import type { RewardBackend } from "../../core/backend/ports";

/** Most prefixes scored at once: a long solution's later steps are left unscored rather than costing more. */
export const MAX_PREFIXES = 40;

/** The solution cut after each step (`ends`: each step's end offset in `text`). */
export function prefixesOf(text: string, ends: readonly number[]): string[] {
  return ends.slice(0, MAX_PREFIXES).map((end) => text.slice(0, end).trimEnd());
}

/** One score per step (null past `MAX_PREFIXES` or where the server could not score), from one request. */
export async function prefixScores(
  reward: RewardBackend,
  model: string,
  problem: string,
  text: string,
  ends: readonly number[],
  signal: AbortSignal,
): Promise<Array<number | null>> {
  const prefixes = prefixesOf(text, ends);
  if (prefixes.length === 0) return [];
  const { scores } = await reward.score(model, problem, prefixes, signal);
  return ends.map((_, k) => scores[k] ?? null);
}
