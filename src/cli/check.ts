/**
 * `acemath check FILE [--json] [--policy-url U] [--reward-url U]`: every written final answer in a
 * `.tex`, `.md`, `.ipynb` or text file, the problem it answers, and the verdicts. The symbolic layer
 * always runs; with a policy URL each problem is solved and the answer compared with the model's
 * pick and majority; with a reward URL the user's own solution is scored. With `--steps`, every
 * step of the written solution is checked too (symbolic; `--prm-url` adds a process reward model's
 * probability per step). Exit 0 unless the file cannot be read (2 for a bad command line).
 */
import { readFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { OpenAiPolicyBackend } from "../backends/http/openaiPolicy";
import type { ProcessRewardBackend, RewardBackend } from "../core/backend/ports";
import { PrmRewardBackend } from "../backends/http/prmReward";
import { VllmRewardBackend } from "../backends/http/vllmReward";
import {
  findCheckTargets,
  localDependencies,
  notebookCheckTargets,
  verifyAnswer,
  type CheckDialect,
  type CheckTarget,
} from "../core/check";
import { notebookCells } from "../core/check/notebook";
import { dialectOfExtension } from "../core/problem";
import { agreementWith, scoreContext, type Agreement } from "../core/check/agreement";
import { createGrader } from "../backends/grading";
import { type Grader } from "../core/grading";
import { solve } from "../core/solve/pipeline";
import { DEFAULT_SOLVE_OPTIONS } from "../core/solve/request";
import { applySolveEvent, emptySolveState, type SolveState } from "../core/solve/state";
import { terminalSafeJson, terminalSafeLine } from "../core/util/terminalSafe";
import { addPrmProbabilities, notebookStepFields, stepFields, type StepFields } from "./checkSteps";
import { cliApiKey } from "./endpoints";
import { UsageError, type CliIo } from "./io";
import { RANKING_OPTION, RANKING_USAGE, rankingPolicyOption } from "./ranking";

export const CHECK_USAGE = `acemath check FILE [--json] [--steps [--prm-url URL] [--prm-model M]] [--policy-url URL] [--reward-url URL] [--n N] [--ranking POLICY]
                       check every written final answer in a .tex, .md, .ipynb or text file
                       (symbolic verdict; with URLs also the model's agreement and the RM score;
                       --steps: every step of the written solution checked, and the first error;
                       --prm-url: a process reward model's probability per step)
  API keys: ACEMATH_POLICY_API_KEY, ACEMATH_REWARD_API_KEY, ACEMATH_PRM_API_KEY, or ACEMATH_API_KEY for all.
${RANKING_USAGE}`;

const OPTIONS = {
  json: { type: "boolean", default: false },
  steps: { type: "boolean", default: false },
  "policy-url": { type: "string" },
  "reward-url": { type: "string" },
  "prm-url": { type: "string" },
  "prm-model": { type: "string" },
  n: { type: "string", default: String(DEFAULT_SOLVE_OPTIONS.n) },
  seed: { type: "string" },
  ...RANKING_OPTION,
} as const;

/** Local files loaded by a document that are read for macros: small ones only. */
const MAX_DEPENDENCY_BYTES = 1 << 20;

interface Located extends CheckTarget {
  line: number;
  cell?: number;
  /** In a notebook: the cell's own text, which the target's offsets index. */
  cellText?: string;
}

export interface CheckRecord {
  answer: string;
  line: number;
  cell?: number;
  problem: string;
  verdict: string;
  reason: string;
  strategy?: string;
  final: boolean;
  notes?: string[];
  model?: {
    summary: string;
    pick: string | null;
    pickAgrees: boolean | null;
    majority: string | null;
    majorityAgrees: boolean | null;
    error?: string;
  };
  rewardScore?: number | null;
  rewardContext?: string;
  /** With --steps: each step of the written solution, `line` 1-based in the file. */
  steps?: StepFields["steps"];
  firstError?: StepFields["firstError"];
  prmError?: string;
}

export async function runCheck(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError("check takes exactly one FILE");
  const file = positionals[0] as string;
  const prm = prmBackend(values, io);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    io.stderr.write(
      `acemath: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const targets = await locate(file, text);
  const grader = createGrader();
  try {
    for (const target of targets) {
      const record = await checkOne(target, grader, values, io, signal);
      if (values.steps) Object.assign(record, await stepsOf(text, target, prm, signal));
      io.stdout.write(values.json ? `${terminalSafeJson(record)}\n` : readable(file, record));
    }
    if (!values.json && targets.length === 0) io.stdout.write(`${file}: no written final answer found\n`);
  } finally {
    grader.dispose();
  }
  return 0;
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function dialectOfFile(file: string): CheckDialect | "notebook" {
  const extension = extname(file).toLowerCase();
  return extension === ".ipynb" ? "notebook" : dialectOfExtension(extension);
}

/** Final answers only: an intermediate box is part of the work, not what the file claims. */
async function locate(file: string, text: string): Promise<Located[]> {
  const dialect = dialectOfFile(file);
  if (dialect === "notebook") {
    const found = notebookCheckTargets(text) ?? [];
    const cells = notebookCells(text) ?? [];
    return notebookLines(
      text,
      found.filter((t) => t.answer.final),
    ).map((t) => ({ ...t, cellText: t.cell === undefined ? undefined : cells[t.cell]?.text }));
  }
  const macroSources = dialect === "latex" ? await readDependencies(file, text) : [];
  return findCheckTargets({ text, dialect, macroSources })
    .filter((t) => t.answer.final)
    .map((t) => ({ ...t, line: text.slice(0, t.answer.start).split("\n").length }));
}

async function readDependencies(file: string, text: string): Promise<string[]> {
  const sources: string[] = [];
  for (const path of localDependencies(text)) {
    try {
      const source = await readFile(join(dirname(file), path), "utf8");
      if (source.length <= MAX_DEPENDENCY_BYTES) sources.push(source);
    } catch {
      // Dependencies outside the folder (system packages) are expected to be missing.
    }
  }
  return sources;
}

/** The line in the `.ipynb` file where the answer's source line is stored (JSON-escaped). */
function notebookLines(raw: string, targets: (CheckTarget & { cell: number })[]): Located[] {
  const lines = raw.split("\n");
  let from = 0;
  return targets.map((target) => {
    const firstLine = target.answer.latex.split("\n")[0] ?? "";
    const needle = JSON.stringify(firstLine).slice(1, -1);
    const index = lines.findIndex((line, k) => k >= from && line.includes(needle));
    if (index >= 0) from = index;
    return { ...target, line: index >= 0 ? index + 1 : 1 };
  });
}

type Values = ReturnType<typeof parse>["values"];

async function stepsOf(
  text: string,
  target: Located,
  prm: ProcessRewardBackend | null,
  signal: AbortSignal,
): Promise<StepFields> {
  const { fields, texts } =
    target.cellText === undefined
      ? stepFields(text, target)
      : notebookStepFields(target.cellText, target, text.split("\n"), target.line);
  if (prm) await addPrmProbabilities(fields, texts, target.problemText, prm, signal);
  return fields;
}

function prmBackend(values: Values, io: CliIo): ProcessRewardBackend | null {
  const baseUrl = values["prm-url"];
  if (!baseUrl) return null;
  if (!values.steps) throw new UsageError("--prm-url scores steps: use it with --steps");
  return new PrmRewardBackend({
    baseUrl,
    apiKey: cliApiKey(io.env, "prm"),
    model: values["prm-model"] ?? null,
  });
}

async function checkOne(
  target: Located,
  grader: Grader,
  values: Values,
  io: CliIo,
  signal: AbortSignal,
): Promise<CheckRecord> {
  const symbolic = await verifyAnswer({ problem: target.problemText, answer: target.answerExpanded }, grader);
  const record: CheckRecord = {
    answer: target.answer.latex,
    line: target.line,
    ...(target.cell !== undefined ? { cell: target.cell } : {}),
    problem: target.problemText,
    verdict: symbolic.verdict,
    reason: symbolic.reason,
    ...(symbolic.strategy ? { strategy: symbolic.strategy } : {}),
    final: target.answer.final,
    ...(target.notes.length > 0 ? { notes: target.notes } : {}),
  };
  if (!values["policy-url"] || target.problemText === "") return record;
  const state = await solveProblem(target.problemText, values, io, grader, signal);
  if (state.error) {
    record.model = {
      summary: `the model could not be asked: ${state.error.message}`,
      pick: null,
      pickAgrees: null,
      majority: null,
      majorityAgrees: null,
      error: state.error.message,
    };
    return record;
  }
  record.model = modelFields(await agreementWith(state, target.answerExpanded, grader));
  if (values["reward-url"]) await addRewardScore(record, target, state, values, io, signal);
  return record;
}

async function solveProblem(
  problem: string,
  values: Values,
  io: CliIo,
  grader: Grader,
  signal: AbortSignal,
): Promise<SolveState> {
  const deps = {
    policy: new OpenAiPolicyBackend({
      baseUrl: values["policy-url"] ?? "",
      apiKey: cliApiKey(io.env, "policy"),
      onNotice: (m: string) => io.stderr.write(`note: ${m}\n`),
    }),
    reward: values["reward-url"]
      ? new VllmRewardBackend({ baseUrl: values["reward-url"], apiKey: cliApiKey(io.env, "reward") })
      : null,
    groupAnswers: (answers: string[]) => grader.clusterAnswers(answers),
  };
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--n expects an integer ≥ 1, got "${values.n}"`);
  const request = {
    problem,
    ...DEFAULT_SOLVE_OPTIONS,
    n,
    seed: values.seed === undefined ? null : Number(values.seed),
    policyModel: null,
    rewardModel: null,
    rankingPolicy: rankingPolicyOption(values.ranking),
  };
  const state = emptySolveState();
  for await (const event of solve(request, deps, signal)) applySolveEvent(state, event);
  return state;
}

function modelFields(agreement: Agreement): NonNullable<CheckRecord["model"]> {
  const agrees = (v: string | undefined) => (v === "equal" ? true : v === "not-equal" ? false : null);
  return {
    summary: agreement.summary,
    pick: agreement.pick?.answer ?? null,
    pickAgrees: agrees(agreement.pick?.verdict),
    majority: agreement.majority?.answer ?? null,
    majorityAgrees: agrees(agreement.majority?.verdict),
  };
}

/** The reward model's score of the user's own solution (problem + their solution), as ChatML. */
async function addRewardScore(
  record: CheckRecord,
  target: Located,
  state: SolveState,
  values: Values,
  io: CliIo,
  signal: AbortSignal,
): Promise<void> {
  const reward: RewardBackend = new VllmRewardBackend({
    baseUrl: values["reward-url"] ?? "",
    apiKey: cliApiKey(io.env, "reward"),
  });
  try {
    const model = state.reward?.model ?? (await reward.listModels(signal))[0]?.id;
    if (!model) return;
    const solution =
      `${target.solution}\n\n${target.answer.kind === "boxed" ? `\\boxed{${target.answerExpanded}}` : target.answerExpanded}`.trim();
    const { scores } = await reward.score(model, target.problemText, [solution], signal);
    record.rewardScore = scores[0] ?? null;
    if (record.rewardScore !== null) record.rewardContext = scoreContext(record.rewardScore, state);
  } catch (error) {
    record.rewardContext = `the reward model could not score it: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function readable(file: string, record: CheckRecord): string {
  const where =
    record.cell !== undefined ? `${file}:${record.line} (cell ${record.cell + 1})` : `${file}:${record.line}`;
  const lines = [
    `${where}: ${record.verdict.toUpperCase()}  ${record.answer}`,
    `  problem: ${record.problem.replace(/\s+/g, " ").slice(0, 160) || "(none found)"}`,
    `  ${record.reason}`,
  ];
  if (record.model) lines.push(`  model: ${record.model.summary}`);
  if (record.rewardContext) lines.push(`  reward: ${record.rewardScore ?? "?"} (${record.rewardContext})`);
  if (record.steps)
    lines.push(
      record.firstError
        ? `  first error: ${file}:${record.firstError.line}: ${record.firstError.reason}`
        : `  steps: ${record.steps.length} read, none refuted`,
    );
  return `${lines.map((line) => terminalSafeLine(line)).join("\n")}\n`;
}
