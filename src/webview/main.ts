/**
 * Entry point of the solve panel's page script (browser IIFE bundle, `dist/webview.js`).
 * Messages fold into the state at once; drawing happens at most once per animation frame and only
 * for the parts the messages invalidated (see view/dirty.ts and view/panel.ts).
 */
import type { CandidateSteps } from "../contract/webviewMessages";
import { emptySolveState } from "../core/solve/state";
import { Handshake } from "./state/handshake";
import { applyMessage, isToWebview, startsOver } from "./state/messages";
import { restoreState, restoreSteps, StateSaver } from "./state/persistence";
import { bindActions } from "./view/actions";
import { emptyDirty, isClean, markAll } from "./view/dirty";
import { Panel } from "./view/panel";
import { createVisibility } from "./view/visibility";
import { warmUpMarkdown, warmUpMath } from "./render/warmUp";
import { acquireApi } from "./vscodeApi";

const FRAME_BUDGET_MS = 12;
const SAVE_INTERVAL_MS = 500;

function appRoot(): HTMLElement {
  const existing = document.getElementById("app");
  if (existing) return existing;
  const created = document.createElement("main");
  created.id = "app";
  document.body.append(created);
  return created;
}

function start(): void {
  const api = acquireApi();
  const root = appRoot();
  const panel = new Panel(root, { visibility: createVisibility(), requestRender });
  const saver = new StateSaver(api, SAVE_INTERVAL_MS);
  const dirty = emptyDirty();
  let state = restoreState(api) ?? emptySolveState();
  // The step checks shown, by candidate: saved with the state, so a window reload keeps them.
  const shownSteps = new Map<number, CandidateSteps>();
  for (const steps of restoreSteps(api)) {
    shownSteps.set(steps.index, steps);
    panel.setSteps(steps, state);
  }
  const handshake = new Handshake();
  let frameRequested = false;

  function renderFrame(): void {
    frameRequested = false;
    panel.render(state, dirty, { now: () => performance.now(), frameBudgetMs: FRAME_BUDGET_MS });
    if (!isClean(dirty) || panel.hasPendingWork()) requestRender();
  }
  // Hoisted: the panel's visibility observer asks for frames too (a chunk scrolled into view).
  function requestRender(): void {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(renderFrame);
  }

  bindActions(root, (message) => api.postMessage(message));
  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isToWebview(message)) return;
    if (message.type === "steps") {
      shownSteps.set(message.steps.index, message.steps);
      saver.scheduleSteps([...shownSteps.values()]);
      return panel.setSteps(message.steps, state);
    }
    // The first snapshot answers "ready": after a window reload it must not blank the saved state.
    const snapshot = message.type === "snapshot" ? handshake.receiveSnapshot(state, message.state) : null;
    // A snapshot that kept the saved solve keeps its step checks too; any other starts over.
    if (startsOver(message) && !(message.type === "snapshot" && snapshot !== message.state)) {
      panel.clearSteps();
      shownSteps.clear();
      saver.scheduleSteps([]);
    }
    state =
      message.type === "snapshot" && snapshot
        ? applyMessage(state, { ...message, state: snapshot }, dirty)
        : applyMessage(state, message, dirty);
    saver.schedule(state);
    requestRender();
  });
  document.addEventListener("visibilitychange", () => saver.flush());
  // A window reload tears the page down: save what arrived in the last interval too.
  window.addEventListener("pagehide", () => saver.flush());

  // Draw the restored state synchronously: a re-shown panel must not flash empty.
  markAll(dirty);
  renderFrame();
  api.postMessage({ type: "ready" });
  // After this task, so a restored panel paints first; usually long before the first message.
  setTimeout(warmUpMath, 0);
  setTimeout(warmUpMarkdown, 0);
}

start();
