/**
 * "The configured servers first; the embedded engine when none answers": a policy backend that asks
 * its server at each solve's model discovery (the first request of a solve) and, only when nothing
 * listens there, asks for the fallback engine (which may need the user's consent, or may be off) and
 * runs that solve on it. The next solve tries the server again.
 */
import { BackendError } from "./errors";
import type {
  CandidateStops,
  ChoiceChunk,
  FanOutListener,
  GenerationRequest,
  ModelInfo,
  PolicyBackend,
  PromptCount,
} from "./ports";

export interface FallbackPolicyOptions {
  primary: PolicyBackend;
  /** The engine to use when the primary is unreachable; null when it is off or the user declined. */
  fallback: (reason: BackendError) => Promise<PolicyBackend | null>;
}

export class FallbackPolicyBackend implements PolicyBackend {
  private active: PolicyBackend;

  constructor(private readonly options: FallbackPolicyOptions) {
    this.active = options.primary;
  }

  get baseUrl(): string {
    return this.active.baseUrl;
  }

  async listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    const { primary } = this.options;
    try {
      const models = await primary.listModels(signal);
      this.active = primary;
      return models;
    } catch (error) {
      if (!(error instanceof BackendError) || error.kind !== "unreachable" || signal.aborted) throw error;
      const fallback = await this.options.fallback(error);
      if (!fallback) throw error;
      this.active = fallback;
      return fallback.listModels(signal);
    }
  }

  countPromptTokens(model: string, problem: string, signal: AbortSignal): Promise<PromptCount> {
    const active = this.active;
    if (!active.countPromptTokens) return Promise.reject(new Error("this backend cannot count tokens"));
    return active.countPromptTokens(model, problem, signal);
  }

  generate(
    request: GenerationRequest,
    signal: AbortSignal,
    stops?: CandidateStops,
    onFanOut?: FanOutListener,
  ): AsyncIterable<ChoiceChunk> {
    return this.active.generate(request, signal, stops, onFanOut);
  }
}
