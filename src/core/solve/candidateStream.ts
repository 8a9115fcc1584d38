/**
 * Reading the policy's stream into candidate events: demultiplexed pieces become deltas, finished
 * candidates get their answer extracted, ranked and sent to the reward model. Model output is
 * untrusted: choices outside 0…n−1 and second finishes are ignored (and reported once), and each
 * candidate and the whole solve are bounded by `OutputLimits`.
 */
import { adviseOnBackendError, type AdviceContext } from "../backend/advice";
import { ChoiceAccumulator, type PieceRejection } from "../backend/demux";
import { isAbortError } from "../backend/errors";
import type { ChoiceChunk, PolicyBackend } from "../backend/ports";
import { extractBoxed } from "../grading/extract";
import { CandidateStopper } from "./candidateStopper";
import type { FinishReason, SolveEvent } from "./events";
import { OutputBudget } from "./outputBudget";
import type { RankingTracker } from "./rankingTracker";
import { DEFAULT_OUTPUT_LIMITS, type SolveRequest } from "./request";
import type { RewardScheduler } from "./rewardScheduler";

export interface CandidateStreamContext {
  request: SolveRequest;
  policy: PolicyBackend;
  model: string;
  signal: AbortSignal;
  emit: (event: SolveEvent) => void;
  ranking: RankingTracker;
  scheduler: RewardScheduler | null;
  advice: AdviceContext;
}

export async function streamCandidates(context: CandidateStreamContext): Promise<"complete" | "failed"> {
  const { request, policy, model, signal, emit, ranking } = context;
  const reader = new CandidateReader(context);
  let outcome: "complete" | "failed" = "complete";
  try {
    const pieces = policy.generate({ ...request, model }, signal, reader.stopper, onceFanOut(emit));
    for await (const piece of pieces) reader.take(piece);
  } catch (error) {
    if (!(signal.aborted && isAbortError(error))) {
      const advice = adviseOnBackendError(error, context.advice);
      emit({ type: "error", error: { ...advice, message: advice.message + incompleteNote(reader.choices) } });
      outcome = "failed";
    }
  }
  // Candidates cut off by cancellation or a broken stream keep their text; they just have no answer.
  const reason = signal.aborted ? "cancelled" : "error";
  for (const index of reader.choices.unfinished()) {
    emit({ type: "finished", index, finishReason: reason, answer: null });
    ranking.candidateFinished(index, null, reason);
  }
  reader.reportIgnored(policy.baseUrl);
  return outcome;
}

/** The first fan-out sentence of a solve becomes one panel warning; replicas and retries may repeat it. */
function onceFanOut(emit: (event: SolveEvent) => void): (message: string) => void {
  let said = false;
  return (message) => {
    if (said) return;
    said = true;
    emit({ type: "warning", code: "n-unsupported", message });
  };
}

/** Says which candidates a failure cut short: their text stays, marked incomplete. */
function incompleteNote(choices: ChoiceAccumulator): string {
  const cut = choices.unfinished().filter((i) => choices.text(i).length > 0);
  if (cut.length === 0) return "";
  const which = cut.map((i) => i + 1).join(", ");
  return ` ${cut.length === 1 ? "Candidate" : "Candidates"} ${which} ${cut.length === 1 ? "is" : "are"} incomplete (kept as far as ${cut.length === 1 ? "it" : "they"} came).`;
}

class CandidateReader {
  readonly choices: ChoiceAccumulator;
  readonly stopper = new CandidateStopper();
  private readonly budget: OutputBudget;
  private readonly announced = new Set<number>();
  private readonly outOfRange = new FewIndices();
  private readonly finishedTwice = new FewIndices();

  constructor(private readonly context: CandidateStreamContext) {
    this.choices = new ChoiceAccumulator(context.request.n);
    this.budget = new OutputBudget(context.request.limits ?? DEFAULT_OUTPUT_LIMITS);
  }

  take(piece: ChoiceChunk): void {
    const rejection = this.choices.rejection(piece);
    if (rejection !== null) return this.ignore(piece, rejection);
    const { kept, reached } = this.budget.admit(piece.index, piece.content);
    // A piece that finishes its candidate exactly at the limit still finishes it normally.
    const cutHere = reached !== null && !(kept.length === piece.content.length && piece.finishReason);
    this.append({ ...piece, content: kept, finishReason: cutHere ? null : piece.finishReason });
    if (cutHere) this.cut(piece.index);
    if (reached === "solve") this.cutEveryOpenCandidate();
  }

  private append(piece: ChoiceChunk): void {
    const { emit } = this.context;
    // An empty first piece (vLLM's role chunk) still announces the candidate, so the view shows it streaming.
    if (piece.content || !this.announced.has(piece.index))
      emit({ type: "delta", index: piece.index, text: piece.content });
    this.announced.add(piece.index);
    if (!this.choices.add(piece)) return;
    this.stopper.candidateFinished(piece.index);
    this.finish(piece.index, piece.finishReason ?? "stop", true, piece.meanLogprob);
  }

  /** The candidate reached a size limit: it ends here, its text partial, and is not scored. */
  private cut(index: number): void {
    if (this.choices.finishReason(index) !== null) return;
    this.choices.cut(index);
    this.finish(index, "client-limit", false);
    this.stopper.candidateCut(index);
  }

  private cutEveryOpenCandidate(): void {
    for (const index of this.choices.unfinished()) this.cut(index);
    this.stopper.stopEverything();
  }

  private finish(
    index: number,
    finishReason: FinishReason,
    score: boolean,
    meanLogprob?: number | null,
  ): void {
    const text = this.choices.text(index);
    const answer = extractBoxed(text)?.answer ?? null;
    const confidence = typeof meanLogprob === "number" ? { meanLogprob } : {};
    this.context.emit({ type: "finished", index, finishReason, answer, ...confidence });
    this.context.ranking.candidateFinished(
      index,
      answer,
      finishReason,
      typeof meanLogprob === "number" ? meanLogprob : undefined,
    );
    if (score) this.context.scheduler?.enqueue(index, text);
  }

  private ignore(piece: ChoiceChunk, rejection: PieceRejection): void {
    if (rejection === "out-of-range") this.outOfRange.add(piece.index);
    // Only a second finish is news; more text after a finish is ignored silently, as is anything after our cut.
    if (rejection === "after-finish" && piece.finishReason !== null) this.finishedTwice.add(piece.index);
  }

  /** One warning per solve, however many pieces were ignored, so a hostile server cannot flood the log. */
  reportIgnored(url: string): void {
    const parts: string[] = [];
    const n = this.context.request.n;
    if (!this.outOfRange.isEmpty())
      parts.push(`choice indices outside 0…${n - 1} (${this.outOfRange.describe()})`);
    if (!this.finishedTwice.isEmpty())
      parts.push(`a second finish for candidate ${this.finishedTwice.describe()}`);
    if (parts.length === 0) return;
    this.context.emit({
      type: "warning",
      code: "ignored-choices",
      message: `The policy server at ${url} sent ${parts.join(" and ")}; the client ignored them.`,
    });
  }
}

/** The first few distinct indices, and whether there were more: bounded memory whatever the server sends. */
class FewIndices {
  private static readonly SHOWN = 5;
  private readonly first: number[] = [];
  private more = false;

  add(index: number): void {
    if (this.first.includes(index)) return;
    if (this.first.length < FewIndices.SHOWN) this.first.push(index);
    else this.more = true;
  }

  isEmpty(): boolean {
    return this.first.length === 0;
  }

  describe(): string {
    const shown = [...this.first].sort((a, b) => a - b).join(", ");
    return this.more ? `${shown} and others` : shown;
  }
}
