/**
 * Ports: what the solve pipeline needs from the outside world. Core declares them; adapters
 * (the OpenAI-compatible client, the vLLM reward client, test fakes) implement them.
 */
import type { ScoreKind } from "../solve/events";

export interface ModelInfo {
  id: string;
  ownedBy: string | null;
  /** vLLM reports the context length; other servers do not. */
  maxModelLen: number | null;
}

/** How to sample: the AceMath protocol's knobs, shared by every layer that asks for candidates. */
export interface SamplingParams {
  n: number;
  temperature: number;
  topP: number;
  maxTokens: number;
  /** Null: let the server pick (different candidates on every run). */
  seed: number | null;
}

export interface GenerationRequest extends SamplingParams {
  model: string;
  problem: string;
}

/** One piece of one choice, already separated from the interleaved stream. */
export interface ChoiceChunk {
  index: number;
  content: string;
  /** Set on the choice's last chunk. */
  finishReason: "stop" | "length" | null;
}

/**
 * The caller's way to say it no longer wants some candidates (it cut them at the size limit), so the
 * adapter can abort requests nobody needs any more while the others go on.
 */
export interface CandidateStops {
  /** Fires once the caller has stopped wanting every candidate in `indices` (one request's candidates). */
  whenAllStopped(indices: readonly number[]): AbortSignal;
}

export interface PolicyBackend {
  readonly baseUrl: string;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  /**
   * Streams the n choices, interleaved. Ends normally when the server is done, when `signal` aborts,
   * or when `stops` says that no candidate of any open request is wanted any more.
   */
  generate(
    request: GenerationRequest,
    signal: AbortSignal,
    stops?: CandidateStops,
  ): AsyncIterable<ChoiceChunk>;
}

export interface RewardScores {
  /** One score per input solution, in input order. */
  scores: number[];
  kind: ScoreKind;
}

export interface RewardBackend {
  readonly baseUrl: string;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  score(
    model: string,
    problem: string,
    solutions: readonly string[],
    signal: AbortSignal,
  ): Promise<RewardScores>;
}
