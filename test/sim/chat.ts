// TEST FIXTURE: the simulated POST /v1/chat/completions, streaming and not, in vLLM's wire format.
import { isRequestProblem, parseChatRequest, type ChatRequest } from "./chat-request";
import type { GenerationEngine } from "./engine";
import type { Exchange } from "./exchange";
import { planChoices, type PlannedChoice } from "./generate";
import { CANARY_PATH, DEFAULT_HUGE_CHARS, ghostIndices, hostilePieces, hostileSolutions } from "./hostile";
import { isObject } from "./exchange";
import { sendError, sendJson, sleep, unixSeconds, untilAborted } from "./http";
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

/** What a server family does with `n` (docs/protocol.md §2): refuse, cap, ignore, or honour it. */
function familyRequest(exchange: Exchange): { body: unknown; refusal: string | null } {
  const { body, settings } = exchange;
  const n = isObject(body) && typeof body.n === "number" ? body.n : 1;
  switch (settings.family) {
    case "llamacpp-old":
      return { body, refusal: n > 1 ? "Only one completion choice is allowed" : null };
    case "llamacpp-new":
      return {
        body,
        refusal: n > settings.slots ? `n must be at most ${settings.slots} (the server's slot count)` : null,
      };
    case "ollama":
      return { body: isObject(body) ? { ...body, n: 1 } : body, refusal: null };
    default:
      return { body, refusal: null };
  }
}

export async function handleChat(exchange: Exchange): Promise<void> {
  const family = familyRequest(exchange);
  if (family.refusal !== null) {
    sendError(exchange.res, 400, family.refusal, "n");
    return;
  }
  const request = parseChatRequest(family.body, exchange.settings);
  if (isRequestProblem(request)) {
    sendError(exchange.res, request.status, request.message, request.param);
    return;
  }
  const choices = exchange.faults.hostile
    ? planHostileChoices(request, canaryUrl(exchange), exchange.faults.hugeChars)
    : planChoices(exchange.settings.dataset, request, exchange.settings.sampleLengths);
  if (request.stream) await streamChat(exchange, request, choices);
  else await answerChat(exchange, request, choices);
}

/** The canary on this very listener, as the client reached it. */
function canaryUrl(exchange: Exchange): string {
  return `http://127.0.0.1:${exchange.req.socket.localPort}${CANARY_PATH}`;
}

/**
 * Choice i gets hostile kind (seed + i) mod 6, whole: the hostile server ignores max_tokens. With seed 0 (or
 * none) choice i is kind i; a client that sends one request per candidate with seeds s, s+1… still gets them all.
 */
function planHostileChoices(
  request: ChatRequest,
  canary: string,
  hugeChars: number | undefined,
): PlannedChoice[] {
  const texts = hostileSolutions(canary, hugeChars ?? DEFAULT_HUGE_CHARS);
  const first = ((request.seed % texts.length) + texts.length) % texts.length;
  return Array.from({ length: request.n }, (_, index) => ({
    index,
    tokens: hostilePieces(texts[(first + index) % texts.length]!.text),
    finishReason: "stop",
    stopReason: null,
  }));
}

/** The `badIndices` fault's extra events: ghost choices after the role chunks, a second finish at the end. */
function ghostChoices(n: number): object[] {
  return ghostIndices(n).map((index) => ({
    index,
    delta: { content: `GHOST CHOICE ${index}: outside 0…${n - 1}, never to be shown. \\(\\boxed{666}\\)` },
    logprobs: null,
    finish_reason: "stop",
    stop_reason: null,
  }));
}

const SECOND_FINISH = {
  index: 0,
  delta: { content: " SECOND FINISH, never to be shown. \\(\\boxed{777}\\)" },
  logprobs: null,
  finish_reason: "stop",
  stop_reason: null,
};

function millisecondsPerStep(exchange: Exchange): number {
  const tps = exchange.settings.tokensPerSecond;
  return tps > 0 ? 1000 / tps : 0;
}

async function answerChat(exchange: Exchange, request: ChatRequest, choices: PlannedChoice[]): Promise<void> {
  const { res, signal, faults } = exchange;
  if (exchange.engine) await generateThroughEngine(exchange, choices, () => undefined);
  else {
    const longest = Math.max(...choices.map((c) => c.tokens.length));
    await sleep(exchange.settings.firstTokenMs + longest * millisecondsPerStep(exchange), signal);
  }
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
    for (const [position, c] of order.entries())
      yield { choice: choiceAt(c, step), endsStep: position === order.length - 1 };
  }
}

/** The stream's choice object for token `step` of `c`; the last one carries the finish. */
function choiceAt(c: PlannedChoice, step: number): object {
  const delta = { content: c.tokens[step] ?? "" };
  return step >= c.tokens.length - 1
    ? { index: c.index, delta, logprobs: null, finish_reason: c.finishReason, stop_reason: c.stopReason }
    : { index: c.index, delta, logprobs: null, finish_reason: null };
}

/** Every choice as one sequence of the listener's engine (the load knobs); resolves when all are done. */
async function generateThroughEngine(
  exchange: Exchange,
  choices: readonly PlannedChoice[],
  onToken: (c: PlannedChoice, step: number) => void,
): Promise<void> {
  const engine = exchange.engine as GenerationEngine;
  await Promise.all(
    choices.map((c) =>
      engine.generate({
        seq: exchange.record.seq,
        choice: c.index,
        tokens: Math.max(c.tokens.length, 1),
        onToken: (step) => onToken(c, step),
        signal: exchange.signal,
      }),
    ),
  );
}

type Emit = (text: string) => Promise<boolean>;
type Envelope = Record<string, unknown>;

/** The engine's content events: each choice's tokens as its sequence gets them; false if the stream ended. */
async function engineContent(exchange: Exchange, choices: PlannedChoice[], envelope: Envelope, emit: Emit) {
  // Events are written in the order the engine produced them; a stopped stream stops writing.
  let writes = Promise.resolve(true);
  await generateThroughEngine(exchange, choices, (c, step) => {
    const text = sseEvent({ ...envelope, choices: [choiceAt(c, step)] });
    writes = writes.then((ok) => ok && emit(text));
  });
  return (await writes) && !exchange.signal.aborted;
}

/** Without the engine: every choice advances one token per step together, in a seeded order per step. */
async function lockstepContent(
  exchange: Exchange,
  request: ChatRequest,
  choices: PlannedChoice[],
  envelope: Envelope,
  emit: Emit,
): Promise<boolean> {
  const msPerStep = millisecondsPerStep(exchange);
  const started = Date.now();
  let step = 0;
  for (const { choice, endsStep } of contentEvents(request, choices)) {
    if (!(await emit(sseEvent({ ...envelope, choices: [choice] })))) return false;
    if (!endsStep) continue;
    step++;
    // Sleep only when ahead of schedule by a whole millisecond; yield anyway so a client's close is seen.
    const ahead = started + step * msPerStep - Date.now();
    if (ahead >= 1) await sleep(ahead, exchange.signal);
    else await new Promise((resolve) => setImmediate(resolve));
  }
  return true;
}

function plannedEventCount(
  request: ChatRequest,
  choices: readonly PlannedChoice[],
  faults: Exchange["faults"],
): number {
  const content = choices.reduce((sum, c) => sum + Math.max(c.tokens.length, 1), 0);
  const extra = faults.badIndices ? ghostIndices(request.n).length + 1 : 0;
  return choices.length + content + extra + (request.includeUsage ? 1 : 0) + 1;
}

async function streamChat(exchange: Exchange, request: ChatRequest, choices: PlannedChoice[]): Promise<void> {
  const { res, signal, faults, record } = exchange;
  const envelope = {
    id: exchange.responseId("chatcmpl"),
    object: "chat.completion.chunk",
    created: unixSeconds(),
    model: request.model,
  };
  record.eventsPlanned = plannedEventCount(request, choices, faults);
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  record.status = 200;

  let malformedSent = false;
  /** Writes one event unless the client left or a fault ends the stream here; false means stop generating. */
  const emit = async (text: string): Promise<boolean> => {
    if (signal.aborted) return false;
    if (faults.stallAfterEvents !== undefined && record.eventsSent >= faults.stallAfterEvents) {
      await untilAborted(signal); // a stalled server: the connection stays open, nothing more comes
      return false;
    }
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

  // With the engine, the first-token delay starts when each sequence is admitted.
  if (!exchange.engine) await sleep(exchange.settings.firstTokenMs, signal);
  for (const c of choices) {
    const role = {
      index: c.index,
      delta: { role: "assistant", content: "" },
      logprobs: null,
      finish_reason: null,
    };
    if (!(await emit(sseEvent({ ...envelope, choices: [role] })))) return;
  }
  if (faults.badIndices)
    for (const ghost of ghostChoices(request.n))
      if (!(await emit(sseEvent({ ...envelope, choices: [ghost] })))) return;
  const streamed = exchange.engine
    ? await engineContent(exchange, choices, envelope, emit)
    : await lockstepContent(exchange, request, choices, envelope, emit);
  if (!streamed) return;
  if (faults.badIndices && !(await emit(sseEvent({ ...envelope, choices: [SECOND_FINISH] })))) return;
  if (
    request.includeUsage &&
    !(await emit(sseEvent({ ...envelope, choices: [], usage: usageOf(request, choices) })))
  )
    return;
  if (!(await emit(SSE_DONE))) return;
  res.end();
}
