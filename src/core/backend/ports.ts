/**
 * Ports: what the solve pipeline needs from the outside world. Core declares them; adapters
 * (the OpenAI-compatible client, the vLLM reward client, test fakes) implement them.
 */
import type { ScoreKind } from "../solve/events";

/** `ModelInfo.ownedBy` of the model the in-process llama.cpp engine runs (no server involved). */
export const EMBEDDED_OWNER = "embedded";

/** The embedded engine's stand-in for a base URL: it names the model file instead of a server. */
export const EMBEDDED_URL_PREFIX = "embedded:";

export function embeddedBaseUrl(modelPath: string): string {
  return `${EMBEDDED_URL_PREFIX}${modelPath}`;
}

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
  /**
   * On the last chunk, from engines that see token probabilities (the embedded engine): the mean
   * log-probability of the candidate's tokens, a confidence signal where no reward model runs.
   */
  meanLogprob?: number | null;
}

/**
 * The caller's way to say it no longer wants some candidates (it cut them at the size limit), so the
 * adapter can abort requests nobody needs any more while the others go on.
 */
export interface CandidateStops {
  /** Fires once the caller has stopped wanting every candidate in `indices` (one request's candidates). */
  whenAllStopped(indices: readonly number[]): AbortSignal;
}

/** How many tokens the prompt takes: counted by the server (vLLM's /tokenize) or estimated. */
export interface PromptCount {
  count: number;
  /** True when the server counted; false for an estimate. */
  exact: boolean;
  /** The context length, when the counting server reported it. */
  maxModelLen: number | null;
}

export interface PolicyBackend {
  readonly baseUrl: string;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  /** Optional: adapters that cannot count leave it out, and the pipeline estimates. */
  countPromptTokens?(model: string, problem: string, signal: AbortSignal): Promise<PromptCount>;
  /**
   * Streams the n choices, interleaved. Ends normally when the server is done, when `signal` aborts,
   * or when `stops` says that no candidate of any open request is wanted any more.
   */
  generate(
    request: GenerationRequest,
    signal: AbortSignal,
    stops?: CandidateStops,
    onFanOut?: FanOutListener,
  ): AsyncIterable<ChoiceChunk>;
}

/**
 * Told, in a plain sentence for the user, when the candidates go out in several requests because the
 * server does not honour `n` (ignored, capped or refused). May be called more than once per solve.
 */
export type FanOutListener = (message: string) => void;

export interface RewardScores {
  /** One score per input solution, in input order; null for a solution the server could not score. */
  scores: Array<number | null>;
  kind: ScoreKind;
  /** Why a solution has no score (e.g. its input exceeds the reward model's context), by input position. */
  failures?: ScoreFailure[];
}

export interface ScoreFailure {
  position: number;
  /** "refused": the server answered with this message; "too-long": the client did not send it (the message says why). */
  reason: "refused" | "too-long";
  message: string;
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

/**
 * A process reward model (Qwen2.5-Math-PRM style, docs/protocol.md §3): per step of a solution,
 * the probability (0–1) that the step is correct. The adapter renders the model's input format.
 */
export interface ProcessRewardBackend {
  readonly baseUrl: string;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  /** One probability per step, in order. */
  scoreSteps(problem: string, steps: readonly string[], signal: AbortSignal): Promise<number[]>;
}
