import { strict as assert } from "node:assert";
import { applySolveEvent, emptySolveState, type SolveState } from "../../../src/core/solve/state";
import { bundleWebview, openWebviewPage, type WebviewPage } from "../../support/webviewDom";
import * as fx from "./solveFixture";

const nextFrame = (page: WebviewPage) => new Promise((resolve) => page.window.requestAnimationFrame(resolve));

/** A solve saved mid-stream: half of each solution had arrived, none finished. */
function runningState(): SolveState {
  const problem = fx.loadSample(0);
  const events = [fx.started(problem), ...fx.deltas(problem).slice(0, 2 * problem.solutions.length)];
  return events.reduce(applySolveEvent, emptySolveState());
}

const settle = (page: WebviewPage) =>
  new Promise((resolve) => setTimeout(resolve, 50)).then(() => nextFrame(page));

function completeState(): SolveState {
  const problem = fx.loadSample(0);
  return fx.completeSolve(problem).reduce(applySolveEvent, emptySolveState());
}

describe("webview entry point (bundled, in jsdom)", function () {
  this.timeout(20_000);
  let script = "";
  before(async () => (script = await bundleWebview("src/webview/main.ts")));

  it("posts ready on load and draws an empty panel", () => {
    const page = openWebviewPage(script);
    assert.deepEqual(page.posted, [{ type: "ready" }]);
    assert.equal(page.window.document.querySelector("#status")?.getAttribute("data-status"), "idle");
  });

  it("draws the state saved by setState before any message arrives", () => {
    const page = openWebviewPage(script, { version: 1, solve: completeState() });
    const document = page.window.document;
    assert.equal(document.querySelectorAll(".candidate").length, 8);
    assert.equal(document.querySelector("#status")?.getAttribute("data-status"), "complete");
  });

  it("after a window reload, the extension's idle reply keeps the saved solve and ends it as interrupted", async () => {
    const saved = runningState();
    const page = openWebviewPage(script, { version: 1, solve: saved });
    const document = page.window.document;
    assert.equal(document.querySelector("#status")?.getAttribute("data-status"), "running");
    page.window.postMessage({ type: "snapshot", state: emptySolveState() }, "*");
    await settle(page);
    assert.equal(document.querySelector("#status")?.getAttribute("data-status"), "cancelled");
    assert.match(document.querySelector("#status")?.textContent ?? "", /^Cancelled — 0 of 8/);
    assert.equal((document.querySelector("#cancel") as HTMLElement | null)?.hidden, true);
    assert.match(document.querySelector(".notices")?.textContent ?? "", /window reloaded/);
    const cards = [...document.querySelectorAll<HTMLElement>(".candidate")];
    assert.equal(cards.length, 8);
    assert.ok(cards.every((card) => card.dataset.finish === "cancelled"));
    const firstText = saved.candidates[0]!.text.slice(0, 20);
    assert.ok(document.querySelector(".candidate .solution")?.textContent?.includes(firstText.trim()));
    page.window.dispatchEvent(new page.window.Event("pagehide"));
    const last = page.saved.at(-1) as { solve: SolveState };
    assert.equal(last.solve.status, "cancelled", "a second reload shows the interrupted state too");
  });

  it("a live snapshot answering ready replaces the saved state (panel re-shown during a solve)", async () => {
    const page = openWebviewPage(script, { version: 1, solve: runningState() });
    const live = runningState();
    live.candidates[0]!.finishReason = "stop";
    page.window.postMessage({ type: "snapshot", state: live }, "*");
    await settle(page);
    const document = page.window.document;
    assert.equal(document.querySelector("#status")?.getAttribute("data-status"), "running");
    assert.match(document.querySelector("#status")?.textContent ?? "", /1 of 8 candidates finished/);
    assert.equal(document.querySelector(".notices")?.textContent ?? "", "");
  });

  it("ignores a saved state it does not recognise", () => {
    const page = openWebviewPage(script, { version: 99, something: "else" });
    assert.equal(page.window.document.querySelectorAll(".candidate").length, 0);
  });

  it("handles snapshot and events messages, ignores others, and saves the state", async () => {
    const page = openWebviewPage(script);
    const problem = fx.loadSample(3);
    const [start, ...rest] = fx.completeSolve(problem);
    page.window.postMessage({ type: "snapshot", state: emptySolveState() }, "*");
    page.window.postMessage({ type: "events", events: [start] }, "*");
    page.window.postMessage({ type: "events", events: rest }, "*");
    page.window.postMessage({ type: "bogus" }, "*");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await nextFrame(page);
    const document = page.window.document;
    assert.equal(document.querySelectorAll(".candidate").length, 8);
    assert.equal(document.querySelector("#status")?.getAttribute("data-status"), "complete");
    await new Promise((resolve) => setTimeout(resolve, 600));
    const last = page.saved.at(-1) as { version: number; solve: SolveState };
    assert.equal(last.version, 1);
    assert.equal(last.solve.status, "complete");
  });
});
