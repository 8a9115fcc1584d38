/**
 * A push-to-pull bridge: producers push values (from callbacks or concurrent tasks), one consumer
 * pulls them with `for await`. Unbounded, because the producers here are network streams whose
 * pace the server sets, and dropping data would lose candidates.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;
  private failure: { error: unknown } | null = null;

  push(value: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else {
      this.buffer.push(value);
    }
  }

  /** Ends the stream after the values already pushed. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Ends the stream with an error, raised after the values already pushed. */
  fail(error: unknown): void {
    if (this.closed) return;
    this.failure = { error };
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    if (this.waiting && this.buffer.length === 0) {
      const resolve = this.waiting;
      this.waiting = null;
      // The iterator loop sees `closed` next and returns, or throws the failure.
      resolve({ value: undefined, done: true });
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.buffer.length > 0) {
        yield this.buffer.shift() as T;
        continue;
      }
      if (this.closed) {
        if (this.failure) throw this.failure.error;
        return;
      }
      const result = await new Promise<IteratorResult<T>>((resolve) => (this.waiting = resolve));
      if (!result.done) yield result.value;
    }
  }
}

/** Interleaves several async iterables as their values arrive; fails as soon as one fails. */
export function mergeAsyncIterables<T>(sources: readonly AsyncIterable<T>[]): AsyncIterable<T> {
  const queue = new AsyncQueue<T>();
  let remaining = sources.length;
  if (remaining === 0) queue.close();
  for (const source of sources) {
    void (async () => {
      try {
        for await (const value of source) queue.push(value);
        if (--remaining === 0) queue.close();
      } catch (error) {
        queue.fail(error);
      }
    })();
  }
  return queue;
}
