/**
 * Per-dataset metrics in percent, as the paper names them (`pass@1`, `maj@8`, `rm@8`, `weighted@8`,
 * `pass@8`, `no_answer`), with bootstrap intervals, and their average over datasets.
 */
import {
  bestReward,
  bootstrapInterval,
  Draws,
  majority,
  noAnswerShare,
  oraclePassAtK,
  passAt1,
  selectAtK,
  weightedVote,
  type ProblemSamples,
} from "./metrics";

export interface SummaryOptions {
  ks: number[];
  seeds: number;
}

export interface DatasetSummary {
  name: string;
  problems: number;
  /** Metric name → percent. */
  metrics: Record<string, number>;
  /** Metric name → 95 % bootstrap interval over problems, in percent. */
  intervals: Record<string, [number, number]>;
  /** Problems that failed permanently (reported, not dropped: they count as wrong). */
  failed: number;
}

export interface EvalSummary {
  datasets: DatasetSummary[];
  average: Record<string, number>;
}

type PerProblem = (p: ProblemSamples) => number;

export function metricFunctions(options: SummaryOptions): [string, PerProblem][] {
  const draws = new Draws(options.seeds);
  const functions: [string, PerProblem][] = [["pass@1", passAt1]];
  for (const k of options.ks) {
    functions.push([`maj@${k}`, (p) => selectAtK(p, k, majority, draws)]);
    functions.push([`rm@${k}`, (p) => selectAtK(p, k, bestReward, draws)]);
    functions.push([`weighted@${k}`, (p) => selectAtK(p, k, weightedVote, draws)]);
    // pass@1 is the paper's greedy (or first-sample) accuracy; the oracle starts at k = 2.
    if (k > 1) functions.push([`pass@${k}`, (p) => oraclePassAtK(p, k)]);
  }
  return functions;
}

export function summarizeDataset(
  name: string,
  problems: ProblemSamples[],
  options: SummaryOptions & { failed?: number },
): DatasetSummary {
  const failed = options.failed ?? 0;
  const total = problems.length + failed;
  const metrics: Record<string, number> = {};
  const intervals: Record<string, [number, number]> = {};
  for (const [metric, perProblem] of metricFunctions(options)) {
    const scores = [...problems.map(perProblem), ...Array<number>(failed).fill(0)];
    metrics[metric] = percent(total === 0 ? 0 : sum(scores) / total);
    const ci = bootstrapInterval(scores);
    intervals[metric] = [percent(ci.low), percent(ci.high)];
  }
  const shares = problems.map(noAnswerShare);
  const samples = sum(shares.map((s) => s.total));
  metrics.no_answer = percent(samples === 0 ? 0 : sum(shares.map((s) => s.none)) / samples);
  return { name, problems: total, metrics, intervals, failed };
}

export function summarize(datasets: DatasetSummary[]): EvalSummary {
  const average: Record<string, number> = {};
  const names = datasets[0] ? Object.keys(datasets[0].metrics) : [];
  for (const metric of names)
    average[metric] = round(sum(datasets.map((d) => d.metrics[metric] ?? 0)) / datasets.length);
  return { datasets, average };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function percent(share: number): number {
  return round(share * 100);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
