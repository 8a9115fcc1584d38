/**
 * Reward requests across problems for `acemath eval`: problems whose samples are ready at about the
 * same time share one /classify request (one conversation per input, results split back per
 * problem in order). At most `maxInFlight` requests are out at once; samples that become ready
 * while they are out wait and go together in the next one, so the server's queue stays fed while
 * the number of requests drops when scoring is the bottleneck. A request holds at most `maxInputs`
 * inputs and about `maxTokens` tokens (estimated), so one request stays of a size a server accepts.
 */
import { estimateTokens } from "../backend/tokenBudget";
import { EndOfTurn } from "../util/endOfTurn";

export interface RewardBatchLimits {
  /** Inputs (problem + solution conversations) per request. */
  maxInputs: number;
  /** Estimated tokens per request (a single input larger than this still goes, alone). */
  maxTokens: number;
  /** Requests out at once; what is ready meanwhile waits for the next one. */
  maxInFlight: number;
}

/**
 * 64 inputs: eight problems of 8 samples, or one of 64; 256k estimated tokens: 64 long solutions
 * (vLLM splits a request into its own batches by max_num_batched_tokens, so this only bounds the
 * request's size); two requests out: one being scored while the next one fills.
 */
export const DEFAULT_REWARD_BATCH: RewardBatchLimits = { maxInputs: 64, maxTokens: 262_144, maxInFlight: 2 };

export interface RewardPair {
  problem: string;
  solution: string;
}

/** Scores pairs of several problems in one request: one score (or null) per pair, in order. */
export type PairSender = (pairs: readonly RewardPair[], signal: AbortSignal) => Promise<(number | null)[]>;

interface Job {
  problem: string;
  scores: (number | null)[];
  left: number;
  settled: boolean;
  signal: AbortSignal;
  resolve: (scores: (number | null)[]) => void;
  reject: (error: unknown) => void;
  /** Removes the job's abort listener (a run-long signal would otherwise collect one per problem). */
  release: () => void;
}

interface Item {
  job: Job;
  position: number;
  text: string;
  tokens: number;
}

export class RewardBatcher {
  private readonly queue: Item[] = [];
  private inFlight = 0;
  /** Problems that finish in one network read share a request. */
  private readonly flushSoon = new EndOfTurn(() => this.flush());

  constructor(
    private readonly send: PairSender,
    private readonly limits: RewardBatchLimits = DEFAULT_REWARD_BATCH,
  ) {}

  /** One score (or null) per text, in order, once every one of them is back. */
  score(problem: string, texts: readonly string[], signal: AbortSignal): Promise<(number | null)[]> {
    if (texts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const job: Job = {
        problem,
        scores: new Array<number | null>(texts.length).fill(null),
        left: texts.length,
        settled: false,
        signal,
        resolve,
        reject,
        release: () => signal.removeEventListener("abort", onAbort),
      };
      const onAbort = () => this.fail(job, signal.reason);
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      const problemTokens = estimateTokens(problem);
      texts.forEach((text, position) =>
        this.queue.push({ job, position, text, tokens: problemTokens + estimateTokens(text) }),
      );
      this.flushSoon.request();
    });
  }

  private flush(): void {
    while (this.inFlight < this.limits.maxInFlight) {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      this.inFlight++;
      void this.sendBatch(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  /** The oldest waiting inputs that fit one request (jobs already given up are dropped). */
  private takeBatch(): Item[] {
    const batch: Item[] = [];
    let tokens = 0;
    while (this.queue.length > 0 && batch.length < this.limits.maxInputs) {
      const item = this.queue[0]!;
      if (item.job.settled) {
        this.queue.shift();
        continue;
      }
      if (batch.length > 0 && tokens + item.tokens > this.limits.maxTokens) break;
      batch.push(this.queue.shift()!);
      tokens += item.tokens;
    }
    return batch;
  }

  private async sendBatch(batch: Item[]): Promise<void> {
    const pairs = batch.map((item) => ({ problem: item.job.problem, solution: item.text }));
    const shared = requestSignal(batch.map((item) => item.job.signal));
    let scores: (number | null)[];
    try {
      scores = await this.send(pairs, shared.signal);
    } catch (error) {
      for (const item of batch) this.fail(item.job, error);
      return;
    } finally {
      shared.release();
    }
    batch.forEach((item, i) => {
      const { job } = item;
      job.scores[item.position] = scores[i] ?? null;
      if (--job.left === 0 && !job.settled) {
        job.settled = true;
        job.release();
        job.resolve(job.scores);
      }
    });
  }

  private fail(job: Job, error: unknown): void {
    if (job.settled) return;
    job.settled = true;
    job.release();
    job.reject(error);
  }
}

/** A request shared by several problems is given up only when every one of them is. */
function requestSignal(signals: readonly AbortSignal[]): { signal: AbortSignal; release: () => void } {
  const unique = [...new Set(signals)];
  if (unique.length === 1) return { signal: unique[0]!, release: () => undefined };
  const controller = new AbortController();
  let live = unique.filter((s) => !s.aborted).length;
  const onAbort = () => --live === 0 && controller.abort();
  for (const signal of unique) if (!signal.aborted) signal.addEventListener("abort", onAbort, { once: true });
  if (live === 0) controller.abort();
  return {
    signal: controller.signal,
    release: () => unique.forEach((s) => s.removeEventListener("abort", onAbort)),
  };
}
