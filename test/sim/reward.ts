// TEST FIXTURE: the simulated reward model's POST /classify and /pooling (vLLM's pooling API).
import { parseRewardInput, renderChatMl, type ChatMessage } from "./chatml";
import { isObject, servesReward, type Exchange } from "./exchange";
import { sendError, sendJson, unixSeconds } from "./http";
import { rewardFor, sigmoid } from "./scoring";
import { countTokens } from "./tokens";
import { MAX_MODEL_LEN } from "./types";

interface RewardRequest {
  model: string;
  inputs: string[];
  /** vLLM's newer `use_activation` and older `activation`: either one set to false asks for the raw score. */
  activation: boolean;
}

function parseRewardRequest(exchange: Exchange, field = "input"): RewardRequest | undefined {
  const { body, res, settings } = exchange;
  if (!isObject(body)) {
    sendError(res, 400, "The request body must be a JSON object");
    return undefined;
  }
  const model = body.model ?? settings.rewardModel;
  if (!servesReward(settings) || model !== settings.rewardModel) {
    sendError(res, 404, `The model \`${String(model)}\` does not exist.`, "model");
    return undefined;
  }
  const input = body[field];
  if (input === undefined) {
    sendError(res, 400, `Field required: ${field}`, field);
    return undefined;
  }
  const inputs = typeof input === "string" ? [input] : input;
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((s) => typeof s === "string")) {
    sendError(res, 400, `${field} must be a string or a non-empty list of strings`, field);
    return undefined;
  }
  const limit = settings.rewardContextLength;
  const tooLong = inputs.map(countTokens).find((tokens) => tokens > limit);
  if (tooLong !== undefined) {
    sendError(
      res,
      400,
      `This model's maximum context length is ${limit} tokens. However, you requested ${tooLong} tokens in the input. Please reduce the length of the input.`,
    );
    return undefined;
  }
  // Older vLLM has no flag and applies the default (sigmoid) whatever the client asks.
  const honoured = settings.rewardActivation === "honoured";
  const activation = !honoured || (body.use_activation !== false && body.activation !== false);
  return { model: String(model), inputs, activation };
}

function scoreInputs(exchange: Exchange, inputs: readonly string[]): number[] {
  return inputs.map((text) => {
    const { problem, solution } = parseRewardInput(text);
    return rewardFor(exchange.settings.dataset, problem, solution).score;
  });
}

function usageOf(inputs: readonly string[]) {
  const prompt = inputs.reduce((sum, text) => sum + countTokens(text), 0);
  return { prompt_tokens: prompt, total_tokens: prompt, completion_tokens: 0 };
}

/** The request's wait: its latency (fixed plus per token), in a forward pass after the running one when serial. */
function rewardTurn(exchange: Exchange, inputs: readonly string[]): Promise<void> {
  return exchange.rewardQueue.run(exchange.record.seq, inputs, exchange.signal);
}

/** Both reward endpoints: parse, wait the configured latency, score, answer in the endpoint's shape. */
async function handleReward(
  exchange: Exchange,
  idPrefix: string,
  toItem: (score: number, index: number, request: RewardRequest) => object,
): Promise<void> {
  const request = parseRewardRequest(exchange);
  if (!request) return;
  await rewardTurn(exchange, request.inputs);
  if (exchange.signal.aborted) return;
  const scores = scoreInputs(exchange, request.inputs);
  sendJson(exchange.res, 200, {
    id: exchange.responseId(idPrefix),
    object: "list",
    created: unixSeconds(),
    model: request.model,
    data: scores.map((score, index) => toItem(score, index, request)),
    usage: usageOf(request.inputs),
  });
}

export function handleClassify(exchange: Exchange): Promise<void> {
  // SGLang's OpenAI-style /v1/classify applies softmax: a one-label head always gives 1.0 there.
  const softmax = exchange.settings.family === "sglang";
  return handleReward(exchange, "classify", (score, index, request) => ({
    index,
    label: "LABEL_0",
    probs: [softmax ? 1 : request.activation ? sigmoid(score) : score],
    num_classes: 1,
  }));
}

/** SGLang's native /classify: `text` in, a bare list with the raw score at `embedding[0]` out. */
export async function handleSglangClassify(exchange: Exchange): Promise<void> {
  const request = parseRewardRequest(exchange, "text");
  if (!request) return;
  await rewardTurn(exchange, request.inputs);
  if (exchange.signal.aborted) return;
  const scores = scoreInputs(exchange, request.inputs);
  sendJson(
    exchange.res,
    200,
    scores.map((score, index) => ({ index, embedding: [score], meta_info: { id: `sim-${index}` } })),
  );
}

/** vLLM's POST /tokenize: a `prompt`, or `messages` rendered with the chat template. */
export function handleTokenize(exchange: Exchange): void {
  const { body, res } = exchange;
  if (!isObject(body)) return sendError(res, 400, "The request body must be a JSON object");
  let text: string;
  if (typeof body.prompt === "string") text = body.prompt;
  else if (Array.isArray(body.messages)) {
    const messages = body.messages.filter(isObject).map((m) => ({
      role: String(m.role),
      content: String(m.content),
    })) satisfies ChatMessage[];
    text = renderChatMl(messages, { addGenerationPrompt: body.add_generation_prompt === true });
  } else return sendError(res, 400, "Field required: prompt or messages", "prompt");
  const count = countTokens(text);
  sendJson(res, 200, {
    count,
    max_model_len:
      body.model === exchange.settings.rewardModel ? exchange.settings.rewardContextLength : MAX_MODEL_LEN,
    tokens: Array.from({ length: count }, (_, i) => i),
  });
}

/** /pooling returns the head's raw output: one number for a sequence classifier. */
export function handlePooling(exchange: Exchange): Promise<void> {
  return handleReward(exchange, "pool", (score, index) => ({ index, object: "pooling", data: [score] }));
}
