/**
 * "AceMath: Test Connection" and `acemath doctor`: asks each endpoint what the solve would need to
 * know (reachable, models, context length, what it does with `n`, reward endpoint and score kind)
 * using the same probes a solve uses, so the report says what the next solve will do.
 */
import { preferredModel } from "../../core/solve/discovery";
import { DEFAULT_SOLVE_OPTIONS, SIMULATOR_OWNER } from "../../core/solve/request";
import { terminalSafeLine } from "../../core/util/terminalSafe";
import { adviseOnBackendError } from "../../core/backend/advice";
import { isAbortError } from "../../core/backend/errors";
import { plainHttpKeyWarning } from "../../core/backend/keySafety";
import { describeNSupport, type NSupport } from "../../core/backend/nSupport";
import type { OpenAiPolicyBackend } from "./openaiPolicy";
import type { ModelInfo } from "../../core/backend/ports";
import type { RewardProfile, VllmRewardBackend } from "./vllmReward";

export interface EndpointReport {
  role: "policy" | "reward";
  url: string;
  reachable: boolean;
  /** Round trip of the model list, in milliseconds. */
  latencyMs: number | null;
  models: string[];
  /** The model a solve would use. */
  model: string | null;
  contextLength: number | null;
  simulated: boolean;
  /** Policy only; null when the probe could not tell (the first solve will). */
  n?: NSupport | null;
  /** Policy only: whether the server counts prompt tokens (vLLM's /tokenize) or the client estimates. */
  tokenCounting?: "server" | "estimate" | null;
  /** Reward only. */
  reward?: RewardProfile | null;
  /** What failed, with the advice a solve would give. */
  error: string | null;
  warnings: string[];
}

export interface ConnectionReport {
  policy: EndpointReport;
  /** Null when no reward model is configured (ranking by majority vote). */
  reward: EndpointReport | null;
  /** Further replicas, when a setting names several URLs (scale-out). */
  replicas: EndpointReport[];
  /** The policy works (a solve can run); the reward either works or is not configured. */
  ok: boolean;
}

export interface ConnectionTargets {
  /** One adapter per replica URL (usually one). */
  policy: readonly OpenAiPolicyBackend[];
  reward: readonly VllmRewardBackend[] | null;
  policyModel: string | null;
  rewardModel: string | null;
  /** Candidates per solve: the `n` the probe asks for (default 8). */
  samples?: number;
  /** Per endpoint, to warn when it would go over plain http:// to another machine; never shown. */
  policyKey?: string | null;
  rewardKey?: string | null;
}

export async function checkConnection(
  targets: ConnectionTargets,
  signal: AbortSignal,
  clock: () => number = () => performance.now(),
): Promise<ConnectionReport> {
  const [policies, rewards] = await Promise.all([
    Promise.all(targets.policy.map((backend) => checkPolicy(backend, targets, signal, clock))),
    Promise.all((targets.reward ?? []).map((backend) => checkReward(backend, targets, signal, clock))),
  ]);
  const [policy, ...otherPolicies] = policies as [EndpointReport, ...EndpointReport[]];
  const [reward = null, ...otherRewards] = rewards;
  const replicas = [...otherPolicies, ...otherRewards];
  const ok = [policy, ...rewards, ...replicas].every((r) => r.error === null);
  return { policy, reward, replicas, ok };
}

function blank(role: "policy" | "reward", url: string, key: string | null | undefined): EndpointReport {
  const keyWarning = plainHttpKeyWarning(url, key ?? null);
  return {
    role,
    url,
    reachable: false,
    latencyMs: null,
    models: [],
    model: null,
    contextLength: null,
    simulated: false,
    error: null,
    warnings: keyWarning ? [keyWarning] : [],
  };
}

async function listed(
  report: EndpointReport,
  list: (signal: AbortSignal) => Promise<ModelInfo[]>,
  configured: string | null,
  signal: AbortSignal,
  clock: () => number,
): Promise<ModelInfo | null> {
  const started = clock();
  const models = await list(signal);
  report.latencyMs = Math.round(clock() - started);
  report.reachable = true;
  report.models = models.map((m) => m.id);
  const chosen = configured ? models.find((m) => m.id === configured) : preferredModel(models, report.role);
  if (!chosen) {
    report.error = configured
      ? `The server does not serve the model "${configured}" (it serves: ${report.models.join(", ") || "none"}).`
      : "The server lists no models.";
    return null;
  }
  report.model = chosen.id;
  report.contextLength = chosen.maxModelLen;
  report.simulated = models.some((m) => m.ownedBy === SIMULATOR_OWNER);
  return chosen;
}

async function checkPolicy(
  backend: OpenAiPolicyBackend,
  targets: ConnectionTargets,
  signal: AbortSignal,
  clock: () => number,
): Promise<EndpointReport> {
  const report: EndpointReport = {
    ...blank("policy", backend.baseUrl, targets.policyKey),
    n: null,
    tokenCounting: null,
  };
  try {
    backend.forget(); // a report says what the server does now, not what it did
    const chosen = await listed(report, (s) => backend.listModels(s), targets.policyModel, signal, clock);
    if (!chosen) return report;
    report.n = await backend.nSupport(chosen.id, signal, targets.samples ?? DEFAULT_SOLVE_OPTIONS.n);
    const count = await backend.countPromptTokens(chosen.id, "1+1", signal);
    report.tokenCounting = count.exact ? "server" : "estimate";
    report.contextLength ??= count.maxModelLen;
  } catch (error) {
    if (signal.aborted || isAbortError(error)) throw error;
    report.error = adviseOnBackendError(error, { policyModel: targets.policyModel }).message;
  }
  return report;
}

async function checkReward(
  backend: VllmRewardBackend,
  targets: ConnectionTargets,
  signal: AbortSignal,
  clock: () => number,
): Promise<EndpointReport> {
  const report: EndpointReport = { ...blank("reward", backend.baseUrl, targets.rewardKey), reward: null };
  try {
    backend.forget();
    const chosen = await listed(report, (s) => backend.listModels(s), targets.rewardModel, signal, clock);
    if (!chosen) return report;
    report.reward = await backend.detect(chosen.id, signal);
    if (report.reward.kind === "sigmoid")
      report.warnings.push(
        "Scores are sigmoid values: this server ignores use_activation (vLLM before the flag, or /pooling). Ranking is the same; the panel labels them.",
      );
  } catch (error) {
    if (signal.aborted || isAbortError(error)) throw error;
    report.error = adviseOnBackendError(error, { rewardModel: targets.rewardModel }).message;
  }
  return report;
}

/** The report as text, one fact a line; everything a server said goes through `terminalSafeLine`. */
export function formatConnectionReport(report: ConnectionReport): string {
  const lines = [...endpointLines(report.policy)];
  lines.push(
    ...(report.reward
      ? endpointLines(report.reward)
      : ["Reward server: none configured (ranking by majority vote)"]),
  );
  for (const replica of report.replicas) lines.push(...endpointLines(replica));
  lines.push("", report.ok ? "Ready to solve." : "Not ready: see the errors above.");
  return `${lines.join("\n")}\n`;
}

function endpointLines(r: EndpointReport): string[] {
  const safe = terminalSafeLine;
  const title = `${r.role === "policy" ? "Policy" : "Reward"} server: ${safe(r.url)}${r.simulated ? "  (SIMULATED backend, tests and demos only)" : ""}`;
  const lines = [title];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(13)}${value}`);
  row("reachable", r.reachable ? `yes (${r.latencyMs} ms)` : "no");
  if (r.models.length)
    row("models", r.models.map((m) => safe(m) + (m === r.model ? " (used)" : "")).join(", "));
  if (r.reachable)
    row("context", r.contextLength ? `${r.contextLength} tokens` : "not reported by the server");
  if (r.role === "policy" && r.n !== undefined && r.n !== null) row("n", describeNSupport(r.n));
  if (r.tokenCounting)
    row(
      "token count",
      r.tokenCounting === "server" ? "by the server (/tokenize)" : "estimated by the client",
    );
  if (r.reward) {
    row("endpoint", r.reward.endpoint + (r.reward.flag ? ` with ${r.reward.flag}: false` : ""));
    row("scores", r.reward.kind === "raw" ? "raw logits" : "sigmoid(logit)");
  }
  for (const warning of r.warnings) row("warning", safe(warning));
  if (r.error) row("error", safe(r.error));
  return lines;
}
