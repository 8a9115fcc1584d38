// TEST FIXTURE: a simulated inference engine for the load knobs (`maxConcurrentSequences`): continuous
// batching as vLLM does it. At most `capacity` sequences run at once; each running sequence gets one token
// per engine step (so `tokensPerSecond` per sequence and capacity × that for the server), its first one
// `firstTokenMs` after admission; waiting sequences are admitted in arrival order as slots free up.
import type { SimScheduleEntry } from "./types";

export interface EngineSequence {
  /** The request's `seq`, for the schedule log. */
  seq: number;
  choice: number;
  /** Tokens to emit (at least 1: an empty choice still carries its finish). */
  tokens: number;
  /** Called for token 0, 1, … tokens-1, one per step. */
  onToken(position: number): void;
  signal: AbortSignal;
}

interface Running {
  sequence: EngineSequence;
  readyAt: number;
  next: number;
  done: () => void;
}

export interface EngineSettings {
  capacity: number;
  tokensPerSecond: number;
  firstTokenMs: number;
}

export class GenerationEngine {
  private readonly waiting: Running[] = [];
  private readonly running = new Set<Running>();
  private timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | null = null;
  /** When stepping (re)started, and steps since, so steps do not drift. */
  private epoch = 0;
  private steps = 0;
  /** The most sequences ever running at once. */
  peakRunning = 0;

  constructor(
    private readonly settings: EngineSettings,
    private readonly log: SimScheduleEntry[],
  ) {}

  private get stepMs(): number {
    return this.settings.tokensPerSecond > 0 ? 1000 / this.settings.tokensPerSecond : 0;
  }

  /** Resolves when the sequence has emitted every token, or at once when its signal fires. */
  generate(sequence: EngineSequence): Promise<void> {
    return new Promise((resolve) => {
      const entry: Running = { sequence, readyAt: 0, next: 0, done: resolve };
      if (sequence.signal.aborted) return resolve();
      sequence.signal.addEventListener("abort", () => this.abort(entry), { once: true });
      this.waiting.push(entry);
      this.admit(performance.now());
      this.schedule();
    });
  }

  private abort(entry: Running): void {
    const queued = this.waiting.indexOf(entry);
    if (queued >= 0) this.waiting.splice(queued, 1);
    else if (!this.running.delete(entry)) return;
    this.log.push({ event: "aborted", seq: entry.sequence.seq, choice: entry.sequence.choice });
    entry.done();
    this.admit(performance.now());
  }

  private admit(now: number): void {
    while (this.running.size < this.settings.capacity && this.waiting.length > 0) {
      const entry = this.waiting.shift() as Running;
      entry.readyAt = now + this.settings.firstTokenMs;
      this.running.add(entry);
      this.log.push({ event: "admitted", seq: entry.sequence.seq, choice: entry.sequence.choice });
    }
    this.peakRunning = Math.max(this.peakRunning, this.running.size);
  }

  private schedule(): void {
    if (this.timer !== null || this.running.size === 0) return;
    const now = performance.now();
    if (this.steps === 0) this.epoch = now;
    const due = this.epoch + (this.steps + 1) * this.stepMs;
    // Unthrottled (0 tokens/s): a step per turn of the event loop, not per timer tick (a millisecond).
    this.timer = due > now ? setTimeout(() => this.step(), due - now) : setImmediate(() => this.step());
  }

  /** One engine step: every running sequence that is past its first-token delay gets its next token. */
  private step(): void {
    this.timer = null;
    this.steps++;
    const now = performance.now();
    for (const entry of [...this.running]) {
      if (entry.readyAt > now || !this.running.has(entry)) continue;
      entry.sequence.onToken(entry.next++);
      if (entry.next < entry.sequence.tokens) continue;
      this.running.delete(entry);
      this.log.push({ event: "finished", seq: entry.sequence.seq, choice: entry.sequence.choice });
      entry.done();
    }
    this.admit(now);
    if (this.running.size === 0) this.steps = 0; // idle: the next request starts a fresh clock
    this.schedule();
  }
}
