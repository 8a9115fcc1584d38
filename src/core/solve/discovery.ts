/**
 * Before generating: ask each server which models it serves (a health check that fails fast with
 * a clear message), pick the model when the setting is empty, and notice the simulator.
 */
import { adviseOnBackendError } from "../backend/advice";
import { BackendError, isAbortError } from "../backend/errors";
import { EMBEDDED_OWNER, type ModelInfo, type PolicyBackend, type RewardBackend } from "../backend/ports";
import type { BackendInfo, SolveWarning } from "./events";
import { SIMULATOR_OWNER, type SolveRequest } from "./request";

export interface ResolvedBackends {
  policyInfo: BackendInfo;
  /** The policy model's context length, when the server lists it (vLLM does). */
  policyMaxModelLen: number | null;
  /** Null: rank by majority vote (no reward model configured, or it cannot be reached). */
  rewardInfo: BackendInfo | null;
  /** To show once the solve has started (e.g. the reward model is unreachable). */
  warnings: SolveWarning[];
}

interface Backends {
  policy: PolicyBackend;
  reward: RewardBackend | null;
}

export async function resolveBackends(
  request: SolveRequest,
  backends: Backends,
  signal: AbortSignal,
): Promise<ResolvedBackends> {
  const warnings: SolveWarning[] = [];
  const [policy, rewardInfo] = await Promise.all([
    resolvePolicy(request.policyModel, backends.policy, signal),
    resolveReward(request.rewardModel, backends.reward, signal, (w) => warnings.push(w)),
  ]);
  return { policyInfo: policy.info, policyMaxModelLen: policy.maxModelLen, rewardInfo, warnings };
}

async function resolvePolicy(
  configured: string | null,
  policy: PolicyBackend,
  signal: AbortSignal,
): Promise<{ info: BackendInfo; maxModelLen: number | null }> {
  let models: ModelInfo[];
  try {
    models = await policy.listModels(signal);
  } catch (error) {
    // Some OpenAI-compatible servers have no /models; with an explicit model we can do without it.
    const missingRoute = error instanceof BackendError && error.kind === "http" && error.status === 404;
    if (configured && missingRoute)
      return { info: { url: policy.baseUrl, model: configured, simulated: false }, maxModelLen: null };
    throw error;
  }
  const chosen = chooseModel(configured, models, policy.baseUrl, "policy");
  const maxModelLen = models.find((m) => m.id === chosen.model)?.maxModelLen ?? null;
  return { info: { url: policy.baseUrl, ...chosen }, maxModelLen };
}

async function resolveReward(
  configured: string | null,
  reward: RewardBackend | null,
  signal: AbortSignal,
  warn: (warning: SolveWarning) => void,
): Promise<BackendInfo | null> {
  if (!reward) return null;
  try {
    const models = await reward.listModels(signal);
    return { url: reward.baseUrl, ...chooseModel(configured, models, reward.baseUrl, "reward") };
  } catch (error) {
    if (signal.aborted || isAbortError(error)) throw error;
    // A missing reward model must not cost the user the solutions: fall back to majority vote, say so.
    const advice = adviseOnBackendError(error, { rewardModel: configured });
    const hint = advice.hint ? ` To enable reward ranking: ${advice.hint}` : "";
    warn({
      type: "warning",
      code: "reward-unavailable",
      message: `No reward model was used: ${advice.message}${hint}`,
    });
    return null;
  }
}

function chooseModel(
  configured: string | null,
  models: readonly ModelInfo[],
  url: string,
  role: "policy" | "reward",
): { model: string; simulated: boolean; engine?: "embedded" } {
  const chosen = configured ? models.find((m) => m.id === configured) : preferredModel(models, role);
  if (!chosen) {
    const listed = models.map((m) => m.id).join(", ") || "none";
    const why = configured
      ? `does not serve the model "${configured}" (it serves: ${listed})`
      : "lists no models";
    throw new BackendError(role, "http", `${url}/models`, `the server ${why}`, 404);
  }
  const engine = chosen.ownedBy === EMBEDDED_OWNER ? { engine: "embedded" as const } : {};
  return { model: chosen.id, simulated: chosen.ownedBy === SIMULATOR_OWNER, ...engine };
}

/**
 * One vLLM process serves one model, but a gateway may list policy and reward models together:
 * without a configured id, prefer the model whose name says which role it plays.
 */
export function preferredModel(
  models: readonly ModelInfo[],
  role: "policy" | "reward",
): ModelInfo | undefined {
  const looksLikeReward = (m: ModelInfo) => /(^|[-_/.])(rm|prm|orm|reward)([-_/.]|$)/i.test(m.id);
  return models.find((m) => looksLikeReward(m) === (role === "reward")) ?? models[0];
}
