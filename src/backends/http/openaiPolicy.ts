/**
 * The policy adapter: any OpenAI-compatible chat server (vLLM, SGLang, llama.cpp, LM Studio, Ollama,
 * NIM or a hosted API). It learns once per endpoint what the server does with `n` (a probe with
 * `n: 2, max_tokens: 1`), the models it serves and their context, and fans candidates out to one
 * request each (seed + i) where `n` is not honoured, under a concurrency cap.
 */
import { POLICY_STOP_STRINGS, buildPolicyMessages, renderChatMl } from "../../core/prompts";
import { MalformedChunkError, splitChunk } from "../../core/backend/demux";
import { BackendError, isAbortError } from "../../core/backend/errors";
import { fanOut } from "../../core/backend/fanOut";
import {
  describeNSupport,
  fanOutSentence,
  nRefusal,
  planParts,
  type NSupport,
  type RequestPart,
} from "../../core/backend/nSupport";
import type {
  CandidateStops,
  ChoiceChunk,
  FanOutListener,
  GenerationRequest,
  ModelInfo,
  PolicyBackend,
  PromptCount,
} from "../../core/backend/ports";
import { estimateTokens } from "../../core/backend/tokenBudget";
import { Transport, type RetryPolicy, type Timeouts, type Wait } from "./transport";

export interface OpenAiPolicyOptions {
  baseUrl: string;
  apiKey: string | null;
  /** Told what the client learnt about the server (e.g. it ignores `n` and gets one request per candidate). */
  onNotice?: (message: string) => void;
  /** Told about skipped stream lines and retries: a log line, never a failure. */
  onLog?: (message: string) => void;
  timeouts?: Timeouts;
  retry?: RetryPolicy;
  wait?: Wait;
  /** At most this many requests at once when candidates are fanned out (default 4). */
  concurrency?: number;
}

/** What the client has learnt about this endpoint; forgotten (and probed again) after a failure. */
export interface PolicyProfile {
  n: NSupport | null;
  models: ModelInfo[] | null;
  /** Whether vLLM's POST /tokenize answered; null until tried. */
  tokenize: boolean | null;
}

export class OpenAiPolicyBackend implements PolicyBackend {
  readonly baseUrl: string;
  private readonly transport: Transport;
  private readonly concurrency: number;
  private readonly learned: PolicyProfile = { n: null, models: null, tokenize: null };

  constructor(private readonly options: OpenAiPolicyOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.concurrency = options.concurrency ?? 4;
    this.transport = new Transport({
      role: "policy",
      apiKey: options.apiKey,
      timeouts: options.timeouts,
      retry: options.retry,
      wait: options.wait,
      onLog: options.onLog,
    });
  }

  /** A copy of what is known so far (for the connection report). */
  profile(): PolicyProfile {
    return { ...this.learned };
  }

  /** Forget what was learnt: the next solve probes again (after a failure the server may have changed). */
  forget(): void {
    this.learned.n = null;
    this.learned.models = null;
    this.learned.tokenize = null;
  }

  async listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    const body = await this.transport.json({ url: `${this.baseUrl}/models`, method: "GET", signal });
    const data = (body as { data?: unknown } | null)?.data;
    if (!Array.isArray(data))
      throw new BackendError(
        "policy",
        "malformed",
        `${this.baseUrl}/models`,
        "no data array in the model list",
      );
    const models = data.map((m) => toModelInfo((m ?? {}) as Record<string, unknown>));
    this.learned.models = models;
    return models;
  }

  /**
   * What the server does with `n`: asked once with a one-token request for `n` choices (at least 2),
   * then remembered. A slot cap shows as a refusal naming the cap.
   */
  async nSupport(model: string, signal: AbortSignal, n = 2): Promise<NSupport | null> {
    if (this.learned.n) return this.learned.n;
    const asked = Math.max(2, n);
    let support: NSupport;
    try {
      const body = await this.transport.json({
        url: `${this.baseUrl}/chat/completions`,
        method: "POST",
        body: {
          model,
          messages: [{ role: "user", content: "1+1=" }],
          n: asked,
          max_tokens: 1,
          stream: false,
        },
        signal,
      });
      const choices = (body as { choices?: unknown } | null)?.choices;
      support = Array.isArray(choices) && choices.length >= 2 ? { kind: "honoured" } : { kind: "ignored" };
    } catch (error) {
      const refusal = nRefusal(error, asked);
      // The probe itself was refused for another reason (a picky hosted API): do not guess; the real
      // request answers the question, or fails with its own, truer message.
      if (!refusal && isRequestRefusal(error)) return null;
      if (!refusal) throw error;
      support = refusal;
    }
    this.learn(support);
    return support;
  }

  async countPromptTokens(model: string, problem: string, signal: AbortSignal): Promise<PromptCount> {
    const messages = buildPolicyMessages(problem);
    if (this.learned.tokenize !== false) {
      try {
        const body = await this.transport.json({
          url: `${serverRoot(this.baseUrl)}/tokenize`,
          method: "POST",
          body: { model, messages, add_generation_prompt: true },
          signal,
        });
        const { count, max_model_len: maxModelLen } = (body ?? {}) as {
          count?: unknown;
          max_model_len?: unknown;
        };
        if (typeof count === "number") {
          this.learned.tokenize = true;
          return { count, exact: true, maxModelLen: typeof maxModelLen === "number" ? maxModelLen : null };
        }
      } catch (error) {
        if (signal.aborted || isAbortError(error)) throw error;
      }
      this.learned.tokenize = false;
    }
    const prompt = `${renderChatMl(messages)}<|im_start|>assistant\n`;
    return { count: estimateTokens(prompt), exact: false, maxModelLen: null };
  }

  async *generate(
    request: GenerationRequest,
    signal: AbortSignal,
    stops?: CandidateStops,
    onFanOut?: FanOutListener,
  ): AsyncIterable<ChoiceChunk> {
    try {
      const support = request.n > 1 ? await this.nSupport(request.model, signal, request.n) : null;
      yield* this.generateWith(request, support, signal, stops, onFanOut);
    } catch (error) {
      if (!signal.aborted && !isAbortError(error)) this.forget();
      throw error;
    }
  }

  private async *generateWith(
    request: GenerationRequest,
    support: NSupport | null,
    signal: AbortSignal,
    stops: CandidateStops | undefined,
    onFanOut: FanOutListener | undefined,
  ): AsyncIterable<ChoiceChunk> {
    const parts = planParts(request.n, support);
    const announce = (how: NSupport, requests: number) =>
      onFanOut?.(fanOutSentence(this.baseUrl, how, request.n, requests, this.concurrency));
    if (parts.length > 1) {
      announce(support as NSupport, parts.length);
      yield* this.fanOutParts(request, parts, signal, stops);
      return;
    }
    // One stream carries all n candidates: abort it only when none of them is wanted any more.
    const streamSignal = withStops(signal, stops, range(0, request.n));
    const seen = new Set<number>();
    try {
      for await (const piece of this.stream(request, { first: 0, count: request.n }, streamSignal)) {
        seen.add(piece.index);
        yield piece;
      }
    } catch (error) {
      // The probe said yes but this size is refused (a slot cap below n): learn it and fan out.
      const refusal = seen.size === 0 ? nRefusal(error, request.n) : null;
      if (!refusal) throw error;
      this.learn(refusal);
      const refusedParts = planParts(request.n, refusal);
      announce(refusal, refusedParts.length);
      yield* this.fanOutParts(request, refusedParts, signal, stops);
      return;
    }
    if (request.n > 1 && seen.size > 1 && support === null) this.learn({ kind: "honoured" });
    if (request.n === 1 || streamSignal.aborted || seen.size > 1 || !seen.has(0)) return;
    // Only one choice came back for n > 1 (the probe could not tell, or the server changed its mind).
    this.learn({ kind: "ignored" });
    const rest = planParts(request.n, { kind: "ignored" }).slice(1);
    announce({ kind: "ignored" }, rest.length + 1);
    yield* this.fanOutParts(request, rest, signal, stops);
  }

  private learn(support: NSupport): void {
    const before = this.learned.n;
    this.learned.n = support;
    if (support.kind !== "honoured" && JSON.stringify(before) !== JSON.stringify(support)) {
      this.options.onNotice?.(
        `The server at ${this.baseUrl}: "n" ${describeNSupport(support)}; candidates go out in several requests, seed + i each, at most ${this.concurrency} at a time.`,
      );
    }
  }

  /** Several requests, each for some of the candidates, under the concurrency cap; each aborts on its own. */
  private fanOutParts(
    request: GenerationRequest,
    parts: RequestPart[],
    signal: AbortSignal,
    stops: CandidateStops | undefined,
  ): AsyncIterable<ChoiceChunk> {
    return fanOut(parts.length, this.concurrency, signal, (i, shared) => {
      const part = parts[i] as RequestPart;
      return this.stream(request, part, withStops(shared, stops, range(part.first, part.first + part.count)));
    });
  }

  /** One streaming request for choices `part.first`… (seed + first, as vLLM numbers a request's choices). */
  private async *stream(
    request: GenerationRequest,
    part: RequestPart,
    signal: AbortSignal,
  ): AsyncIterable<ChoiceChunk> {
    const seed = request.seed === null ? null : request.seed + part.first;
    const url = `${this.baseUrl}/chat/completions`;
    const events = this.transport.sse({
      url,
      method: "POST",
      body: {
        model: request.model,
        messages: buildPolicyMessages(request.problem),
        n: part.count,
        temperature: request.temperature,
        top_p: request.topP,
        max_tokens: request.maxTokens,
        ...(seed === null ? {} : { seed }),
        stop: POLICY_STOP_STRINGS,
        stream: true,
        stream_options: { include_usage: true },
      },
      signal,
    });
    try {
      for await (const event of events) {
        let pieces: ChoiceChunk[];
        try {
          pieces = splitChunk(event);
        } catch (error) {
          if (!(error instanceof MalformedChunkError)) throw error;
          this.options.onLog?.(`Skipped a stream event from ${url}: ${error.message}`);
          continue;
        }
        for (const piece of pieces) {
          // A server asked for fewer choices must not speak for candidates of other requests.
          if (piece.index >= part.count && part.count < request.n) continue;
          yield { ...piece, index: piece.index + part.first };
        }
      }
    } catch (error) {
      if (signal.aborted && isAbortError(error)) return;
      throw error;
    }
  }
}

/** The server refused the request's content (400/422), as opposed to being down, overloaded or unauthorised. */
function isRequestRefusal(error: unknown): boolean {
  return (
    error instanceof BackendError && error.kind === "http" && (error.status === 400 || error.status === 422)
  );
}

/** The request's own signal: the caller's cancel, or the caller no longer wanting any of its candidates. */
function withStops(signal: AbortSignal, stops: CandidateStops | undefined, indices: number[]): AbortSignal {
  return stops ? AbortSignal.any([signal, stops.whenAllStopped(indices)]) : signal;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** vLLM serves /tokenize (and the pooling API) at the root, not under /v1. */
export function serverRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
}

export function toModelInfo(raw: Record<string, unknown>): ModelInfo {
  return {
    id: String(raw.id),
    ownedBy: typeof raw.owned_by === "string" ? raw.owned_by : null,
    maxModelLen: typeof raw.max_model_len === "number" ? raw.max_model_len : null,
  };
}
