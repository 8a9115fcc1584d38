import type { SolveErrorInfo } from "../solve/events";
import { DEFAULT_PORTS } from "./defaults";
import { BackendError, type BackendRole } from "./errors";

/** What a start command needs beyond the failing URL: the configured model ids (null: AceMath's defaults). */
export interface AdviceContext {
  policyModel?: string | null;
  rewardModel?: string | null;
}

const DEFAULT_START = {
  policy: {
    model: "nvidia/AceMath-7B-Instruct",
    port: DEFAULT_PORTS.policy,
    extra: " --enable-prefix-caching",
  },
  reward: { model: "nvidia/AceMath-7B-RM", port: DEFAULT_PORTS.reward, extra: "" },
} as const;

/**
 * A command line that starts a server the configured URL reaches, serving the configured model:
 * the URL's port (the scheme's when it names none), else the role's default port.
 */
export function startCommand(
  role: BackendRole,
  url: string | null,
  model: string | null | undefined,
): string {
  const defaults = DEFAULT_START[role];
  const served = model?.trim() || defaults.model;
  return `vllm serve ${shellWord(served)} --port ${portOf(url) ?? defaults.port} --max-model-len 4096${defaults.extra}`;
}

function portOf(url: string | null): number | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.port) return Number(parsed.port);
    if (parsed.protocol === "http:") return 80;
    if (parsed.protocol === "https:") return 443;
    return null;
  } catch {
    return null;
  }
}

/** A model id as one shell word: ids are usually plain, but a setting may hold anything. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** Setting names the advice refers to; the extension declares them in package.json. */
export const SETTING = {
  policyBaseUrl: "acemath.policy.baseUrl",
  policyModel: "acemath.policy.model",
  rewardBaseUrl: "acemath.reward.baseUrl",
  rewardModel: "acemath.reward.model",
  maxTokens: "acemath.maxTokens",
  timeouts: "acemath.timeouts",
} as const;

/** Turns any failure of a backend into a message that names the URL, the cause and the fix. */
export function adviseOnBackendError(error: unknown, context: AdviceContext = {}): SolveErrorInfo {
  if (!(error instanceof BackendError)) {
    return { message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` };
  }
  const policy = error.role === "policy";
  const what = policy ? "policy model server" : "reward model server";
  const urlSetting = policy ? SETTING.policyBaseUrl : SETTING.rewardBaseUrl;
  const hint = startCommand(error.role, error.url, policy ? context.policyModel : context.rewardModel);
  switch (error.kind) {
    case "unreachable":
      return {
        message: `Cannot reach the ${what} at ${error.url} (${error.message}). Start one, or point ${urlSetting} at a running server.`,
        setting: urlSetting,
        hint,
      };
    case "dropped":
      return {
        message: `The ${what} at ${error.url} dropped the connection: ${error.message}.`,
        setting: urlSetting,
      };
    case "timeout":
      return {
        message: `The ${what} at ${error.url} ${error.message}. Check that it is running and not overloaded, or raise ${SETTING.timeouts}.* (CLI: --timeout SECONDS).`,
        setting: SETTING.timeouts,
      };
    case "malformed":
      return {
        message: `The ${what} at ${error.url} sent a response that is not in the OpenAI/vLLM format: ${error.message}`,
        setting: urlSetting,
      };
    case "http":
      return httpAdvice(error, what, urlSetting, context);
  }
}

function httpAdvice(
  error: BackendError,
  what: string,
  urlSetting: string,
  context: AdviceContext,
): SolveErrorInfo {
  const prefix = `The ${what} at ${error.url} answered HTTP ${error.status}: ${error.message}`;
  switch (error.status) {
    case 401:
    case 403:
      return { message: `${prefix}. Set an API key with the command "AceMath: Set API Key".` };
    case 404:
      return error.role === "policy"
        ? {
            message: `${prefix}. Check the model id, and that the URL ends where the server's OpenAI API starts (usually …/v1).`,
            setting: SETTING.policyModel,
          }
        : {
            message: `${prefix}. The server offers no reward endpoint (/classify or /pooling): serve a reward model with vLLM (${startCommand("reward", error.url, context.rewardModel)}), and give its URL without /v1.`,
            setting: SETTING.rewardBaseUrl,
          };
    case 400:
      return /context|too long|maximum|max_tokens/i.test(error.message)
        ? {
            message: `${prefix}. Shorten the problem or lower ${SETTING.maxTokens}.`,
            setting: SETTING.maxTokens,
          }
        : { message: prefix, setting: urlSetting };
    case 429:
    case 503:
      return {
        message: `${prefix}. The server is overloaded; try again in a moment or ask for fewer samples.`,
      };
    default:
      return { message: prefix, setting: urlSetting };
  }
}
