// TEST FIXTURE: the simulated POST /v1/chat/completions, streaming and not, in vLLM's wire format.
import { isRequestProblem, parseChatRequest, type ChatRequest } from "./chat-request";
import type { Exchange } from "./exchange";
import { planChoices, type PlannedChoice } from "./generate";
import { sendError, sendJson, sleep, unixSeconds } from "./http";
import { seededRandom, shuffled } from "./random";
import { SSE_DONE, SSE_HEADERS, SSE_MALFORMED, sseEvent, writeSse } from "./sse";

interface Usage {
  prompt_tokens: number;
  total_tokens: number;
  completion_tokens: number;
}

function usageOf(request: ChatRequest, choices: readonly PlannedChoice[]): Usage {
  // vLLM counts the shared prompt once and sums the completions of all n choices.
  const completion = choices.reduce((sum, c) => sum + c.tokens.length, 0);
  return {
    prompt_tokens: request.promptTokens,
    total_tokens: request.promptTokens + completion,
    completion_tokens: completion,
  };
}

export async function handleChat(exchange: Exchange): Promise<void> {
  const request = parseChatRequest(exchange.body, exchange.settings);
  if (isRequestProblem(request)) {
    sendError(exchange.res, request.status, request.message, request.param);
    return;
  }
  const choices = planChoices(exchange.settings.dataset, request);
  if (request.stream) await streamChat(exchange, request, choices);
  else await answerChat(exchange, request, choices);
}

function millisecondsPerStep(exchange: Exchange): number {
  const tps = exchange.settings.tokensPerSecond;
  return tps > 0 ? 1000 / tps : 0;
}

async function answerChat(exchange: Exchange, request: ChatRequest, choices: PlannedChoice[]): Promise<void> {
  const { res, signal, faults } = exchange;
  const longest = Math.max(...choices.map((c) => c.tokens.length));
  await sleep(exchange.settings.firstTokenMs + longest * millisecondsPerStep(exchange), signal);
  if (signal.aborted) return;
  if (faults.dropAfterEvents !== undefined) {
    exchange.record.dropped = true;
    res.destroy();
    return;
  }
  const body = {
    id: exchange.responseId("chatcmpl"),
    object: "chat.completion",
    created: unixSeconds(),
    model: request.model,
    choices: choices.map((c) => ({
      index: c.index,
      message: { role: "assistant", content: c.tokens.join(""), tool_calls: [] },
      logprobs: null,
      finish_reason: c.finishReason,
      stop_reason: c.stopReason,
    })),
    usage: usageOf(request, choices),
    prompt_logprobs: null,
  };
  if (faults.malformedAfterEvents !== undefined) {
    const text = JSON.stringify(body);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(text.slice(0, Math.floor(text.length / 2)));
    return;
  }
  sendJson(res, 200, body);
}

/** Every event the stream carries after the role chunks, one choice per event, in a seeded interleaving. */
function* contentEvents(
  request: ChatRequest,
  choices: readonly PlannedChoice[],
): Generator<{ choice: object; endsStep: boolean }> {
  const random = seededRandom("interleave", request.seed);
  // A choice with no text still gets one event: the one that carries its finish_reason.
  const steps = Math.max(...choices.map((c) => Math.max(c.tokens.length, 1)));
  for (let step = 0; step < steps; step++) {
    const active = choices.filter((c) => step < Math.max(c.tokens.length, 1));
    const order = shuffled(active, random);
    for (const [position, c] of order.entries()) {
      const isLast = step >= c.tokens.length - 1;
      const delta = { content: c.tokens[step] ?? "" };
      const choice = isLast
        ? { index: c.index, delta, logprobs: null, finish_reason: c.finishReason, stop_reason: c.stopReason }
        : { index: c.index, delta, logprobs: null, finish_reason: null };
      yield { choice, endsStep: position === order.length - 1 };
    }
  }
}

function plannedEventCount(request: ChatRequest, choices: readonly PlannedChoice[]): number {
  const content = choices.reduce((sum, c) => sum + Math.max(c.tokens.length, 1), 0);
  return choices.length + content + (request.includeUsage ? 1 : 0) + 1;
}

async function streamChat(exchange: Exchange, request: ChatRequest, choices: PlannedChoice[]): Promise<void> {
  const { res, signal, faults, record } = exchange;
  const envelope = {
    id: exchange.responseId("chatcmpl"),
    object: "chat.completion.chunk",
    created: unixSeconds(),
    model: request.model,
  };
  record.eventsPlanned = plannedEventCount(request, choices);
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  record.status = 200;

  let malformedSent = false;
  /** Writes one event unless the client left or a fault ends the stream here; false means stop generating. */
  const emit = async (text: string): Promise<boolean> => {
    if (signal.aborted) return false;
    if (faults.dropAfterEvents !== undefined && record.eventsSent >= faults.dropAfterEvents) {
      record.dropped = true;
      res.destroy();
      return false;
    }
    if (
      !malformedSent &&
      faults.malformedAfterEvents !== undefined &&
      record.eventsSent >= faults.malformedAfterEvents
    ) {
      malformedSent = true;
      await writeSse(res, SSE_MALFORMED);
    }
    await writeSse(res, text);
    if (signal.aborted) return false;
    record.eventsSent++;
    return true;
  };

  await sleep(exchange.settings.firstTokenMs, signal);
  for (const c of choices) {
    const role = {
      index: c.index,
      delta: { role: "assistant", content: "" },
      logprobs: null,
      finish_reason: null,
    };
    if (!(await emit(sseEvent({ ...envelope, choices: [role] })))) return;
  }
  const msPerStep = millisecondsPerStep(exchange);
  const started = Date.now();
  let step = 0;
  for (const { choice, endsStep } of contentEvents(request, choices)) {
    if (!(await emit(sseEvent({ ...envelope, choices: [choice] })))) return;
    if (!endsStep) continue;
    step++;
    // Sleep only when ahead of schedule by a whole millisecond; yield anyway so a client's close is seen.
    const ahead = started + step * msPerStep - Date.now();
    if (ahead >= 1) await sleep(ahead, signal);
    else await new Promise((resolve) => setImmediate(resolve));
  }
  if (
    request.includeUsage &&
    !(await emit(sseEvent({ ...envelope, choices: [], usage: usageOf(request, choices) })))
  )
    return;
  if (!(await emit(SSE_DONE))) return;
  res.end();
}
