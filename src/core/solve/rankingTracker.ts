/**
 * Keeps the ranking current as candidates finish and get scored, emitting a `ranking` event after
 * each change. Recomputations are serialised and coalesced: grouping may be asynchronous
 * (symbolic equivalence), and only the latest state matters.
 */
import { hasEnded, type FinishReason, type RankingMethod, type ScoreKind, type SolveEvent } from "./events";
import {
  DEFAULT_RANKING_POLICY,
  groupByExactAnswer,
  methodFor,
  rankCandidates,
  type AnswerGrouper,
  type RankableCandidate,
  type RankingPolicy,
} from "./ranking";

export class RankingTracker {
  private readonly candidates = new Map<number, RankableCandidate>();
  private method: RankingMethod;
  private running: Promise<void> | null = null;
  private dirty = false;
  private scoreKind: ScoreKind | null = null;

  constructor(
    private readonly groupAnswers: AnswerGrouper,
    private readonly emit: (event: SolveEvent) => void,
    withReward: boolean,
    policy: RankingPolicy = DEFAULT_RANKING_POLICY,
  ) {
    this.method = methodFor(policy, withReward);
  }

  candidateFinished(
    index: number,
    answer: string | null,
    finishReason: FinishReason,
    confidence?: number,
  ): void {
    const score = this.candidates.get(index)?.score ?? null;
    const policyConfidence = confidence === undefined ? {} : { confidence };
    this.candidates.set(index, { index, answer, score, ended: hasEnded(finishReason), ...policyConfidence });
    this.schedule();
  }

  candidateScored(index: number, score: number, kind: ScoreKind | null = null): void {
    this.scoreKind = kind ?? this.scoreKind;
    const candidate = this.candidates.get(index);
    if (candidate) candidate.score = score;
    this.schedule();
  }

  /** The reward model turned out unusable mid-solve: rank by votes from now on. */
  fallBackToMajority(): void {
    this.method = "majority";
    this.schedule();
  }

  /** Resolves when every change so far is reflected in an emitted ranking. */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(): void {
    this.dirty = true;
    this.running ??= this.loop().finally(() => (this.running = null));
  }

  private async loop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const snapshot = [...this.candidates.values()].map((c) => ({ ...c }));
      const ranking = await rankCandidates(snapshot, this.method, this.groupAnswers, this.scoreKind).catch(
        () =>
          // Symbolic grouping failed (it should answer "unknown" instead); exact grouping still ranks.
          rankCandidates(snapshot, this.method, groupByExactAnswer, this.scoreKind),
      );
      this.emit({ type: "ranking", method: this.method, ...ranking });
    }
  }
}
