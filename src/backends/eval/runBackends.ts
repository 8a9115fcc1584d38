/**
 * The backends of one eval run. The solve pipeline asks the policy server for its models before
 * every solve (a health check that suits the editor); over a benchmark that is one /v1/models per
 * problem, so an eval run asks once per endpoint and reuses the answer (a failed answer is not kept).
 */
import type {
  CandidateStops,
  ChoiceChunk,
  FanOutListener,
  GenerationRequest,
  ModelInfo,
  PolicyBackend,
  PromptCount,
} from "../../core/backend/ports";

export class ModelsOncePolicy implements PolicyBackend {
  readonly baseUrl: string;
  readonly countPromptTokens?: (model: string, problem: string, signal: AbortSignal) => Promise<PromptCount>;
  private models: Promise<ModelInfo[]> | undefined;

  constructor(private readonly inner: PolicyBackend) {
    this.baseUrl = inner.baseUrl;
    // Kept optional: the pipeline estimates the prompt where the adapter cannot count.
    if (inner.countPromptTokens) this.countPromptTokens = inner.countPromptTokens.bind(inner);
  }

  listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    this.models ??= this.inner.listModels(signal).catch((error: unknown) => {
      this.models = undefined;
      throw error;
    });
    return this.models;
  }

  generate(
    request: GenerationRequest,
    signal: AbortSignal,
    stops?: CandidateStops,
    onFanOut?: FanOutListener,
  ): AsyncIterable<ChoiceChunk> {
    return this.inner.generate(request, signal, stops, onFanOut);
  }
}
