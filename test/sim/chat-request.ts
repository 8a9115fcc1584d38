// TEST FIXTURE: validation of a simulated /v1/chat/completions request, with vLLM's status codes and wording.
import { renderChatMl, type ChatMessage } from "./chatml";
import { isObject, servesPolicy, type ListenerSettings } from "./exchange";
import { countTokens } from "./tokens";
import { MAX_MODEL_LEN } from "./types";

const MAX_N = 128;

export interface ChatRequest {
  model: string;
  problem: string;
  n: number;
  seed: number;
  temperature: number;
  maxTokens: number;
  stop: string[];
  stream: boolean;
  includeUsage: boolean;
  promptTokens: number;
}

export interface RequestProblem {
  status: 400 | 404;
  message: string;
  param: string | null;
}

const problemWith = (status: 400 | 404, message: string, param: string | null = null): RequestProblem => ({
  status,
  message,
  param,
});

/** Message content may be a string or OpenAI's list of parts; only text parts matter here. */
function contentText(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return undefined;
  return content.map((part) => (isObject(part) && typeof part.text === "string" ? part.text : "")).join("");
}

function parseMessages(raw: unknown): ChatMessage[] | RequestProblem {
  if (raw === undefined) return problemWith(400, "Field required: messages", "messages");
  if (!Array.isArray(raw) || raw.length === 0)
    return problemWith(400, "messages must be a non-empty list", "messages");
  const messages: ChatMessage[] = [];
  for (const m of raw) {
    const content = isObject(m) ? contentText(m.content) : undefined;
    if (!isObject(m) || typeof m.role !== "string" || content === undefined) {
      return problemWith(400, "each message needs a string role and a text content", "messages");
    }
    messages.push({ role: m.role, content });
  }
  return messages;
}

function optionalInteger(
  value: unknown,
  name: string,
  min: number,
  max: number,
): number | undefined | RequestProblem {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    return problemWith(400, `${name} must be an integer between ${min} and ${max}`, name);
  }
  return value;
}

function parseStop(value: unknown): string[] | RequestProblem {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((s) => typeof s === "string")) return value;
  return problemWith(400, "stop must be a string or a list of strings", "stop");
}

const isProblem = (value: unknown): value is RequestProblem =>
  isObject(value) && "status" in value && "message" in value;

export function parseChatRequest(body: unknown, settings: ListenerSettings): ChatRequest | RequestProblem {
  if (!isObject(body)) return problemWith(400, "The request body must be a JSON object");
  const model = body.model ?? settings.policyModel;
  if (!servesPolicy(settings) || model !== settings.policyModel) {
    return problemWith(404, `The model \`${String(model)}\` does not exist.`, "model");
  }
  const messages = parseMessages(body.messages);
  if (isProblem(messages)) return messages;
  const n = optionalInteger(body.n, "n", 1, MAX_N);
  if (isProblem(n)) return n;
  const seed = optionalInteger(body.seed, "seed", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (isProblem(seed)) return seed;
  const maxTokens = optionalInteger(body.max_tokens ?? body.max_completion_tokens, "max_tokens", 1, 2 ** 31);
  if (isProblem(maxTokens)) return maxTokens;
  const stop = parseStop(body.stop);
  if (isProblem(stop)) return stop;
  const temperature = body.temperature ?? 1;
  if (typeof temperature !== "number" || temperature < 0) {
    return problemWith(400, "temperature must be a number of at least 0", "temperature");
  }
  const promptTokens = countTokens(renderChatMl(messages, { addGenerationPrompt: true }));
  const requested = promptTokens + (maxTokens ?? 0);
  if (promptTokens >= MAX_MODEL_LEN || requested > MAX_MODEL_LEN) {
    return problemWith(
      400,
      `This model's maximum context length is ${MAX_MODEL_LEN} tokens. However, you requested ${requested} tokens ` +
        `(${promptTokens} in the messages, ${requested - promptTokens} in the completion). ` +
        "Please reduce the length of the messages or completion.",
    );
  }
  const streamOptions = isObject(body.stream_options) ? body.stream_options : {};
  return {
    model: String(model),
    problem: messages.filter((m) => m.role === "user").pop()?.content ?? "",
    n: n ?? 1,
    seed: seed ?? 0,
    temperature,
    // Like vLLM, an absent max_tokens means "whatever the context has left".
    maxTokens: maxTokens ?? MAX_MODEL_LEN - promptTokens,
    stop,
    stream: body.stream === true,
    includeUsage: body.stream === true && streamOptions.include_usage === true,
    promptTokens,
  };
}

export function isRequestProblem(value: ChatRequest | RequestProblem): value is RequestProblem {
  return isProblem(value);
}
