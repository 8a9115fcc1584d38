/**
 * `acemath eval`: the AceMath paper's protocol (pass@1, maj@k, rm@k, reward-weighted vote@k,
 * oracle pass@k, no-answer rate) on benchmark files against a backend, or offline on stored
 * generations (`--from-samples`). The Markdown table goes to stdout; with --json the JSON summary
 * is the last stdout line and progress on stderr is JSON too.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { readDatasetText, type EvalProblem } from "../core/eval/datasets";
import { readSamplesText } from "../core/eval/fromSamples";
import { browsedProblem, type BrowsedProblem } from "../core/eval/browse";
import { Rescorer } from "../core/eval/rescore";
import { DEFAULT_REWARD_BATCH, type RewardBatchLimits } from "../core/eval/rewardBatcher";
import { gradeProblem, type GradedProblem, type SampleText } from "../core/eval/grade";
import { runLiveDataset, type LiveSettings } from "../backends/eval/live";
import { buildManifest, datasetEntry, writeManifest } from "../backends/eval/manifest";
import { jsonSummary, markdownTable } from "../core/eval/report";
import { hashText, SampleStore, storeHasData } from "../backends/eval/store";
import { ScoreStore, samplesHash, scoreStoreHasData } from "../backends/eval/scoreStore";
import { ModelsOncePolicy } from "../backends/eval/runBackends";
import { summarize, summarizeDataset, type DatasetSummary, type EvalSummary } from "../core/eval/summary";
import { createGrader } from "../backends/grading";
import { type Grader } from "../core/grading";
import { DEFAULT_SOLVE_OPTIONS } from "../core/solve/request";
import { terminalSafeLine } from "../core/util/terminalSafe";
import { ENDPOINT_OPTIONS, ENDPOINT_USAGE, cliEndpoints } from "./endpoints";
import { ProgressDisplay, progressMode } from "./evalProgress";
import { EvalReportWriter } from "./evalReport";
import { UsageError, type CliIo } from "./io";

export const EVAL_USAGE = `acemath eval --data FILE.jsonl [--data …] [options]   (or --from-samples FILE.jsonl [--from-samples …])
${ENDPOINT_USAGE}
  --data FILE          benchmark JSONL (gsm8k, MATH, minerva, olympiadbench, mmlu_stem layouts, or any
                       JSONL with problem|question and answer|gt|final_answer)
  --problem-field F    --gold-field F   name other fields of --data records
  --from-samples FILE  evaluate stored generations offline (texts in code|samples, rewards in pred_score|rewards)
  --rescore            with --from-samples: score the stored texts again with --reward-url/--reward-model
  --n N                samples per problem (default 8)      --greedy   also one greedy sample for pass@1
  --k LIST             k values, e.g. 1,2,4,8 (default N)   --seeds S  random draws of k of N (default 100)
  --limit N            first N problems of each file        --concurrency C  problems at once (default 4)
  --reward-batch B     samples per reward request (default ${DEFAULT_REWARD_BATCH.maxInputs}); problems whose samples
                       are ready together share a request
  --temperature T --top-p P --max-tokens K --seed S   sampling (defaults 0.7, 0.8, 2048, 0)
  --out DIR            append every generation to DIR/samples.jsonl (--rescore: scores to DIR/scores.jsonl),
                       write DIR/manifest.json, and the report: DIR/report.html, curves.svg, scores.svg
  --no-report          with --out: no report.html or plots (about 10 ms a problem to typeset)
  --resume             reuse what DIR holds; only missing problems are generated (or rescored)
  --json               JSON summary as the last stdout line; progress on stderr as JSON lines
  On a terminal a progress bar on stderr shows problems done, samples/s, tokens/s and the time left.`;

const OPTIONS = {
  ...ENDPOINT_OPTIONS,
  data: { type: "string", multiple: true },
  "from-samples": { type: "string", multiple: true },
  "problem-field": { type: "string" },
  "gold-field": { type: "string" },
  n: { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.n) },
  k: { type: "string" },
  seeds: { type: "string", default: "100" },
  greedy: { type: "boolean", default: false },
  limit: { type: "string" },
  concurrency: { type: "string", default: "4" },
  "reward-batch": { type: "string", default: String(DEFAULT_REWARD_BATCH.maxInputs) },
  temperature: { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.temperature) },
  "top-p": { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.topP) },
  "max-tokens": { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.maxTokens) },
  seed: { type: "string", default: "0" },
  out: { type: "string" },
  resume: { type: "boolean", default: false },
  rescore: { type: "boolean", default: false },
  "no-report": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
} as const;

type Values = ReturnType<typeof parseEvalArgs>["values"];

export async function runEval(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseEvalArgs(args);
  if (positionals.length > 0)
    throw new UsageError(`eval takes no positional arguments (got "${positionals[0]}")`);
  const data = values.data ?? [];
  const stored = values["from-samples"] ?? [];
  if (data.length === 0 && stored.length === 0)
    throw new UsageError("eval needs --data FILE or --from-samples FILE");
  if (data.length > 0 && stored.length > 0)
    throw new UsageError("use either --data or --from-samples, not both");
  if (values.resume && !values.out) throw new UsageError("--resume needs --out DIR");
  if (values.rescore && stored.length === 0) throw new UsageError("--rescore goes with --from-samples");
  const n = positiveInteger(values.n, "--n");
  const ks = values.k === undefined ? [n] : values.k.split(",").map((k) => positiveInteger(k.trim(), "--k"));
  const seeds = positiveInteger(values.seeds, "--seeds");
  const limit = values.limit === undefined ? Infinity : positiveInteger(values.limit, "--limit");
  const progress = new ProgressDisplay(io, progressMode(io, values.json));
  for (const k of ks.filter((k) => data.length > 0 && k > n))
    io.stderr.write(`note: k=${k} is more than --n ${n}: every problem uses all its samples for @${k}\n`);
  const grader = createGrader();
  // Loaded now, and typesetting each problem as it finishes: after the last sample only the page is assembled.
  const report = values.out && !values["no-report"] ? new EvalReportWriter() : null;
  try {
    const results: DatasetResult[] = [];
    if (stored.length > 0) {
      const rescorer = values.rescore ? rescorerFor(values, io, signal) : null;
      for (const file of stored)
        results.push(await evalStored(file, limit, grader, { ks, seeds }, progress, rescorer));
      if (signal.aborted) return interrupted(io, progress);
    } else {
      const live = await evalLive(
        data,
        values,
        { n, ks, seeds, limit, grader, report },
        io,
        progress,
        signal,
      );
      if (live === "interrupted") return interrupted(io, progress);
      results.push(...live);
    }
    progress.end();
    const summary = summarize(results.map((r) => r.summary));
    if (values.out && report)
      await writeReport(report, values.out, summary, results, { ks, seeds }, progress);
    io.stdout.write(markdownTable(summary));
    if (values.json) io.stdout.write(`${JSON.stringify(jsonSummary(summary))}\n`);
    return 0;
  } finally {
    report?.close();
    grader.dispose();
  }
}

/** A dataset's summary, and what the report's plots and browser need. */
interface DatasetResult {
  summary: DatasetSummary;
  graded: GradedProblem[];
  browsed: BrowsedProblem[];
}

function interrupted(io: CliIo, progress: ProgressDisplay): number {
  progress.end();
  io.stderr.write("acemath: interrupted; what arrived is kept in --out (rerun with --resume)\n");
  return 130;
}

/** The plots and the HTML report, in --out (evalReport.ts). */
async function writeReport(
  report: EvalReportWriter,
  out: string,
  summary: EvalSummary,
  results: DatasetResult[],
  options: { ks: number[]; seeds: number },
  progress: ProgressDisplay,
): Promise<void> {
  const written = await report.write(out, {
    summary,
    results: results.map((r) => ({ name: r.summary.name, graded: r.graded, browsed: r.browsed })),
    ks: options.ks,
    seeds: options.seeds,
    version: toolVersion(),
  });
  progress.say(`report: ${written.map((file) => terminalSafeLine(file)).join(", ")}`);
}

async function evalLive(
  files: string[],
  values: Values,
  options: {
    n: number;
    ks: number[];
    seeds: number;
    limit: number;
    grader: Grader;
    report: EvalReportWriter | null;
  },
  io: CliIo,
  progress: ProgressDisplay,
  signal: AbortSignal,
): Promise<DatasetResult[] | "interrupted"> {
  const { grader } = options;
  const settings = liveSettings(values, options.n);
  const sets = files.map((file) => ({
    file,
    name: datasetName(file),
    problems: readProblems(file, values, options.limit, io),
  }));
  const out = values.out;
  if (out && !values.resume && (storeHasData(out) || scoreStoreHasData(out)))
    throw new UsageError(`${out} already holds a run's samples: add --resume, or choose another --out`);
  const endpoints = cliEndpoints(values, io);
  const manifest = buildManifest({
    version: toolVersion(),
    datasets: sets.map((s) => datasetEntry(s.file, s.name, s.problems.length)),
    settings,
    ks: options.ks,
    seeds: options.seeds,
    policyUrls: endpoints.policyReplicas.map((r) => r.baseUrl),
    rewardUrls: endpoints.rewardReplicas?.map((r) => r.baseUrl) ?? [],
  });
  const store = out ? new SampleStore(out, values.resume) : null;
  const scoreStore = out ? new ScoreStore(out, values.resume) : null;
  if (out) writeManifest(out, manifest);
  // One set of backends for the whole run: models asked once per endpoint, the reward model resolved once.
  const backends = {
    policy: new ModelsOncePolicy(endpoints.policy),
    scorer: endpoints.reward
      ? new Rescorer(endpoints.reward, endpoints.rewardModel, rewardBatch(values))
      : null,
  };
  const results: DatasetResult[] = [];
  for (const { name, problems } of sets) {
    const result = await runLiveDataset(
      {
        name,
        problems,
        settings,
        backends,
        grader,
        store,
        scoreStore,
        ...(options.report ? { onFinished: options.report.warm.bind(options.report) } : {}),
        onServers: ({ policy, reward }) => {
          manifest.servers.policy ??= policy ?? null;
          manifest.servers.reward ??= reward ?? null;
        },
      },
      (event) => progress.update({ dataset: name, ...event }),
      signal,
    );
    if (out) writeManifest(out, manifest);
    if (signal.aborted) return "interrupted";
    for (const failure of result.failures)
      progress.say(`acemath: ${name} problem ${failure.id} failed: ${terminalSafeLine(failure.message)}`);
    const summary = summarizeDataset(name, result.graded, {
      ks: options.ks,
      seeds: options.seeds,
      failed: result.failures.length,
    });
    results.push({ summary, graded: result.graded, browsed: result.browsed });
  }
  return results;
}

/** The version in the package.json nearest above this file (the CLI's own), for the manifest. */
function toolVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.version) return pkg.version;
    } catch {
      // not here: look one folder up
    }
  }
  return "unknown";
}

interface StoredRescore {
  rescorer: Rescorer;
  /** --out with --rescore: new scores are appended there, and reused by --resume. */
  store: ScoreStore | null;
  signal: AbortSignal;
}

async function evalStored(
  file: string,
  limit: number,
  grader: Grader,
  options: { ks: number[]; seeds: number },
  progress: ProgressDisplay,
  rescore: StoredRescore | null,
): Promise<DatasetResult> {
  const rows = readSamplesText(readText(file)).slice(0, limit);
  const name = datasetName(file);
  const graded: GradedProblem[] = [];
  const browsed: BrowsedProblem[] = [];
  let failed = 0;
  const report = (detail?: string) =>
    progress.update({
      dataset: name,
      done: graded.length + failed,
      total: rows.length,
      ...(detail ? { detail } : {}),
    });
  for (const row of rows) {
    if (!row.ok) {
      failed++; // reported as a failed problem, not dropped
      report(`record ${row.index}: ${row.error}`);
      continue;
    }
    const { problem } = row.value;
    let samples = row.value.samples;
    if (rescore) {
      try {
        samples = await rescoreStored(name, problem, samples, rescore);
      } catch (error) {
        if (rescore.signal.aborted) throw error;
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        progress.say(
          `acemath: ${name} problem ${problem.id} could not be scored: ${terminalSafeLine(message)}`,
        );
        report();
        continue;
      }
    }
    const input = { gold: problem.gold, multipleChoice: problem.multipleChoice, samples };
    const result = await gradeProblem(input, grader);
    graded.push(result);
    browsed.push(browsedProblem(problem, input, result));
    report();
  }
  return { summary: summarizeDataset(name, graded, { ...options, failed }), graded, browsed };
}

/** New scores for stored samples: from --out's score store when it has them (--resume), else from the server, then stored. */
async function rescoreStored(
  dataset: string,
  problem: EvalProblem,
  samples: SampleText[],
  rescore: StoredRescore,
): Promise<SampleText[]> {
  const { rescorer, store, signal } = rescore;
  const key = {
    dataset,
    index: problem.index,
    problemHash: hashText(problem.problem),
    samplesHash: samplesHash(samples.map((s) => s.text)),
    rewardModel: await rescorer.modelId(signal),
  };
  const kept = store?.get(key);
  if (kept) return samples.map((s, i) => ({ ...s, reward: kept.scores[i] ?? null }));
  const rescored = await rescorer.rescore(problem.problem, samples, signal);
  store?.append({ ...key, scores: rescored.map((s) => s.reward) });
  return rescored;
}

function rescorerFor(values: Values, io: CliIo, signal: AbortSignal): StoredRescore {
  if (values["no-reward"]) throw new UsageError("--rescore needs a reward server (not --no-reward)");
  const out = values.out;
  if (out && !values.resume && scoreStoreHasData(out))
    throw new UsageError(`${out} already holds rescored scores: add --resume, or choose another --out`);
  const endpoints = cliEndpoints(values, io);
  return {
    rescorer: new Rescorer(endpoints.reward!, endpoints.rewardModel, rewardBatch(values)),
    store: out ? new ScoreStore(out, values.resume) : null,
    signal,
  };
}

/** The reward requests' bounds: `--reward-batch` inputs, the rest as documented in rewardBatcher.ts. */
function rewardBatch(values: Values): RewardBatchLimits {
  return { ...DEFAULT_REWARD_BATCH, maxInputs: positiveInteger(values["reward-batch"], "--reward-batch") };
}

function readProblems(file: string, values: Values, limit: number, io: CliIo): EvalProblem[] {
  const fields = { problem: values["problem-field"], gold: values["gold-field"] };
  const problems: EvalProblem[] = [];
  for (const result of readDatasetText(readText(file), fields).slice(0, limit)) {
    if (result.ok) problems.push(result.problem);
    else io.stderr.write(`acemath: ${file} record ${result.index} skipped: ${result.error}\n`);
  }
  if (problems.length === 0) throw new UsageError(`${file}: no readable problem`);
  return problems;
}

function liveSettings(values: Values, n: number): LiveSettings {
  return {
    n,
    greedy: values.greedy,
    temperature: nonNegative(values.temperature, "--temperature"),
    topP: nonNegative(values["top-p"], "--top-p"),
    maxTokens: positiveInteger(values["max-tokens"], "--max-tokens"),
    seed: Number.isInteger(Number(values.seed)) ? Number(values.seed) : badNumber("--seed", values.seed),
    concurrency: positiveInteger(values.concurrency, "--concurrency"),
    policyModel: values["policy-model"] ?? null,
    rewardModel: values["reward-model"] ?? null,
  };
}

/** `…/gsm8k/test.jsonl` is "gsm8k"; `math_cot_100.jsonl` is "math_cot_100". */
export function datasetName(file: string): string {
  const base = basename(file).replace(/\.jsonl?$/i, "");
  return /^(test|train|dev|validation)$/i.test(base) ? basename(dirname(file)) : base;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseEvalArgs(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 ? value : badNumber(flag, text, "an integer ≥ 1");
}

function nonNegative(text: string, flag: string): number {
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : badNumber(flag, text, "a number ≥ 0");
}

function badNumber(flag: string, text: string, what = "an integer"): never {
  throw new UsageError(`${flag} expects ${what}, got "${text}"`);
}
