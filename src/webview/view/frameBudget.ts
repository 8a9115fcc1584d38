/**
 * How much solution rendering one animation frame may do. Two limits: the script's own time, and
 * the amount of HTML inserted, because the browser styles and lays out that HTML after the script
 * returns, in the same frame (a 2 KB chunk of math is ~60 KB of KaTeX HTML and ~1500 elements).
 * Never exhausted before the frame's first step, so rendering always moves on.
 */
export interface FrameLimits {
  /** Milliseconds of script per frame. */
  budgetMs: number;
  /** Characters of HTML inserted per frame. */
  maxHtmlChars: number;
}

export const DEFAULT_MAX_HTML_CHARS_PER_FRAME = 30_000;

export class FrameBudget {
  private steps = 0;
  private htmlChars = 0;
  private readonly start: number;

  constructor(
    private readonly now: () => number,
    private readonly limits: FrameLimits,
  ) {
    this.start = now();
  }

  /** `scale` stretches both limits (on-screen chunks may take a longer frame than the rest). */
  exhausted(scale = 1): boolean {
    if (this.steps === 0) return false;
    const { maxHtmlChars, budgetMs } = this.limits;
    return this.htmlChars >= maxHtmlChars * scale || this.now() - this.start > budgetMs * scale;
  }

  /** Records one unit of work done in this frame and the HTML it inserted. */
  step(htmlChars: number): void {
    this.steps++;
    this.htmlChars += htmlChars;
  }
}
