import { strict as assert } from "node:assert";
import type { SolveEvent } from "../../../src/core/solve/events";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import { isToWebview } from "../../../src/webview/state/messages";
import { restoreState, StateSaver, type WebviewStorage } from "../../../src/webview/state/persistence";
import { emptyDirty, isClean, markEvent } from "../../../src/webview/view/dirty";
import { RenderThrottle } from "../../../src/webview/view/renderThrottle";
import {
  formatScore,
  MAJORITY_NOTICE,
  rankingMethodText,
  REWARD_FALLBACK_NOTICE,
  CHOSEN_MAJORITY_NOTICE,
  statusText,
} from "../../../src/webview/view/text";
import { POLICY, REWARD } from "./solveFixture";

function state(overrides: Partial<SolveState>): SolveState {
  return { ...emptySolveState(), ...overrides };
}

describe("webview wording", () => {
  const cases: [string, Partial<SolveState>, string][] = [
    ["idle", {}, ""],
    [
      "reward, raw",
      { rankingMethod: "reward", reward: REWARD, scoreKind: "raw" },
      "Ranked by reward model AceMath-7B-RM (raw scores)",
    ],
    [
      "reward, sigmoid",
      { rankingMethod: "reward", reward: REWARD, scoreKind: "sigmoid" },
      "Ranked by reward model AceMath-7B-RM (sigmoid scores, 0–1)",
    ],
    ["majority", { rankingMethod: "majority" }, MAJORITY_NOTICE],
    [
      "reward model gave up: majority",
      { rankingMethod: "majority", reward: REWARD, warnings: [{ code: "reward-failed", message: "failed" }] },
      REWARD_FALLBACK_NOTICE,
    ],
    [
      "majority chosen although a reward model scored",
      { rankingMethod: "majority", reward: REWARD },
      CHOSEN_MAJORITY_NOTICE,
    ],
    ["running, no reward model", { status: "running", policy: POLICY }, MAJORITY_NOTICE],
    [
      "running, reward model not used yet",
      { status: "running", reward: REWARD },
      "Will be ranked by reward model AceMath-7B-RM when candidates finish",
    ],
  ];
  for (const [name, overrides, expected] of cases) {
    it(`ranking method: ${name}`, () => assert.equal(rankingMethodText(state(overrides)), expected));
  }

  const scores: [number | null, string][] = [
    [null, "—"],
    [3.546875, "3.547"],
    [-2.58, "-2.580"],
    [0.9731, "0.973"],
    [1234.5678, "1234.6"],
  ];
  for (const [score, expected] of scores)
    it(`score ${score} → ${expected}`, () => assert.equal(formatScore(score), expected));

  it("status counts finished candidates", () => {
    const candidates = [0, 1, 2].map((index) => ({
      index,
      text: "",
      finishReason: index === 0 ? ("stop" as const) : null,
      answer: null,
      score: null,
    }));
    assert.equal(
      statusText(state({ status: "running", n: 8, candidates })),
      "Solving — 1 of 8 candidates finished",
    );
  });

  it("a cancelled solve does not count cut-off candidates as finished", () => {
    const candidates = (["stop", "cancelled", "cancelled"] as const).map((finishReason, index) => ({
      index,
      text: "partial",
      finishReason,
      answer: null,
      score: null,
    }));
    assert.equal(
      statusText(state({ status: "cancelled", n: 3, candidates })),
      "Cancelled — 1 of 3 candidates finished",
    );
  });
});

describe("webview dirty tracking", () => {
  const cases: [SolveEvent, (d: ReturnType<typeof emptyDirty>) => boolean][] = [
    [{ type: "delta", index: 2, text: "x" }, (d) => d.solutions.has(2) && !d.header && !d.allMeta],
    [{ type: "finished", index: 1, finishReason: "stop", answer: "1" }, (d) => d.meta.has(1) && d.header],
    [
      { type: "scored", index: 4, score: 1, scoreKind: "raw" },
      (d) => d.meta.has(4) && d.solutions.size === 0,
    ],
    [{ type: "ranking", method: "reward", order: [], groups: [] }, (d) => d.groups && d.allMeta],
    [{ type: "warning", code: "reward-failed", message: "m" }, (d) => d.notices && !d.header],
    [{ type: "done", outcome: "complete" }, (d) => d.header && d.allMeta],
  ];
  for (const [event, expectation] of cases) {
    it(`${event.type} marks only its parts`, () => {
      const dirty = emptyDirty();
      markEvent(dirty, event);
      assert.ok(expectation(dirty));
      assert.ok(!dirty.all);
      assert.ok(!isClean(dirty));
    });
  }
});

describe("webview render throttle", () => {
  it("renders a finished candidate at once and backs off for a slow streaming one", () => {
    const throttle = new RenderThrottle({ minIntervalMs: 80, costFactor: 4, maxIntervalMs: 600 });
    assert.ok(throttle.isDue(0, true, 0));
    throttle.recordRender(0, 0, 50); // a 50 ms render → wait 200 ms
    assert.ok(!throttle.isDue(0, true, 150));
    assert.ok(throttle.isDue(0, true, 250));
    assert.ok(throttle.isDue(0, false, 51));
    throttle.recordRender(1, 0, 1);
    assert.ok(!throttle.isDue(1, true, 60));
    assert.ok(throttle.isDue(1, true, 81));
  });
});

describe("webview message guard and persistence", () => {
  const valid = [
    { type: "snapshot", state: emptySolveState() },
    { type: "events", events: [{ type: "done", outcome: "complete" }] },
    { type: "events", events: [] },
  ];
  const invalid = [
    null,
    "x",
    { type: "snapshot", state: {} },
    { type: "event", event: { type: "done", outcome: "complete" } },
    { type: "events" },
    { type: "events", events: [1] },
    { type: "ready" },
  ];
  valid.forEach((m) => it(`accepts ${JSON.stringify(m).slice(0, 60)}`, () => assert.ok(isToWebview(m))));
  invalid.forEach((m) => it(`rejects ${JSON.stringify(m)}`, () => assert.ok(!isToWebview(m))));

  function memoryStorage(initial?: unknown): WebviewStorage & { writes: unknown[] } {
    let current = initial;
    const writes: unknown[] = [];
    return { writes, getState: () => current, setState: (s) => writes.push((current = s)) };
  }

  it("saves at most once per interval, always the latest state, and restores it", () => {
    const storage = memoryStorage();
    const timers: (() => void)[] = [];
    const saver = new StateSaver(storage, 500, { setTimeout: (callback) => timers.push(callback) });
    const first = state({ problem: "a" });
    const second = state({ problem: "b" });
    saver.schedule(first);
    saver.schedule(second);
    assert.equal(timers.length, 1);
    assert.equal(storage.writes.length, 0);
    timers[0]!();
    assert.equal(storage.writes.length, 1);
    assert.equal(restoreState(storage)?.problem, "b");
  });

  it("restores nothing from empty or foreign storage", () => {
    assert.equal(restoreState(memoryStorage()), null);
    assert.equal(restoreState(memoryStorage({ version: 1, solve: { status: 3 } })), null);
  });
});
