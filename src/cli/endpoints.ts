/** The endpoint options `acemath solve` and `acemath doctor` share: URLs, models, keys and the timeout. */
import { DEFAULT_POLICY_URL, DEFAULT_REWARD_URL } from "../core/backend/defaults";
import { plainHttpKeyWarning } from "../core/backend/keySafety";
import type { OpenAiPolicyBackend } from "../backends/http/openaiPolicy";
import type { PolicyBackend, RewardBackend } from "../core/backend/ports";
import { BackendRegistry } from "../backends/http/registry";
import type { Timeouts } from "../backends/http/transport";
import type { VllmRewardBackend } from "../backends/http/vllmReward";
import { terminalSafeLine } from "../core/util/terminalSafe";
import { UsageError, type CliIo } from "./io";

export const ENDPOINT_USAGE = `  --policy-url URL     OpenAI-compatible base URL (default ${DEFAULT_POLICY_URL});
                       several replicas: URL1,URL2 (each request to the least-loaded)
  --reward-url URL     vLLM reward server (default ${DEFAULT_REWARD_URL}); replicas as above
  --no-reward          rank by majority vote, without a reward model
  --policy-model M     policy model id (default: the first the server lists)
  --reward-model M     reward model id (default: the first the server lists)
  --timeout SECONDS    connect, first-token and idle-stream timeout (defaults 30, 120, 60)
  API keys: ACEMATH_POLICY_API_KEY and ACEMATH_REWARD_API_KEY, or ACEMATH_API_KEY for all (Bearer token).`;

export const ENDPOINT_OPTIONS = {
  "policy-url": { type: "string", default: DEFAULT_POLICY_URL },
  "reward-url": { type: "string", default: DEFAULT_REWARD_URL },
  "no-reward": { type: "boolean", default: false },
  "policy-model": { type: "string" },
  "reward-model": { type: "string" },
  timeout: { type: "string" },
} as const;

export interface EndpointValues {
  "policy-url": string;
  "reward-url": string;
  "no-reward": boolean;
  "policy-model"?: string;
  "reward-model"?: string;
  timeout?: string;
}

export interface CliEndpoints {
  /** What the solve uses (spreads over replicas when a flag names several URLs). */
  policy: PolicyBackend;
  reward: RewardBackend | null;
  /** Each URL's own adapter. */
  policyReplicas: OpenAiPolicyBackend[];
  rewardReplicas: VllmRewardBackend[] | null;
  policyModel: string | null;
  rewardModel: string | null;
  policyKey: string | null;
  rewardKey: string | null;
}

/** A server's key from the environment: its own (`ACEMATH_POLICY_API_KEY`, …) or else `ACEMATH_API_KEY`. */
export function cliApiKey(env: CliIo["env"], role: "policy" | "reward" | "prm"): string | null {
  return env[`ACEMATH_${role.toUpperCase()}_API_KEY`] ?? env.ACEMATH_API_KEY ?? null;
}

export function parseTimeout(text: string | undefined): Timeouts | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--timeout expects a number of seconds > 0, got "${text}"`);
  const ms = Math.round(seconds * 1000);
  return { connectMs: ms, firstTokenMs: ms, idleMs: ms };
}

/** Builds the adapters; warns on stderr when a key would travel over plain http:// to another machine. */
export function cliEndpoints(values: EndpointValues, io: CliIo): CliEndpoints {
  const timeouts = parseTimeout(values.timeout);
  const policyKey = cliApiKey(io.env, "policy");
  const rewardKey = cliApiKey(io.env, "reward");
  const note = (message: string) => io.stderr.write(`note: ${terminalSafeLine(message)}\n`);
  const registry = new BackendRegistry({ onNotice: note });
  const policy = registry.policy({ baseUrl: values["policy-url"], apiKey: policyKey, timeouts });
  const reward = values["no-reward"]
    ? null
    : registry.reward({ baseUrl: values["reward-url"], apiKey: rewardKey, timeouts });
  const keyed = [
    ...policy.replicas.map((r) => [r.baseUrl, policyKey] as const),
    ...(reward?.replicas ?? []).map((r) => [r.baseUrl, rewardKey] as const),
  ];
  for (const [url, key] of keyed) {
    const warning = plainHttpKeyWarning(url, key);
    if (warning) io.stderr.write(`warning: ${terminalSafeLine(warning)}\n`);
  }
  return {
    policy: policy.backend,
    reward: reward?.backend ?? null,
    policyReplicas: policy.replicas,
    rewardReplicas: reward?.replicas ?? null,
    policyModel: values["policy-model"] ?? null,
    rewardModel: values["reward-model"] ?? null,
    policyKey,
    rewardKey,
  };
}
