/**
 * The solve pipeline's output: a stream of plain-data events. Every consumer (the panel, the CLI,
 * the tests) folds them with `applySolveEvent` into a `SolveState`, so all views agree.
 */

/**
 * Why a candidate stopped: the server's `finish_reason`, or ours when we stopped it. "client-limit":
 * the client cut it at its size limit (`acemath.limits.*`); like "length", its text is partial and
 * its answer is the last complete `\boxed{}` before the cut, but the reward model does not score it
 * (a text that long exceeds the reward model's context).
 */
export type FinishReason = "stop" | "length" | "client-limit" | "cancelled" | "error";

/** Reasons of a candidate that ended (on its own or at a limit), as opposed to one interrupted by a cancel or an error. */
export const ENDED_REASONS: readonly FinishReason[] = ["stop", "length", "client-limit"];

export function hasEnded(reason: FinishReason | null): boolean {
  return reason !== null && ENDED_REASONS.includes(reason);
}

/** How the candidates are ordered ("weighted-vote": answers by summed softmax reward weight; see ranking.ts). */
export type RankingMethod = "reward" | "majority" | "weighted-vote";

/** Whether the reward score is the raw logit or sigmoid(logit) (servers differ; both rank the same). */
export type ScoreKind = "raw" | "sigmoid";

export interface BackendInfo {
  /** Base URL the requests went to, for messages and the panel. */
  url: string;
  model: string;
  /** True when the server identifies itself as the test/demo simulator. */
  simulated: boolean;
  /** "embedded": the in-process llama.cpp engine ran the model; absent: an inference server. */
  engine?: "embedded";
}

export interface SolveStarted {
  type: "started";
  problem: string;
  n: number;
  policy: BackendInfo;
  /** Null when no reward backend is configured. */
  reward: BackendInfo | null;
}

export interface CandidateDelta {
  type: "delta";
  index: number;
  text: string;
}

export interface CandidateFinished {
  type: "finished";
  index: number;
  finishReason: FinishReason;
  /** The extracted final answer (last `\boxed{}`), or null when the text has none. */
  answer: string | null;
  /** The policy's mean token log-probability, from engines that report it (the embedded one). */
  meanLogprob?: number;
}

export interface CandidateScored {
  type: "scored";
  index: number;
  score: number;
  scoreKind: ScoreKind;
}

export interface RankingChanged {
  type: "ranking";
  method: RankingMethod;
  /** Candidate indices, best first. */
  order: number[];
  /**
   * Candidates grouped by equivalent final answer, in the method's order: best score first ("reward"),
   * heaviest reward weight first ("weighted-vote"), most votes first ("majority").
   */
  groups: AnswerGroup[];
}

export interface AnswerGroup {
  answer: string;
  members: number[];
  /** Highest reward score among the members, null without a reward model. */
  bestScore: number | null;
}

/** Something the user should know that does not stop the solve (e.g. reward model unreachable). */
export interface SolveWarning {
  type: "warning";
  code: WarningCode;
  message: string;
}

export type WarningCode =
  | "reward-unavailable"
  | "reward-degenerate"
  | "reward-failed"
  /** The server does not honour `n`: the candidates went out in several requests (said once per solve). */
  | "n-unsupported"
  /** The reward model refused one candidate (e.g. longer than its context); the others are still scored. */
  | "candidate-unscored"
  /** max_tokens was lowered so that prompt plus solution fit the model's context. */
  | "max-tokens-lowered"
  /** The server sent choices outside 0…n−1 or finished a choice twice; the client ignored them. */
  | "ignored-choices"
  /** The window reloaded mid-solve (the panel, restored, says so; the requests closed with the old extension host). */
  | "interrupted-by-reload"
  /** A new solve replaced the panel's previous one, which is kept in the solve history (issue #9). */
  | "previous-solve-kept";

export interface SolveFailed {
  type: "error";
  error: SolveErrorInfo;
}

export interface SolveErrorInfo {
  message: string;
  /** The setting that fixes it, for an "Open setting" button. */
  setting?: string;
  /** A command line that starts a suitable server. */
  hint?: string;
}

export interface SolveDone {
  type: "done";
  outcome: "complete" | "cancelled" | "failed";
}

export type SolveEvent =
  | SolveStarted
  | CandidateDelta
  | CandidateFinished
  | CandidateScored
  | RankingChanged
  | SolveWarning
  | SolveFailed
  | SolveDone;
