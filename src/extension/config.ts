/**
 * Typed access to the settings. Endpoint and model settings are application-scoped: only the
 * user's own settings count, so a cloned repository's .vscode/settings.json can never redirect
 * requests (and the user's API key) to another host. We read them through `inspect` as well,
 * taking only the user (global) value, so that holds even if a scope is ever declared wrongly.
 */
import vscode = require("vscode");
import { DEFAULT_POLICY_URL, DEFAULT_REWARD_URL } from "../core/backend/defaults";
import type { SamplingParams } from "../core/backend/ports";
import { DEFAULT_TIMEOUTS, type Timeouts } from "../backends/http/transport";
import { DEFAULT_OUTPUT_LIMITS, DEFAULT_SOLVE_OPTIONS, type OutputLimits } from "../core/solve/request";
import { DEFAULT_RANKING_POLICY, parseRankingPolicy, type RankingPolicy } from "../core/solve/ranking";

export const SECTION = "acemath";

export interface EndpointSettings {
  policyBaseUrl: string;
  policyModel: string | null;
  /** Null when the user switched the reward model off (empty URL). */
  rewardBaseUrl: string | null;
  rewardModel: string | null;
}

/** Settings that only the user may set; package.json must list them (test/unit/core/manifest.test.ts). */
export const USER_ONLY_SETTINGS = [
  "policy.baseUrl",
  "policy.model",
  "reward.baseUrl",
  "reward.model",
  "prm.baseUrl",
  "prm.model",
  "embedded.enabled",
  "embedded.modelPath",
] as const;

/**
 * Settings that cost the user's GPU time: in an untrusted workspace only the user's own values count
 * (a cloned repository must not make the server generate 64 × 32768 tokens). Also in package.json's
 * `restrictedConfigurations`.
 */
export const TRUST_RESTRICTED_SETTINGS = ["samples", "maxTokens"] as const;

function userValue<T>(key: string, fallback: T): T {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

function setting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration(SECTION).get<T>(key, fallback);
}

/** A workspace value counts only in a trusted workspace. */
function trustedValue<T>(key: string, fallback: T): T {
  return vscode.workspace.isTrusted ? setting(key, fallback) : userValue(key, fallback);
}

function nonEmpty(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function readEndpointSettings(): EndpointSettings {
  return {
    policyBaseUrl: nonEmpty(userValue("policy.baseUrl", DEFAULT_POLICY_URL)) ?? DEFAULT_POLICY_URL,
    policyModel: nonEmpty(userValue("policy.model", "")),
    rewardBaseUrl: nonEmpty(userValue("reward.baseUrl", DEFAULT_REWARD_URL)),
    rewardModel: nonEmpty(userValue("reward.model", "")),
  };
}

export function readSamplingSettings(): SamplingParams {
  const seed = setting<number | null>("seed", null);
  return {
    n: clampInteger(trustedValue("samples", DEFAULT_SOLVE_OPTIONS.n), 1, 64),
    temperature: setting("temperature", DEFAULT_SOLVE_OPTIONS.temperature),
    topP: setting("topP", DEFAULT_SOLVE_OPTIONS.topP),
    maxTokens: clampInteger(trustedValue("maxTokens", DEFAULT_SOLVE_OPTIONS.maxTokens), 16, 32768),
    seed: typeof seed === "number" && Number.isInteger(seed) ? seed : null,
  };
}

/** How much model text a solve keeps (`acemath.limits.*`); bounds as in package.json. */
export function readLimitSettings(): OutputLimits {
  return {
    candidateChars: clampInteger(
      setting("limits.candidateChars", DEFAULT_OUTPUT_LIMITS.candidateChars),
      1024,
      16 * 1024 * 1024,
    ),
    solveChars: clampInteger(
      setting("limits.solveChars", DEFAULT_OUTPUT_LIMITS.solveChars),
      1024,
      64 * 1024 * 1024,
    ),
  };
}

function clampInteger(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** `acemath.timeouts.*` in seconds (0: no limit), as the transport's milliseconds. */
export function readTimeoutSettings(): Timeouts {
  const ms = (key: string, fallback: number) => {
    const seconds = setting<number>(`timeouts.${key}`, fallback / 1000);
    return typeof seconds === "number" && seconds > 0 ? Math.round(seconds * 1000) : 0;
  };
  return {
    connectMs: ms("connectSeconds", DEFAULT_TIMEOUTS.connectMs),
    firstTokenMs: ms("firstTokenSeconds", DEFAULT_TIMEOUTS.firstTokenMs),
    idleMs: ms("idleSeconds", DEFAULT_TIMEOUTS.idleMs),
  };
}

/** `acemath.ranking.policy`: what orders the candidates when a reward model is present. */
export function readRankingPolicy(): RankingPolicy {
  return (
    parseRankingPolicy(setting<string>("ranking.policy", DEFAULT_RANKING_POLICY)) ?? DEFAULT_RANKING_POLICY
  );
}

/** The process reward model (`acemath.prm.*`), user settings only; null when none is configured (the default). */
export function readPrmSettings(): { baseUrl: string; model: string | null } | null {
  const baseUrl = nonEmpty(userValue("prm.baseUrl", ""));
  return baseUrl === null ? null : { baseUrl, model: nonEmpty(userValue("prm.model", "")) };
}

export interface EmbeddedSettings {
  /** Off by default: the embedded engine runs only when the user has enabled (or set up) it. */
  enabled: boolean;
  /** A local .gguf; null: the default model in global storage (downloaded with consent). */
  modelPath: string | null;
}

/** User-level values only: a workspace must not make AceMath load a model file of its choosing. */
export function readEmbeddedSettings(): EmbeddedSettings {
  return {
    enabled: userValue("embedded.enabled", false),
    modelPath: nonEmpty(userValue("embedded.modelPath", "")),
  };
}
