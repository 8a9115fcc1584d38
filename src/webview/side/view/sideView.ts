/**
 * The side panel's page, drawn whole from the state (its content is small: answers, scores and at
 * most two rendered solutions). `renderSide` keeps keyboard focus across redraws through the
 * `data-focus-key` of the focused element.
 */
import { el } from "../../view/dom";
import { SIDE_TABS, comparePair, type SideTab, type SideViewState } from "../sideState";
import { blindView } from "./blindView";
import { candidateList, shownOrder } from "./candidateList";
import { clustersView } from "./clustersView";
import { compareView } from "./compareView";
import { historyView } from "./historyView";
import { showProblemExcerpt } from "./problemExcerpt";
import { sourceText, timeText } from "./labels";

const TAB_NAMES: Record<SideTab, string> = {
  candidates: "Candidates",
  compare: "Compare",
  blind: "Blind",
  history: "History",
};
const SHOWN_PROBLEM_CHARS = 600;

function header(state: SideViewState): HTMLElement {
  const problem = state.problem;
  const where = state.pinned ? sourceText("pinned") : sourceText(state.source);
  return el("header", { className: "side-head" }, [
    el("div", { className: "side-where" }, [
      el("span", { className: "side-source", text: where, attrs: { "data-source": state.source } }),
      problem?.solvedAt
        ? el("span", { className: "side-time", text: ` · ${timeText(problem.solvedAt)}` })
        : null,
      problem
        ? el("span", {
            className: "side-status",
            text: ` · ${problem.status}`,
            attrs: { "data-status": problem.status },
          })
        : null,
    ]),
    el("button", {
      className: `secondary pin${state.pinned ? " pinned" : ""}`,
      text: state.pinned ? "Unpin" : "Pin",
      attrs: {
        type: "button",
        "data-action": "pin",
        "aria-pressed": String(state.pinned),
        title: state.pinned ? "Follow the cursor again" : "Keep this problem in view while the cursor moves",
        ...(problem ? {} : { disabled: "" }),
      },
    }),
  ]);
}

function tabs(state: SideViewState): HTMLElement {
  return el(
    "div",
    { className: "side-tabs", attrs: { role: "tablist", "aria-label": "Side panel views" } },
    SIDE_TABS.map((tab) =>
      el("button", {
        className: `side-tab${state.tab === tab ? " active" : ""}`,
        text: TAB_NAMES[tab],
        attrs: {
          type: "button",
          role: "tab",
          id: `side-tab-${tab}`,
          "data-action": "tab",
          "data-tab": tab,
          "aria-selected": String(state.tab === tab),
          "data-focus-key": `tab-${tab}`,
          tabindex: state.tab === tab ? "0" : "-1",
        },
      }),
    ),
  );
}

function problemBox(text: string): HTMLElement {
  const box = el("div", { className: "side-problem", attrs: { "aria-label": "Problem" } });
  showProblemExcerpt(box, text, SHOWN_PROBLEM_CHARS);
  return box;
}

function content(state: SideViewState): HTMLElement {
  const panel = el("div", {
    className: "side-content",
    attrs: { role: "tabpanel", "aria-labelledby": `side-tab-${state.tab}`, "data-tab": state.tab },
  });
  const problem = state.problem;
  if (state.tab === "history") {
    panel.append(historyView(state));
    return panel;
  }
  if (!problem) {
    panel.append(
      el("p", { className: "empty", text: state.note || "Solve a problem to see its candidates here." }),
    );
    return panel;
  }
  panel.append(problemBox(problem.problem));
  if (state.tab === "candidates") panel.append(clustersView(problem), candidateList(problem, state));
  if (state.tab === "compare") panel.append(compareView(problem, comparePair(state, shownOrder(problem))));
  if (state.tab === "blind") panel.append(blindView(problem, state));
  return panel;
}

export function renderSide(root: HTMLElement, state: SideViewState): void {
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
  const input = document.activeElement instanceof HTMLInputElement ? document.activeElement : null;
  const caret = input?.selectionStart ?? null;
  root.replaceChildren(
    header(state),
    state.note && state.problem ? el("p", { className: "side-note", text: state.note }) : el("span"),
    tabs(state),
    content(state),
  );
  if (!focusKey) return;
  const again = root.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`);
  again?.focus();
  if (again instanceof HTMLInputElement && caret !== null) again.setSelectionRange(caret, caret);
}
