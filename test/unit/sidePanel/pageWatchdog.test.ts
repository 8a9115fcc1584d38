import assert from "node:assert/strict";
import { PageWatchdog } from "../../../src/extension/pageWatchdog";
import type { Scheduler } from "../../../src/extension/scheduler";

/** Timers that fire only when the test says so, in the order they were set. */
class ManualTimers implements Scheduler {
  private next = 0;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  set(callback: () => void, ms: number): number {
    this.pending.set(++this.next, { callback, ms });
    return this.next;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  waits(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }
  /** Fires the one pending timer. */
  fire(): void {
    assert.equal(this.pending.size, 1, "exactly one timer is pending");
    const [handle, timer] = [...this.pending][0]!;
    this.pending.delete(handle);
    timer.callback();
  }
}

function setup(visible = true) {
  const timers = new ManualTimers();
  const events: string[] = [];
  const state = { visible };
  const watchdog = new PageWatchdog({
    reload: () => events.push("reload"),
    isVisible: () => state.visible,
    gaveUp: () => events.push("gave up"),
    firstWaitMs: 100,
    maxReloads: 2,
    scheduler: timers,
  });
  return { timers, events, state, watchdog };
}

describe("page watchdog (a webview page that never says ready gets its html again)", () => {
  it("a page that says ready in time is left alone", () => {
    const { timers, events, watchdog } = setup();
    watchdog.loading();
    watchdog.ready();
    assert.equal(timers.pending.size, 0);
    assert.deepEqual(events, []);
  });

  it("a page that never says ready is reloaded with growing waits, then it gives up", () => {
    const { timers, events, watchdog } = setup();
    watchdog.loading();
    assert.deepEqual(timers.waits(), [100]);
    timers.fire();
    assert.deepEqual(events, ["reload"]);
    assert.deepEqual(timers.waits(), [200], "a slow page gets more time on each try");
    timers.fire();
    assert.deepEqual(timers.waits(), [400]);
    timers.fire();
    assert.deepEqual(events, ["reload", "reload", "gave up"]);
    assert.equal(timers.pending.size, 0, "no endless reloading");
  });

  it("ready after a reload stops the retries and starts the count over", () => {
    const { timers, events, watchdog } = setup();
    watchdog.loading();
    timers.fire();
    watchdog.ready();
    assert.equal(timers.pending.size, 0);
    watchdog.loading();
    assert.deepEqual(timers.waits(), [100], "the next load starts from the first wait");
    assert.deepEqual(events, ["reload"]);
  });

  it("a hidden webview loads nothing: no reload until it is shown, and then a fresh load is awaited", () => {
    const { timers, events, state, watchdog } = setup(false);
    watchdog.loading();
    assert.equal(timers.pending.size, 0, "not armed while hidden");
    state.visible = true;
    watchdog.viewStateChanged();
    assert.deepEqual(timers.waits(), [100]);
    state.visible = false;
    watchdog.viewStateChanged();
    assert.equal(timers.pending.size, 0, "hiding disarms");
    assert.deepEqual(events, []);
  });

  it("a view-state change that keeps it visible (focus, another group) does not re-arm a ready page", () => {
    const { timers, watchdog } = setup();
    watchdog.loading();
    watchdog.ready();
    watchdog.viewStateChanged();
    assert.equal(timers.pending.size, 0);
  });

  it("a timer that fires while the webview is hidden reloads nothing", () => {
    const { timers, events, state, watchdog } = setup();
    watchdog.loading();
    state.visible = false;
    timers.fire();
    assert.deepEqual(events, []);
  });
});
