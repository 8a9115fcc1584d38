/** The panel header: status, problem, backends, how candidates are ranked, and the Cancel button. */
import { describeBackend as describeSolveBackend } from "../../core/solve/backendText";
import type { BackendInfo } from "../../core/solve/events";
import type { SolveState } from "../../core/solve/state";
import { renderMarkdown } from "../render/markdown";
import { el, setAttr, setRenderedHtml, setText } from "./dom";
import { rankingMethodText, statusText } from "./text";

export interface HeaderView {
  root: HTMLElement;
  status: HTMLElement;
  cancel: HTMLButtonElement;
  simulated: HTMLElement;
  problem: HTMLElement;
  policy: HTMLElement;
  reward: HTMLElement;
  rankingMethod: HTMLElement;
  renderedProblem: string | undefined;
}

export function createHeader(): HeaderView {
  const status = el("span", { attrs: { id: "status", role: "status", "aria-live": "polite" } });
  const cancel = el("button", {
    className: "secondary",
    text: "Cancel",
    attrs: { id: "cancel", type: "button", "data-action": "cancel", title: "Stop generating" },
  });
  const simulated = el("span", {
    className: "backend-badge simulated",
    text: "simulated backend",
    attrs: {
      title: "The server identifies itself as the AceMath simulator: answers are not real model output",
    },
  });
  const problem = el("div", { className: "problem" });
  const policy = el("span", { className: "backend-value" });
  const reward = el("span", { className: "backend-value" });
  const rankingMethod = el("p", { className: "ranking-method" });
  const root = el("header", { className: "panel-header" }, [
    el("div", { className: "title-row" }, [
      el("h1", { text: "AceMath Studio" }),
      simulated,
      status,
      el("span", { className: "spacer" }),
      cancel,
    ]),
    problem,
    el("dl", { className: "backends" }, [
      el("dt", { text: "Policy" }),
      el("dd", {}, [policy]),
      el("dt", { text: "Reward" }),
      el("dd", {}, [reward]),
    ]),
    rankingMethod,
  ]);
  return {
    root,
    status,
    cancel,
    simulated,
    problem,
    policy,
    reward,
    rankingMethod,
    renderedProblem: undefined,
  };
}

function describeBackend(backend: BackendInfo | null, fallback: string): string {
  return backend ? describeSolveBackend(backend) : fallback;
}

export function updateHeader(view: HeaderView, state: SolveState): void {
  setAttr(view.status, "data-status", state.status);
  setText(view.status, statusText(state));
  view.cancel.hidden = state.status !== "running";
  view.simulated.hidden = !(state.policy?.simulated || state.reward?.simulated);
  if (view.renderedProblem !== state.problem) {
    view.renderedProblem = state.problem;
    setRenderedHtml(view.problem, renderMarkdown(state.problem));
  }
  view.problem.hidden = state.problem === "";
  setText(view.policy, describeBackend(state.policy, "—"));
  setText(view.reward, describeBackend(state.reward, "none"));
  const ranking = rankingMethodText(state);
  setText(view.rankingMethod, ranking);
  view.rankingMethod.hidden = ranking === "";
}
