/**
 * Scores candidates as they finish, so scoring overlaps generation: candidates that finish in the
 * same tick go in one /classify batch, sent at once, even while earlier batches are out. Waiting
 * for an earlier batch would add a whole reward round trip after the last candidate finishes;
 * vLLM batches concurrent requests itself, and a solve sends at most n of them.
 */
import { adviseOnBackendError } from "../backend/advice";
import { isAbortError } from "../backend/errors";
import type { RewardBackend, ScoreFailure } from "../backend/ports";
import type { SolveEvent } from "./events";
import type { RankingTracker } from "./rankingTracker";
import { EndOfTurn } from "../util/endOfTurn";

export interface RewardSchedulerOptions {
  backend: RewardBackend;
  model: string;
  problem: string;
  signal: AbortSignal;
  emit: (event: SolveEvent) => void;
  ranking: RankingTracker;
}

/**
 * vLLM before 0.9.0 applied softmax to a one-label head, so every score came back exactly 1.0
 * (docs/protocol.md §3). Such scores carry no ranking information.
 */
export function looksDegenerate(scores: readonly number[]): boolean {
  return scores.length >= 2 && scores.every((s) => s === 1);
}

export class RewardScheduler {
  private readonly pending: { index: number; text: string }[] = [];
  private readonly scores = new Map<number, number>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Choices that finish in one network read share a batch. */
  private readonly flushSoon = new EndOfTurn(() => this.flush());
  private disabled = false;

  constructor(private readonly options: RewardSchedulerOptions) {}

  enqueue(index: number, text: string): void {
    if (this.disabled) return;
    this.pending.push({ index, text });
    this.flushSoon.request();
  }

  /** Resolves when every enqueued candidate is scored (or scoring was given up). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.flushSoon.pending) {
      await (this.inFlight.size > 0
        ? Promise.all(this.inFlight)
        : new Promise((resolve) => setTimeout(resolve, 0)));
    }
  }

  private flush(): void {
    if (this.pending.length === 0 || this.disabled || this.options.signal.aborted) return;
    const request = this.scoreBatch(this.pending.splice(0, this.pending.length)).finally(() =>
      this.inFlight.delete(request),
    );
    this.inFlight.add(request);
  }

  private async scoreBatch(batch: { index: number; text: string }[]): Promise<void> {
    const { backend, model, problem, signal, emit, ranking } = this.options;
    try {
      const result = await backend.score(
        model,
        problem,
        batch.map((c) => c.text),
        signal,
      );
      batch.forEach((candidate, i) => {
        const score = result.scores[i];
        if (score === null || score === undefined) return;
        this.scores.set(candidate.index, score);
        emit({ type: "scored", index: candidate.index, score, scoreKind: result.kind });
        ranking.candidateScored(candidate.index, score, result.kind);
      });
      this.reportUnscored(batch, result.failures ?? []);
      if (looksDegenerate([...this.scores.values()])) {
        this.giveUp(
          "reward-degenerate",
          `The reward model at ${backend.baseUrl} gives every candidate exactly 1.0, so it cannot rank them. vLLM before 0.9.0 applies softmax to a one-label head: upgrade vLLM, or serve the model with its raw score. Ranked by majority vote instead.`,
        );
      }
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      this.giveUp(
        "reward-failed",
        `Reward scoring failed, ranked by majority vote instead: ${adviseOnBackendError(error).message}`,
      );
    }
  }

  /**
   * Candidates left unscored, once each: too long for the reward model's context (not sent), or
   * refused by the server (its own reason).
   */
  private reportUnscored(batch: { index: number }[], failures: readonly ScoreFailure[]): void {
    const url = this.options.backend.baseUrl;
    for (const failure of failures) {
      const candidate = batch[failure.position];
      if (!candidate) continue;
      const why =
        failure.reason === "too-long"
          ? `${failure.message} (reward model at ${url}); the other candidates are scored`
          : `the reward model at ${url} answered: ${failure.message}`;
      this.options.emit({
        type: "warning",
        code: "candidate-unscored",
        message: `Candidate ${candidate.index + 1} was not scored: ${why}${/[.!?]$/.test(why) ? "" : "."}`,
      });
    }
  }

  private giveUp(code: "reward-degenerate" | "reward-failed", message: string): void {
    if (this.disabled) return;
    this.disabled = true;
    this.pending.length = 0;
    this.options.emit({ type: "warning", code, message });
    this.options.ranking.fallBackToMajority();
  }
}
