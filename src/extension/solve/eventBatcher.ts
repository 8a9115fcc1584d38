/**
 * Batches a solve's events into panel messages: one postMessage per token would flood the webview
 * (8 streams at 100 tokens/s are 800 events a second), and the page draws at most once a frame.
 *
 * Leading edge, then a floor on the spacing: the events of one burst (everything that arrives in
 * the same turn of the event loop) leave together at the end of that turn, and later ones at most
 * one message per `minIntervalMs`. A lone event therefore waits for nothing, and a steady stream
 * waits half the interval on average. A trailing timer started by each batch's first event (what
 * this replaced) made every first event wait the whole interval, which was a third of
 * `chunk_to_paint`. The page merges the messages of one frame, so more messages cost only their
 * delivery.
 *
 * No `vscode` import: bench/uiMetrics.ts batches with this same class.
 */

import { realScheduler, type Scheduler } from "../scheduler";

/** Half an animation frame: the page sees each frame's events, at most two messages per frame. */
export const MIN_POST_INTERVAL_MS = 8;

export class EventBatcher<E> {
  private pending: E[] = [];
  private timer: unknown = null;
  private lastPostAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly post: (events: E[]) => void,
    private readonly minIntervalMs = MIN_POST_INTERVAL_MS,
    private readonly scheduler: Scheduler = realScheduler,
    private readonly now: () => number = Date.now,
  ) {}

  push(event: E): void {
    this.pending.push(event);
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastPostAt + this.minIntervalMs - this.now());
    // Even at 0 a timer, not a post now: the rest of this burst goes in the same message.
    this.timer = this.scheduler.set(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  /** Posts what is pending now (the end of a solve, or a message that must come after these events). */
  flush(): void {
    this.cancelTimer();
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.lastPostAt = this.now();
    this.post(events);
  }

  /** Forgets what is pending (the page gets a snapshot instead, or is gone). */
  drop(): void {
    this.cancelTimer();
    this.pending = [];
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.scheduler.clear(this.timer);
    this.timer = null;
  }
}
