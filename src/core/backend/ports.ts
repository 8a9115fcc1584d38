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

export interface PolicyBackend {
  readonly baseUrl: string;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  /** Streams the n choices, interleaved. Ends normally when the server is done or `signal` aborts. */
  generate(request: GenerationRequest, signal: AbortSignal): AsyncIterable<ChoiceChunk>;
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
