/**
 * Decides when a streaming solution is re-rendered. A streamed delta re-renders only the open
 * block at the end of the card (view/solutionView.ts), a cost independent of the solution's length,
 * so a streaming card is re-rendered on every animation frame (at most every `minIntervalMs`, for
 * screens faster than 60 Hz). A card whose renders are slow all the same (a hostile open construct
 * of a few KB, a loaded machine) backs off: the next render waits `costFactor` times the last one's
 * cost, at most `maxIntervalMs`. A finished candidate renders at once (its final text).
 * Intervals run from the start of the last render, so a render that costs a few ms does not push
 * the next one past the following frame.
 */
export interface ThrottleOptions {
  minIntervalMs: number;
  costFactor: number;
  maxIntervalMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { minIntervalMs: 10, costFactor: 3, maxIntervalMs: 600 };

export class RenderThrottle {
  private readonly lastRender = new Map<number, { startedAt: number; cost: number }>();

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  isDue(index: number, streaming: boolean, now: number): boolean {
    if (!streaming) return true;
    const last = this.lastRender.get(index);
    if (!last) return true;
    const interval = Math.min(
      this.options.maxIntervalMs,
      Math.max(this.options.minIntervalMs, last.cost * this.options.costFactor),
    );
    return now - last.startedAt >= interval;
  }

  recordRender(index: number, startedAt: number, finishedAt: number): void {
    this.lastRender.set(index, { startedAt, cost: finishedAt - startedAt });
  }

  reset(): void {
    this.lastRender.clear();
  }
}
