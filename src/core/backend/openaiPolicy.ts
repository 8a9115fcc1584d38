/**
 * The policy adapter: any OpenAI-compatible chat server (vLLM, SGLang, llama.cpp, LM Studio,
 * Ollama, OpenAI) through the `openai` SDK with a base URL override.
 */
import OpenAI from "openai";
import { POLICY_STOP_STRINGS, buildPolicyMessages } from "../prompts";
import { mergeAsyncIterables } from "../util/asyncQueue";
import { MalformedChunkError, splitChunk } from "./demux";
import { BackendError, isAbortError, serverErrorMessage, systemErrorCode } from "./errors";
import type { CandidateStops, ChoiceChunk, GenerationRequest, ModelInfo, PolicyBackend } from "./ports";

export interface OpenAiPolicyOptions {
  baseUrl: string;
  apiKey: string | null;
  /** Told when the server ignores `n` and the client falls back to one request per candidate. */
  onNotice?: (message: string) => void;
}

export class OpenAiPolicyBackend implements PolicyBackend {
  readonly baseUrl: string;
  private readonly client: OpenAI;
  /** Learnt from the first multi-choice answer: Ollama and others silently return one choice. */
  private serverHonoursN: boolean | null = null;

  constructor(private readonly options: OpenAiPolicyOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.client = new OpenAI({
      baseURL: this.baseUrl,
      // Local servers need no key, but the SDK insists on one; "EMPTY" is vLLM's documented placeholder.
      apiKey: options.apiKey ?? "EMPTY",
      // Retrying would hide a dead server behind seconds of back-off; the user retries explicitly.
      maxRetries: 0,
      logLevel: "off",
    });
  }

  async listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    try {
      const page = await this.client.models.list({ signal });
      return page.data.map((model) => toModelInfo(model as unknown as Record<string, unknown>));
    } catch (error) {
      throw this.translate(error);
    }
  }

  async *generate(
    request: GenerationRequest,
    signal: AbortSignal,
    stops?: CandidateStops,
  ): AsyncIterable<ChoiceChunk> {
    if (request.n > 1 && this.serverHonoursN === false) {
      yield* this.fanOut(request, 0, signal, stops);
      return;
    }
    // One stream carries all n candidates: abort it only when none of them is wanted any more.
    const streamSignal = withStops(signal, stops, range(0, request.n));
    const seen = new Set<number>();
    for await (const piece of this.stream(request, request.n, request.seed, streamSignal)) {
      seen.add(piece.index);
      yield piece;
    }
    if (request.n === 1 || streamSignal.aborted) return;
    this.serverHonoursN = seen.size > 1 || !seen.has(0);
    if (!this.serverHonoursN) {
      this.options.onNotice?.(
        `The server at ${this.baseUrl} ignores "n" and returned one solution; sending ${request.n - 1} more requests, one per candidate.`,
      );
      yield* this.fanOut(request, 1, signal, stops);
    }
  }

  /** One request per candidate, each with its own seed, for servers that ignore `n`; each aborts on its own. */
  private fanOut(
    request: GenerationRequest,
    firstIndex: number,
    signal: AbortSignal,
    stops: CandidateStops | undefined,
  ): AsyncIterable<ChoiceChunk> {
    const baseSeed = request.seed ?? Math.floor(Math.random() * 2 ** 31);
    const streams: AsyncIterable<ChoiceChunk>[] = [];
    for (let index = firstIndex; index < request.n; index++) {
      const own = withStops(signal, stops, [index]);
      streams.push(renumber(this.stream(request, 1, baseSeed + index, own), index));
    }
    return mergeAsyncIterables(streams);
  }

  private async *stream(
    request: GenerationRequest,
    n: number,
    seed: number | null,
    signal: AbortSignal,
  ): AsyncIterable<ChoiceChunk> {
    try {
      const stream = await this.client.chat.completions.create(
        {
          model: request.model,
          messages: buildPolicyMessages(request.problem),
          n,
          temperature: request.temperature,
          top_p: request.topP,
          max_tokens: request.maxTokens,
          ...(seed === null ? {} : { seed }),
          stop: POLICY_STOP_STRINGS,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal },
      );
      // The SDK ends the iteration quietly when `signal` aborts; the caller checks `signal.aborted`.
      for await (const chunk of stream) yield* splitChunk(chunk);
    } catch (error) {
      if (signal.aborted && isAbortError(error)) return;
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    if (isAbortError(error) || error instanceof BackendError) return error;
    const url = this.baseUrl;
    if (error instanceof MalformedChunkError)
      return new BackendError("policy", "malformed", url, error.message);
    if (error instanceof SyntaxError) {
      return new BackendError(
        "policy",
        "malformed",
        url,
        `a stream chunk is not valid JSON (${error.message})`,
      );
    }
    if (error instanceof OpenAI.APIConnectionError) {
      const code = systemErrorCode(error);
      return new BackendError("policy", "unreachable", url, code ?? error.message);
    }
    if (error instanceof OpenAI.APIError) {
      const message = serverErrorMessage(error.error) ?? error.message;
      // The SDK raises an APIError without status for an error event inside an SSE stream.
      return error.status === undefined
        ? new BackendError("policy", "http", url, `error inside the stream: ${message}`)
        : new BackendError("policy", "http", url, message, error.status);
    }
    const code = systemErrorCode(error);
    if (code) return new BackendError("policy", "unreachable", url, code);
    const message = error instanceof Error ? error.message : String(error);
    return new BackendError("policy", "dropped", url, message);
  }
}

/** The request's own signal: the caller's cancel, or the caller no longer wanting any of its candidates. */
function withStops(signal: AbortSignal, stops: CandidateStops | undefined, indices: number[]): AbortSignal {
  return stops ? AbortSignal.any([signal, stops.whenAllStopped(indices)]) : signal;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

async function* renumber(pieces: AsyncIterable<ChoiceChunk>, index: number): AsyncIterable<ChoiceChunk> {
  for await (const piece of pieces) yield { ...piece, index };
}

export function toModelInfo(raw: Record<string, unknown>): ModelInfo {
  return {
    id: String(raw.id),
    ownedBy: typeof raw.owned_by === "string" ? raw.owned_by : null,
    maxModelLen: typeof raw.max_model_len === "number" ? raw.max_model_len : null,
  };
}
