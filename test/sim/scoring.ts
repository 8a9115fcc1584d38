// TEST FIXTURE: the simulated reward model. Scores are the data's real RM scores wherever the text allows.
import { lookupProblem } from "./data";
import { hashString, roundLikeBf16Score } from "./random";
import type { SimDataset, SimSolution } from "./types";

/** A shorter shared opening is too common among solutions of one problem to say which one was meant. */
const MIN_SHARED_PREFIX = 64;

export type RewardBasis = "recorded" | "synthetic" | "prefix" | "hash";

export interface SimReward {
  score: number;
  /** recorded/synthetic: the text is a known solution; prefix: it shares an opening with one; hash: unknown. */
  basis: RewardBasis;
}

function sharedPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The recorded solution sharing the longest opening with `text` (a truncated or extended copy of it). */
function closestByPrefix(solutions: readonly SimSolution[], text: string): SimSolution | undefined {
  let best: { solution: SimSolution; shared: number } | undefined;
  for (const solution of solutions) {
    const shared = sharedPrefixLength(solution.text.trim(), text);
    if (shared > (best?.shared ?? 0)) best = { solution, shared };
  }
  return best && best.shared >= Math.min(MIN_SHARED_PREFIX, text.length) ? best.solution : undefined;
}

/** A stable score in [-4, 4) for a text the data knows nothing about. */
export function hashReward(problem: string, solution: string): number {
  return roundLikeBf16Score((hashString(`${problem}\u0000${solution}`) / 4294967296) * 8 - 4);
}

export function rewardFor(dataset: SimDataset, problem: string, solution: string): SimReward {
  const record = lookupProblem(dataset, problem);
  const text = solution.trim();
  if (record && text !== "") {
    const exact = record.solutions.find((s) => s.text.trim() === text);
    if (exact) return { score: exact.reward, basis: exact.rewardSource };
    const similar = closestByPrefix(record.solutions, text);
    if (similar) return { score: similar.reward, basis: "prefix" };
  }
  return { score: hashReward(problem, solution), basis: "hash" };
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
