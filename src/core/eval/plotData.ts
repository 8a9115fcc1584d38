/**
 * The numbers behind the report's plots: accuracy over k for each way of choosing one of k samples
 * (the AceMath paper's Figure 4: rm@k, maj@k, reward-weighted vote, and the oracle pass@k above
 * them), and how reward scores spread for correct and incorrect samples.
 */
import {
  bestReward,
  Draws,
  majority,
  oraclePassAtK,
  selectAtK,
  weightedVote,
  type ProblemSamples,
} from "./metrics";

export interface CurveSeries {
  /** `rm@k`, `maj@k`, `weighted@k`, `pass@k (oracle)`. */
  name: string;
  /** Percent at each k of `CurveData.ks`, averaged over datasets. */
  values: number[];
}

export interface CurveData {
  ks: number[];
  series: CurveSeries[];
}

/** 1, 2, 4, … up to the most samples any problem has, that largest count included, and the run's own ks. */
export function curveKs(maxSamples: number, extra: readonly number[] = []): number[] {
  const ks = new Set<number>();
  for (let k = 1; k < maxSamples; k *= 2) ks.add(k);
  if (maxSamples >= 1) ks.add(maxSamples);
  for (const k of extra) if (k <= maxSamples) ks.add(k);
  return [...ks].sort((a, b) => a - b);
}

export function accuracyCurves(
  datasets: readonly ProblemSamples[][],
  seeds: number,
  extraKs: readonly number[] = [],
): CurveData {
  const maxSamples = Math.max(0, ...datasets.flatMap((d) => d.map((p) => p.samples.length)));
  const ks = curveKs(maxSamples, extraKs);
  const draws = new Draws(seeds);
  const methods: [string, (p: ProblemSamples, k: number) => number][] = [
    ["rm@k", (p, k) => selectAtK(p, k, bestReward, draws)],
    ["maj@k", (p, k) => selectAtK(p, k, majority, draws)],
    ["weighted@k", (p, k) => selectAtK(p, k, weightedVote, draws)],
    ["pass@k (oracle)", (p, k) => oraclePassAtK(p, k)],
  ];
  const series = methods.map(([name, at]) => ({
    name,
    values: ks.map((k) => round(mean(datasets.map((problems) => 100 * mean(problems.map((p) => at(p, k))))))),
  }));
  return { ks, series };
}

export interface Histogram {
  /** Bin edges: bin i holds scores in [edges[i], edges[i+1]) (the last bin includes its upper edge). */
  edges: number[];
  correct: number[];
  incorrect: number[];
  /** Samples left out: not scored. */
  unscored: number;
}

/** Reward scores of all samples with an answer, correct vs incorrect (no-answer samples count as incorrect). */
export function scoreHistogram(datasets: readonly ProblemSamples[][], bins = 24): Histogram {
  const correct: number[] = [];
  const incorrect: number[] = [];
  let unscored = 0;
  for (const problem of datasets.flat())
    for (const s of problem.samples) {
      if (s.reward === null || !Number.isFinite(s.reward)) unscored++;
      else (s.correct ? correct : incorrect).push(s.reward);
    }
  const all = [...correct, ...incorrect];
  if (all.length === 0) return { edges: [], correct: [], incorrect: [], unscored };
  let low = Math.min(...all);
  let high = Math.max(...all);
  if (low === high) [low, high] = [low - 0.5, high + 0.5];
  const width = (high - low) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => low + i * width);
  const count = (values: number[]) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) counts[Math.min(bins - 1, Math.floor((v - low) / width))]!++;
    return counts;
  };
  return { edges, correct: count(correct), incorrect: count(incorrect), unscored };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
