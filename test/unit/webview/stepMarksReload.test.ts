/**
 * Step marks across "Reload Window": the extension host starts afresh and has no steps to post again,
 * so the page keeps the ones it showed with its saved state (src/webview/state/persistence.ts).
 */
import { strict as assert } from "node:assert";
import type { CandidateSteps } from "../../../src/contract/webviewMessages";
import { applySolveEvent, emptySolveState, type SolveState } from "../../../src/core/solve/state";
import { restoreState, restoreSteps, StateSaver } from "../../../src/webview/state/persistence";
import { bundleWebview, openWebviewPage, type WebviewPage } from "../../support/webviewDom";
import * as fx from "./solveFixture";

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

function completeState(): SolveState {
  return fx.completeSolve(fx.loadSample(0)).reduce(applySolveEvent, emptySolveState());
}

function stepsOf(solve: SolveState, index: number): CandidateSteps {
  const text = solve.candidates.find((c) => c.index === index)!.text;
  return {
    index,
    textLength: text.length,
    steps: [
      { line: 1, verdict: "verified", reason: "2 + 2 = 4 holds", excerpt: "2 + 2 = 4" },
      { line: 3, verdict: "refuted", reason: "17 × 4 = 78 is false; 17 × 4 = 68", excerpt: "17 × 4 = 78" },
    ],
    firstError: 1,
    available: ["prefix"],
  };
}

const marks = (page: WebviewPage, index: number) =>
  [...page.document.querySelectorAll(`.candidate[data-index="${index}"] .step-mark`)].map((m) =>
    m.getAttribute("data-verdict"),
  );

/** A page that showed a solve and the steps of candidates 0 and 2, then reloaded (pagehide saves). */
async function reloadedAfterSteps(script: string): Promise<{ before: WebviewPage; after: WebviewPage }> {
  const solve = completeState();
  const before = openWebviewPage(script);
  before.window.postMessage({ type: "snapshot", state: solve }, "*");
  before.window.postMessage({ type: "steps", steps: stepsOf(solve, 0) }, "*");
  before.window.postMessage({ type: "steps", steps: stepsOf(solve, 2) }, "*");
  await settle();
  before.window.dispatchEvent(new before.window.Event("pagehide"));
  const after = openWebviewPage(script, before.saved.at(-1));
  await settle();
  return { before, after };
}

describe("step marks across a window reload (bundled page, jsdom)", function () {
  this.timeout(30_000);
  let script = "";
  before(async () => (script = await bundleWebview("src/webview/main.ts")));

  it("the marks shown before the reload are drawn again, and stay when the fresh host answers ready", async () => {
    const { before, after } = await reloadedAfterSteps(script);
    assert.deepEqual(marks(before, 0), ["verified", "refuted"]);
    assert.deepEqual(marks(after, 0), ["verified", "refuted"], "drawn from the saved state");
    assert.deepEqual(marks(after, 2), ["verified", "refuted"]);
    // The fresh extension host answers "ready" with its idle state: the page keeps its solve and marks.
    after.window.postMessage({ type: "snapshot", state: emptySolveState() }, "*");
    await settle();
    assert.deepEqual(marks(after, 0), ["verified", "refuted"]);
    assert.equal(after.document.querySelector(".candidate .first-error")?.getAttribute("data-step"), "1");
  });

  it("after a reload the signal toggles are gone: the new host holds no checks to score", async () => {
    const { before, after } = await reloadedAfterSteps(script);
    assert.equal(before.document.querySelectorAll(".step-signal-toggle").length, 2);
    assert.equal(after.document.querySelectorAll(".step-mark").length, 4, "the marks are back");
    assert.equal(after.document.querySelectorAll(".step-signal-toggle").length, 0);
  });

  it("a live snapshot or a new solve drops the old marks, also from what is saved", async () => {
    const { after } = await reloadedAfterSteps(script);
    after.window.postMessage({ type: "snapshot", state: emptySolveState() }, "*"); // the answer to ready
    await settle();
    assert.equal(after.document.querySelectorAll(".step-mark").length, 4, "kept until a new solve");
    const problem = fx.loadSample(37);
    after.window.postMessage({ type: "events", events: [fx.started(problem)] }, "*");
    await settle();
    assert.equal(after.document.querySelectorAll(".step-mark").length, 0);
    after.window.dispatchEvent(new after.window.Event("pagehide"));
    assert.deepEqual(restoreSteps({ getState: () => after.saved.at(-1), setState: () => {} }), []);
  });

  it("the saver writes the steps with the latest solve, once per interval, also when only the steps changed", () => {
    const saved: unknown[] = [];
    const storage = { getState: () => saved.at(-1), setState: (state: unknown) => saved.push(state) };
    const timers: (() => void)[] = [];
    const saver = new StateSaver(storage, 500, { setTimeout: (callback) => timers.push(callback) });
    const solve = completeState();
    saver.schedule(solve);
    saver.scheduleSteps([stepsOf(solve, 0)]);
    assert.equal(timers.length, 1, "one timer for both");
    timers.shift()!();
    assert.equal(saved.length, 1);
    saver.scheduleSteps([stepsOf(solve, 0), stepsOf(solve, 2)]);
    timers.shift()!();
    assert.equal(saved.length, 2);
    assert.equal(restoreState(storage), solve);
    assert.deepEqual(
      restoreSteps(storage).map((s) => [s.index, s.available]),
      [
        [0, []],
        [2, []],
      ],
    );
    saver.flush();
    assert.equal(saved.length, 2, "nothing changed: nothing written");
  });

  it("a state saved before steps were kept restores with no marks", () => {
    const old = { version: 1, solve: completeState() };
    assert.deepEqual(restoreSteps({ getState: () => old, setState: () => {} }), []);
    const page = openWebviewPage(script, old);
    assert.equal(page.document.querySelectorAll(".candidate").length, 8);
    assert.equal(page.document.querySelectorAll(".step-mark").length, 0);
  });
});
