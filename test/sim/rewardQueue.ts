// TEST FIXTURE: how long the simulated reward model takes for a batch, and (with `rewardSerial`) a server
// that runs one forward pass at a time, as one GPU does: requests that arrive while a pass runs wait, and
// the next pass takes every waiting request together (vLLM's scheduler batches what is queued), paying
// the fixed part once and the per-token part for all of their tokens.
import { sleep } from "./http";
import { countTokens } from "./tokens";
import type { SimScheduleEntry } from "./types";

export interface RewardCost {
  /** The fixed part of every forward pass. */
  rewardLatencyMs: number;
  /** The part that grows with the pass's input tokens. */
  rewardMsPerToken: number;
}

export function inputTokens(inputs: readonly string[]): number {
  return inputs.reduce((sum, text) => sum + countTokens(text), 0);
}

/** Milliseconds the reward model spends on one pass over these inputs: fixed part plus per-token part. */
export function rewardBatchMs(cost: RewardCost, inputs: readonly string[]): number {
  if (cost.rewardMsPerToken === 0) return cost.rewardLatencyMs;
  return cost.rewardLatencyMs + cost.rewardMsPerToken * inputTokens(inputs);
}

interface Waiting {
  seq: number;
  inputs: readonly string[];
  signal: AbortSignal;
  done: () => void;
}

/** Runs reward requests either each on its own (waiting only its own latency) or in serial passes. */
export class RewardQueue {
  private readonly waiting: Waiting[] = [];
  private busy = false;

  constructor(
    private readonly cost: RewardCost,
    private readonly serial: boolean,
    private readonly log: SimScheduleEntry[],
  ) {}

  /** Resolves when the request's scores are ready, or at once when its client leaves. */
  run(seq: number, inputs: readonly string[], signal: AbortSignal): Promise<void> {
    if (!this.serial) return sleep(rewardBatchMs(this.cost, inputs), signal);
    return new Promise((resolve) => {
      const entry: Waiting = { seq, inputs, signal, done: resolve };
      this.waiting.push(entry);
      signal.addEventListener("abort", () => resolve(), { once: true });
      void this.next();
    });
  }

  private async next(): Promise<void> {
    if (this.busy) return;
    // A client that left while waiting costs the server nothing.
    const pass = this.waiting.splice(0).filter((w) => !w.signal.aborted);
    if (pass.length === 0) return;
    this.busy = true;
    for (const w of pass) this.log.push({ event: "reward-started", seq: w.seq });
    // The pass runs to its end even if a client leaves meanwhile: the next one waits for it.
    await sleep(
      rewardBatchMs(
        this.cost,
        pass.flatMap((w) => w.inputs),
      ),
      new AbortController().signal,
    );
    for (const w of pass) {
      this.log.push({ event: "reward-finished", seq: w.seq });
      w.done();
    }
    this.busy = false;
    void this.next();
  }
}
