/**
 * One long-lived backend per endpoint: the adapters remember what they learnt about their server
 * (`n` support, reward dialect and score kind, models, context length), so they are kept across
 * solves and rebuilt only when the endpoint's settings or its key change.
 */
import { OpenAiPolicyBackend, type OpenAiPolicyOptions } from "./openaiPolicy";
import type { PolicyBackend, RewardBackend } from "../../core/backend/ports";
import { ReplicatedPolicyBackend, ReplicatedRewardBackend, splitUrls } from "./replicas";
import type { Timeouts } from "./transport";
import { VllmRewardBackend, type VllmRewardOptions } from "./vllmReward";

/** What identifies an endpoint: a change to any of these builds a new backend (and forgets what was learnt). */
export interface EndpointConfig {
  /** One URL, or several replicas separated by commas or whitespace. */
  baseUrl: string;
  apiKey: string | null;
  timeouts?: Timeouts;
}

interface Entry<B> {
  config: EndpointConfig;
  backend: B;
}

/** Each replica's own adapter, and the one the pipeline uses (the replica itself when there is one). */
export interface Built<One, Any> {
  replicas: One[];
  backend: Any;
}

function sameEndpoint(a: EndpointConfig, b: EndpointConfig): boolean {
  return (
    a.baseUrl === b.baseUrl &&
    a.apiKey === b.apiKey &&
    JSON.stringify(a.timeouts ?? null) === JSON.stringify(b.timeouts ?? null)
  );
}

export class BackendRegistry {
  private policyEntry: Entry<Built<OpenAiPolicyBackend, PolicyBackend>> | null = null;
  private rewardEntry: Entry<Built<VllmRewardBackend, RewardBackend>> | null = null;

  constructor(private readonly hooks: Pick<OpenAiPolicyOptions, "onNotice" | "onLog" | "concurrency"> = {}) {}

  policy(config: EndpointConfig): Built<OpenAiPolicyBackend, PolicyBackend> {
    if (!this.policyEntry || !sameEndpoint(this.policyEntry.config, config)) {
      const replicas = splitUrls(config.baseUrl).map((baseUrl) => {
        const options: OpenAiPolicyOptions = { ...config, baseUrl, ...this.hooks };
        return new OpenAiPolicyBackend(options);
      });
      const backend =
        replicas.length === 1 ? (replicas[0] as OpenAiPolicyBackend) : new ReplicatedPolicyBackend(replicas);
      this.policyEntry = { config: { ...config }, backend: { replicas, backend } };
    }
    return this.policyEntry.backend;
  }

  /** Null config: no reward model configured. */
  reward(config: EndpointConfig | null): Built<VllmRewardBackend, RewardBackend> | null {
    if (!config || splitUrls(config.baseUrl).length === 0) {
      this.rewardEntry = null;
      return null;
    }
    if (!this.rewardEntry || !sameEndpoint(this.rewardEntry.config, config)) {
      const replicas = splitUrls(config.baseUrl).map((baseUrl) => {
        const options: VllmRewardOptions = { ...config, baseUrl, onLog: this.hooks.onLog };
        return new VllmRewardBackend(options);
      });
      const backend =
        replicas.length === 1 ? (replicas[0] as VllmRewardBackend) : new ReplicatedRewardBackend(replicas);
      this.rewardEntry = { config: { ...config }, backend: { replicas, backend } };
    }
    return this.rewardEntry.backend;
  }

  /** Forget what was learnt (e.g. "Test Connection" asks afresh) without rebuilding anything else. */
  forgetAll(): void {
    this.policyEntry?.backend.replicas.forEach((r) => r.forget());
    this.rewardEntry?.backend.replicas.forEach((r) => r.forget());
  }
}
