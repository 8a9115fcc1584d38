/**
 * The backends the commands use: one long-lived adapter per endpoint (URL + key + timeouts), kept
 * across solves so that what it learnt about its server is not paid for again, and rebuilt only
 * when those settings or the key change.
 */
import type { BackendError } from "../core/backend/errors";
import { plainHttpKeyWarning } from "../core/backend/keySafety";
import type { PolicyBackend, RewardBackend } from "../core/backend/ports";
import type { SolveDependencies } from "../core/solve/pipeline";
import type { AnswerGrouper } from "../core/solve/ranking";
import type { BackendRegistry } from "../backends/http/registry";
import type { OpenAiPolicyBackend } from "../backends/http/openaiPolicy";
import type { VllmRewardBackend } from "../backends/http/vllmReward";
import { readEndpointSettings, readTimeoutSettings, type EndpointSettings } from "./config";
import { lazy } from "./lazy";
import { log } from "./log";
import { showWarning } from "./notifications";
import type { ApiKeyStore } from "./secrets";

export interface CurrentBackends {
  endpoints: EndpointSettings;
  /** What a solve uses: one replica's adapter, or one that spreads over several URLs. */
  policy: PolicyBackend;
  reward: RewardBackend | null;
  /** Each URL's own adapter (for the connection report). */
  policyReplicas: OpenAiPolicyBackend[];
  rewardReplicas: VllmRewardBackend[] | null;
  policyKey: string | null;
  rewardKey: string | null;
}

/** Shared by every command (Solve, Check Answer, Test Connection): one backend per endpoint, made on first use. */
let shared: BackendRegistry | undefined;
const registry = (): BackendRegistry =>
  (shared ??= new (lazy().BackendRegistry)({
    onNotice: (message) => log().info(message),
    onLog: (message) => log().info(message),
  }));

/** The long-lived backends for these endpoint settings and key (kept for callers that read settings themselves). */
export function createBackends(
  endpoints: EndpointSettings,
  apiKey: string | null,
  groupAnswers: AnswerGrouper,
): SolveDependencies {
  const timeouts = readTimeoutSettings();
  const reward = endpoints.rewardBaseUrl ? { baseUrl: endpoints.rewardBaseUrl, apiKey, timeouts } : null;
  return {
    policy: registry().policy({ baseUrl: endpoints.policyBaseUrl, apiKey, timeouts }).backend,
    reward: registry().reward(reward)?.backend ?? null,
    groupAnswers,
  };
}

export class EndpointBackends {
  /** Endpoints already warned about (a key over plain http), so the warning is not repeated on every solve. */
  private static readonly warned = new Set<string>();

  constructor(
    private readonly apiKeys: ApiKeyStore,
    /** Where a solve goes when no policy server answers (the embedded engine, when enabled). */
    private readonly offline?: { fallback(reason: BackendError): Promise<PolicyBackend | null> },
  ) {}

  async current(): Promise<CurrentBackends> {
    const endpoints = readEndpointSettings();
    const timeouts = readTimeoutSettings();
    const [policyKey, rewardKey] = await Promise.all([
      this.apiKeys.get("policy"),
      this.apiKeys.get("reward"),
    ]);
    const policy = registry().policy({ baseUrl: endpoints.policyBaseUrl, apiKey: policyKey, timeouts });
    const reward = registry().reward(
      endpoints.rewardBaseUrl ? { baseUrl: endpoints.rewardBaseUrl, apiKey: rewardKey, timeouts } : null,
    );
    for (const replica of policy.replicas) this.warnOnce(replica.baseUrl, policyKey);
    for (const replica of reward?.replicas ?? []) this.warnOnce(replica.baseUrl, rewardKey);
    const offline = this.offline;
    return {
      endpoints,
      policy: offline
        ? new (lazy().FallbackPolicyBackend)({
            primary: policy.backend,
            fallback: (reason) => offline.fallback(reason),
          })
        : policy.backend,
      reward: reward?.backend ?? null,
      policyReplicas: policy.replicas,
      rewardReplicas: reward?.replicas ?? null,
      policyKey,
      rewardKey,
    };
  }

  private warnOnce(url: string, key: string | null): void {
    const warning = plainHttpKeyWarning(url, key);
    if (!warning || EndpointBackends.warned.has(url)) return;
    EndpointBackends.warned.add(url);
    showWarning(warning);
  }
}
