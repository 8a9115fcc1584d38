import { strict as assert } from "node:assert";
import type { SolveEvent } from "../../../src/core/solve/events";
import { applySolveEvent, emptySolveState, type SolveState } from "../../../src/core/solve/state";
import {
  Handshake,
  interruptedByReload,
  isIdleAndEmpty,
  RELOAD_NOTICE,
  settleHandshake,
} from "../../../src/webview/state/handshake";
import { statusText } from "../../../src/webview/view/text";
import * as fx from "./solveFixture";

const problem = fx.loadSample(0);

/** A solve caught mid-stream: half of each solution arrived, candidate 0 had already finished. */
function midStream(): SolveState {
  const events: SolveEvent[] = [
    fx.started(problem),
    ...fx.deltas(problem).slice(0, 2 * problem.solutions.length),
    { type: "finished", index: 0, finishReason: "stop", answer: problem.answers[0]! },
  ];
  return events.reduce(applySolveEvent, emptySolveState());
}

function completed(): SolveState {
  return fx.completeSolve(problem).reduce(applySolveEvent, emptySolveState());
}

describe("webview handshake after a reload", () => {
  it("an idle, empty state is what an extension without a solve sends", () => {
    assert.equal(isIdleAndEmpty(emptySolveState()), true);
    assert.equal(isIdleAndEmpty(midStream()), false);
    assert.equal(isIdleAndEmpty({ ...emptySolveState(), problem: "x" }), false);
  });

  it("a running solve ends as interrupted: text kept, unfinished candidates cancelled, notice added", () => {
    const before = midStream();
    const texts = before.candidates.map((c) => c.text);
    const after = interruptedByReload(midStream());
    assert.equal(after.status, "cancelled");
    assert.deepEqual(
      after.candidates.map((c) => c.text),
      texts,
    );
    assert.ok(
      texts.every((t) => t.length > 0),
      "the fixture streamed text into every candidate",
    );
    assert.deepEqual(
      after.candidates.map((c) => c.finishReason),
      ["stop", ...Array<string>(problem.solutions.length - 1).fill("cancelled")],
    );
    assert.equal(after.candidates[0]!.answer, problem.answers[0]);
    assert.ok(after.candidates.slice(1).every((c) => c.answer === null));
    assert.deepEqual(after.warnings, [{ code: "interrupted-by-reload", message: RELOAD_NOTICE }]);
    assert.equal(
      statusText(after),
      `Cancelled — 1 of ${problem.solutions.length} candidates finished`,
      "the status no longer says it is solving",
    );
  });

  it("an idle reply keeps a saved running solve, marked interrupted", () => {
    const settled = settleHandshake(midStream(), emptySolveState());
    assert.equal(settled.status, "cancelled");
    assert.equal(settled.problem, problem.question);
    assert.equal(settled.warnings.at(-1)?.code, "interrupted-by-reload");
  });

  it("an idle reply keeps a saved finished solve unchanged", () => {
    assert.deepEqual(settleHandshake(completed(), emptySolveState()), completed());
  });

  it("a live reply replaces what the page saved (a re-shown panel during a solve)", () => {
    const live = midStream();
    live.candidates[1]!.text += " and more";
    assert.equal(settleHandshake(midStream(), live), live);
    assert.equal(settleHandshake(completed(), live), live);
  });

  it("an idle reply to an empty page stays idle", () => {
    const reply = emptySolveState();
    assert.equal(settleHandshake(emptySolveState(), reply), reply);
  });

  it("only the first snapshot answers ready; later ones (a new solve's reset) replace the state", () => {
    const handshake = new Handshake();
    assert.equal(handshake.receiveSnapshot(completed(), emptySolveState()).status, "complete");
    const reset = emptySolveState();
    assert.equal(handshake.receiveSnapshot(completed(), reset), reset);
  });
});
