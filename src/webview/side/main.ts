/**
 * Entry point of the side panel's page script (browser IIFE bundle, `dist/sideview.js`). It draws
 * the state it saved with `setState` at once, asks the extension for its own with "ready", and from
 * then on folds the extension's messages and the user's clicks and keys into one state, saved after
 * every change (the state is small: no per-token streaming reaches this view).
 */
import type { FromSidePanel, Verdict } from "../../contract/sidePanelMessages";
import { isToSidePanel } from "../../contract/sidePanelMessages";
import { drawBlindPair, nextSeed } from "./blind";
import { blindKeyIntent, listKeyIntent, type KeyIntent } from "./keyboard";
import {
  applySideMessage,
  emptySideState,
  restoreSideState,
  toggleCompare,
  SIDE_TABS,
  type SideTab,
  type SideViewState,
} from "./sideState";
import { shownOrder } from "./view/candidateList";
import { renderSide } from "./view/sideView";

interface SideApi {
  postMessage(message: FromSidePanel): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): SideApi;

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! & 0x7fffffff;
}

/** Blind mode always has a pair of the shown solve, drawn afresh when the solve changes. */
function withBlindPair(state: SideViewState): SideViewState {
  const problem = state.problem;
  if (state.tab !== "blind" || !problem) return state;
  if (state.blind && state.blind.key === problem.key) return state;
  const seed = state.blind?.seed ?? randomSeed();
  const pair = drawBlindPair(problem.candidates, seed);
  return { ...state, blind: pair ? { key: problem.key, ...pair, seed } : null };
}

function start(): void {
  const api = acquireVsCodeApi();
  const root = document.getElementById("app") ?? document.body;
  let state = restoreSideState(api.getState()) ?? emptySideState();

  const update = (next: SideViewState): void => {
    state = withBlindPair(next);
    api.setState(state);
    renderSide(root, state);
  };
  const post = (message: FromSidePanel): void => api.postMessage(message);

  const judge = (verdict: Verdict): void => {
    const { blind, problem } = state;
    if (!blind || !problem) return;
    post({ type: "judge", key: blind.key, a: blind.a, b: blind.b, verdict });
    const seed = nextSeed(blind.seed);
    const pair = drawBlindPair(problem.candidates, seed);
    update({ ...state, blind: pair ? { key: problem.key, ...pair, seed } : null });
  };

  const carryOut = (intent: KeyIntent): void => {
    switch (intent.kind) {
      case "move":
        update({ ...state, focused: intent.to });
        root.querySelector(`#side-candidate-${intent.to}`)?.scrollIntoView?.({ block: "nearest" });
        return;
      case "accept":
        if (state.problem) post({ type: "accept", key: state.problem.key, index: intent.index });
        return;
      case "toggle-compare":
        update({ ...toggleCompare(state, intent.index), focused: intent.index });
        return;
      case "open-compare":
        update({ ...state, tab: "compare" });
        return;
      case "judge":
        judge(intent.verdict);
        return;
    }
  };

  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (isToSidePanel(event.data)) update(applySideMessage(state, event.data));
  });

  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const row = target?.closest<HTMLElement>(".side-candidate");
    const button = target?.closest<HTMLButtonElement>("button[data-action]");
    const rowIndex = row ? Number(row.dataset.index) : null;
    if (!button || button.disabled) {
      if (rowIndex !== null) update({ ...state, focused: rowIndex });
      return;
    }
    switch (button.dataset.action) {
      case "pin":
        post({ type: "pin", pinned: !state.pinned });
        return;
      case "tab":
        update({ ...state, tab: (button.dataset.tab as SideTab) ?? "candidates" });
        return;
      case "toggle-compare":
        if (rowIndex !== null) carryOut({ kind: "toggle-compare", index: rowIndex });
        return;
      case "accept":
        if (rowIndex !== null) carryOut({ kind: "accept", index: rowIndex });
        return;
      case "open-history":
        if (button.dataset.id) post({ type: "openHistory", id: button.dataset.id });
        update({ ...state, tab: "candidates" });
        return;
      case "judge":
        judge(button.dataset.verdict as Verdict);
        return;
      case "export-judgements":
        post({ type: "exportJudgements" });
        return;
    }
  });

  root.addEventListener("change", (event) => {
    const select = event.target instanceof HTMLSelectElement ? event.target : null;
    if (select?.dataset.action !== "compare-select" || !state.problem) return;
    const order = shownOrder(state.problem);
    const [a = order[0], b = order[1]] = state.compare.length === 2 ? state.compare : [order[0], order[1]];
    const chosen = Number(select.value);
    const pair = select.dataset.side === "a" ? [chosen, b] : [a, chosen];
    update({ ...state, compare: pair.filter((i): i is number => i !== undefined) });
  });

  root.addEventListener("input", (event) => {
    const input = event.target instanceof HTMLInputElement ? event.target : null;
    if (input?.dataset.action === "history-search") update({ ...state, query: input.value });
  });

  root.addEventListener("keydown", (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.getAttribute("role") === "tab" && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
      const step = event.key === "ArrowRight" ? 1 : -1;
      const tab = SIDE_TABS[(SIDE_TABS.indexOf(state.tab) + step + SIDE_TABS.length) % SIDE_TABS.length]!;
      root.querySelector<HTMLElement>(`[data-focus-key="tab-${tab}"]`)?.focus();
      update({ ...state, tab });
      event.preventDefault();
      return;
    }
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) return;
    const intent =
      state.tab === "blind"
        ? blindKeyIntent(event.key)
        : target?.getAttribute("role") === "listbox" && state.problem
          ? listKeyIntent(event.key, shownOrder(state.problem), state.focused)
          : null;
    if (!intent) return;
    event.preventDefault();
    carryOut(intent);
  });

  update(state);
  post({ type: "ready" });
}

start();
