/**
 * Decides when a streaming solution is re-rendered. Markdown + KaTeX over a 2000-token text takes
 * a few milliseconds; doing it for 8 candidates on every delta would freeze the page. A streaming
 * candidate is re-rendered at most every `minIntervalMs`, stretched to several times its own last
 * render cost so slow texts back off; a finished candidate renders at once (its final text).
 */
export interface ThrottleOptions {
  minIntervalMs: number;
  costFactor: number;
  maxIntervalMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { minIntervalMs: 80, costFactor: 4, maxIntervalMs: 600 };

export class RenderThrottle {
  private readonly lastRender = new Map<number, { at: number; cost: number }>();

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  isDue(index: number, streaming: boolean, now: number): boolean {
    if (!streaming) return true;
    const last = this.lastRender.get(index);
    if (!last) return true;
    const interval = Math.min(
      this.options.maxIntervalMs,
      Math.max(this.options.minIntervalMs, last.cost * this.options.costFactor),
    );
    return now - last.at >= interval;
  }

  recordRender(index: number, startedAt: number, finishedAt: number): void {
    this.lastRender.set(index, { at: finishedAt, cost: finishedAt - startedAt });
  }

  reset(): void {
    this.lastRender.clear();
  }
}
