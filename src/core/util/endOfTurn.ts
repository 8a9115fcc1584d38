/**
 * Runs a callback once at the end of this turn of the event loop, however often it is asked for before
 * then: work that arrives in one network read (several candidates or problems finishing together)
 * is handled together.
 */
export class EndOfTurn {
  private queued = false;

  constructor(private readonly run: () => void) {}

  /** True between a request and the run. */
  get pending(): boolean {
    return this.queued;
  }

  request(): void {
    if (this.queued) return;
    this.queued = true;
    setTimeout(() => {
      this.queued = false;
      this.run();
    }, 0);
  }
}
