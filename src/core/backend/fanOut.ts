/**
 * Running several candidate requests as one stream: at most `limit` at a time, interleaved as their
 * pieces arrive. When one fails, the others are aborted (never left generating on the server) and the
 * failure ends the stream after what already arrived.
 */
import { AsyncQueue } from "../util/asyncQueue";

/** A counting semaphore: `acquire` resolves when one of `limit` slots is free. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free; rejects if `signal` aborts while waiting. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    if (this.active < this.limit) {
      this.active++;
      return this.releaser();
    }
    // A released slot passes straight to the next waiter, so `active` stays as it is.
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(wake);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal.reason as Error);
      };
      if (signal.aborted) return onAbort();
      this.waiting.push(wake);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

/**
 * Starts one task per part (each gets a signal that aborts with the caller's, with `signal`, or when a
 * sibling fails) and merges what they yield.
 */
export function fanOut<T>(
  parts: number,
  limit: number,
  signal: AbortSignal,
  task: (part: number, signal: AbortSignal) => AsyncIterable<T>,
): AsyncIterable<T> {
  const queue = new AsyncQueue<T>();
  const siblings = new AbortController();
  const shared = AbortSignal.any([signal, siblings.signal]);
  const limiter = new Limiter(Math.max(1, limit));
  let remaining = parts;
  if (parts === 0) queue.close();
  for (let part = 0; part < parts; part++) {
    void (async () => {
      let release: (() => void) | null = null;
      try {
        release = await limiter.acquire(shared);
        if (shared.aborted) return;
        for await (const value of task(part, shared)) queue.push(value);
      } catch (error) {
        if (!siblings.signal.aborted && !signal.aborted) {
          siblings.abort();
          queue.fail(error);
        }
      } finally {
        release?.();
        if (--remaining === 0) queue.close();
      }
    })();
  }
  return withCleanup(queue, () => siblings.abort());
}

/** Aborts the tasks when the consumer stops early (it returned, or the stream failed). */
async function* withCleanup<T>(source: AsyncIterable<T>, cleanup: () => void): AsyncIterable<T> {
  try {
    yield* source;
  } finally {
    cleanup();
  }
}
