/**
 * The AceMath paper's metrics (docs/protocol.md §5), as pure functions over graded samples.
 * Correctness and answer classes are decided beforehand by the grading engine; nothing here grades.
 * A subset of samples is always taken in generation order, so "ties go to the first seen" means the
 * first generated, and k = N gives the same result for every draw.
 */
import { mulberry32, sampleIndices } from "./random";

export interface GradedSample {
  /** The extracted answer; null when none could be extracted (counted as no-answer, never as a class). */
  answer: string | null;
  correct: boolean;
  /** Equivalence class among the problem's samples (the grader's clustering); null without an answer. */
  classId: number | null;
  /** Reward-model score; null when not scored. */
  reward: number | null;
  /** Cut off by the token limit: counted as no-answer even when a box was found earlier. */
  truncated?: boolean;
}

export interface ProblemSamples {
  /** The greedy sample (--greedy); pass@1 falls back to the first sample without it. */
  greedy?: GradedSample;
  samples: GradedSample[];
}

export type Selector = (samples: readonly GradedSample[]) => GradedSample | null;

export function isNoAnswer(sample: GradedSample): boolean {
  return sample.answer === null || sample.truncated === true;
}

export function passAt1(problem: ProblemSamples): number {
  const sample = problem.greedy ?? problem.samples[0];
  return sample?.correct ? 1 : 0;
}

/** maj@k: the largest class's first member; ties go to the class seen first; no answer at all: null. */
export const majority: Selector = (samples) => voteBy(samples, () => 1);

/** rm@k: the highest reward (unscored samples lose to scored ones); ties go to the first. */
export const bestReward: Selector = (samples) => {
  let best: GradedSample | null = null;
  for (const s of samples) if (!best || rewardOf(s) > rewardOf(best)) best = s;
  return best;
};

/**
 * Reward-weighted vote: each class weighs the softmax of its members' rewards (exp(r − max r)), so
 * raw logits of either sign weigh positively and a shift of every score changes nothing.
 */
export const weightedVote: Selector = (samples) => {
  const top = Math.max(...samples.filter((s) => !isNoAnswer(s)).map(rewardOf));
  if (!Number.isFinite(top)) return majority(samples);
  return voteBy(samples, (s) => (s.reward === null ? 0 : Math.exp(s.reward - top)));
};

function rewardOf(sample: GradedSample): number {
  return sample.reward ?? -Infinity;
}

function voteBy(samples: readonly GradedSample[], weight: (s: GradedSample) => number): GradedSample | null {
  const totals = new Map<number, { weight: number; first: GradedSample }>();
  for (const s of samples) {
    if (s.classId === null || isNoAnswer(s)) continue;
    const entry = totals.get(s.classId) ?? { weight: 0, first: s };
    entry.weight += weight(s);
    totals.set(s.classId, entry);
  }
  let winner: { weight: number; first: GradedSample } | undefined;
  for (const entry of totals.values()) if (!winner || entry.weight > winner.weight) winner = entry;
  return winner?.first ?? null;
}

/**
 * A selector's accuracy on one problem at k: with N ≤ k every sample once (a problem with fewer
 * than k samples uses what it has); else the mean over `seeds` random draws of k of N.
 */
export function selectAtK(problem: ProblemSamples, k: number, select: Selector, draws: Draws): number {
  const n = problem.samples.length;
  if (n === 0) return 0;
  if (n <= k) return select(problem.samples)?.correct ? 1 : 0;
  let hits = 0;
  for (const indices of draws.of(n, k)) if (select(indices.map((i) => problem.samples[i]!))?.correct) hits++;
  return hits / draws.count;
}

/** Oracle pass@k, unbiased (Chen et al. 2021): 1 − C(n−c, k) / C(n, k); k ≥ n: any correct. */
export function passAtK(n: number, c: number, k: number): number {
  if (c <= 0) return 0;
  if (k >= n) return 1;
  if (n - c < k) return 1;
  let missAll = 1;
  for (let i = n - c + 1; i <= n; i++) missAll *= 1 - k / i;
  return 1 - missAll;
}

export function oraclePassAtK(problem: ProblemSamples, k: number): number {
  const n = problem.samples.length;
  return passAtK(n, problem.samples.filter((s) => s.correct).length, k);
}

/** Share of samples (the greedy one included) with no extractable answer or cut off. */
export function noAnswerShare(problem: ProblemSamples): { none: number; total: number } {
  const all = problem.greedy ? [problem.greedy, ...problem.samples] : problem.samples;
  return { none: all.filter(isNoAnswer).length, total: all.length };
}

/**
 * The random draws of k of N, the same for every problem and metric of a run (seed s → draw s), so
 * metrics are compared on identical subsets and a run is repeatable.
 */
export class Draws {
  private readonly cache = new Map<string, number[][]>();
  constructor(
    readonly count: number,
    private readonly baseSeed = 0,
  ) {}

  of(n: number, k: number): number[][] {
    const key = `${n}:${k}`;
    let draws = this.cache.get(key);
    if (!draws) {
      draws = [];
      for (let s = 0; s < this.count; s++) draws.push(sampleIndices(n, k, mulberry32(this.baseSeed + s)));
      this.cache.set(key, draws);
    }
    return draws;
  }
}

/** Percentile bootstrap over problems (resampled with replacement) of the mean of per-problem scores. */
export function bootstrapInterval(
  scores: readonly number[],
  options: { resamples?: number; level?: number; seed?: number } = {},
): { low: number; high: number } {
  const n = scores.length;
  if (n === 0) return { low: 0, high: 0 };
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const random = mulberry32(options.seed ?? 12345);
  const means: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += scores[Math.floor(random() * n)]!;
    means.push(sum / n);
  }
  means.sort((a, b) => a - b);
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
}
