import { strict as assert } from "node:assert";
import type { Scheduler } from "../../../src/extension/scheduler";
import { EventBatcher, MIN_POST_INTERVAL_MS } from "../../../src/extension/solve/eventBatcher";

/** A clock that moves only when told, running each timer whose time has come, in order. */
class ManualTimers implements Scheduler {
  private time = 1000;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  readonly waits: number[] = [];

  now(): number {
    return this.time;
  }
  set(callback: () => void, ms: number): unknown {
    this.waits.push(ms);
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }
  clear(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
  }
  get scheduled(): number {
    return this.timers.length;
  }
}

function batcher() {
  const timers = new ManualTimers();
  const posts: { at: number; events: number[] }[] = [];
  const events = new EventBatcher<number>(
    (batch) => posts.push({ at: timers.now(), events: batch }),
    MIN_POST_INTERVAL_MS,
    timers,
    () => timers.now(),
  );
  return { timers, posts, events };
}

describe("solve panel event batching", () => {
  it("a burst after a quiet spell leaves at the end of its turn, in one message, without waiting", () => {
    const { timers, posts, events } = batcher();
    for (let i = 0; i < 5; i++) events.push(i);
    assert.deepEqual(posts, [], "nothing is posted inside the burst");
    assert.deepEqual(timers.waits, [0], "one timer, due at once");
    timers.advance(0);
    assert.deepEqual(posts, [{ at: 1000, events: [0, 1, 2, 3, 4] }]);
  });

  it("a steady stream goes out at most once per interval, every event once and in order", () => {
    const { timers, posts, events } = batcher();
    let next = 0;
    // One event a millisecond for 100 ms (a solve's 8 streams send more; the spacing is what counts).
    for (let t = 0; t < 100; t++) {
      events.push(next++);
      timers.advance(1);
    }
    timers.advance(MIN_POST_INTERVAL_MS);
    const sent = posts.flatMap((p) => p.events);
    assert.deepEqual(
      sent,
      Array.from({ length: 100 }, (_, i) => i),
    );
    for (let i = 1; i < posts.length; i++) {
      assert.ok(posts[i]!.at - posts[i - 1]!.at >= MIN_POST_INTERVAL_MS, `post ${i} keeps the spacing`);
    }
    assert.ok(
      posts.length >= 100 / MIN_POST_INTERVAL_MS,
      `${posts.length} posts: no event waits past the interval`,
    );
  });

  it("an event after the interval has passed waits for nothing; one within it waits only for the rest", () => {
    const { timers, posts, events } = batcher();
    events.push(1);
    timers.advance(0);
    timers.advance(3);
    events.push(2);
    assert.deepEqual(timers.waits.at(-1), MIN_POST_INTERVAL_MS - 3);
    timers.advance(MIN_POST_INTERVAL_MS - 3);
    assert.deepEqual(
      posts.map((p) => p.events),
      [[1], [2]],
    );
    timers.advance(50);
    events.push(3);
    assert.equal(timers.waits.at(-1), 0);
  });

  it("flush posts at once and cancels the timer; drop forgets what is pending", () => {
    const { timers, posts, events } = batcher();
    events.push(1);
    events.push(2);
    events.flush();
    assert.deepEqual(
      posts.map((p) => p.events),
      [[1, 2]],
    );
    assert.equal(timers.scheduled, 0);
    events.push(3);
    events.drop();
    timers.advance(100);
    assert.equal(posts.length, 1, "a dropped batch is never posted");
    events.flush();
    assert.equal(posts.length, 1, "flushing nothing posts nothing");
  });
});
