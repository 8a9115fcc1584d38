/** Problems solved in this workspace, newest first, searchable; a click shows one (pinned). */
import type { SideHistoryItem } from "../../../contract/sidePanelMessages";
import { showAnswerMath } from "../../view/answerMath";
import { el } from "../../view/dom";
import type { SideViewState } from "../sideState";
import { timeText } from "./labels";
import { showProblemExcerpt } from "./problemExcerpt";

const SHOWN_PROBLEM_CHARS = 160;

/** Case-insensitive match on the problem and the answer; every word of the query must occur. */
export function filterHistory(items: readonly SideHistoryItem[], query: string): SideHistoryItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const newestFirst = [...items].sort((x, y) => y.solvedAt - x.solvedAt);
  if (words.length === 0) return newestFirst;
  return newestFirst.filter((item) => {
    const haystack = `${item.problem} ${item.answer ?? ""}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

function answerOf(item: SideHistoryItem): HTMLElement {
  const answer = el("span", { className: "history-answer", text: "—" });
  if (item.answer !== null) showAnswerMath(answer, item.answer);
  return answer;
}

function historyRow(item: SideHistoryItem, current: boolean): HTMLElement {
  const problem = el("span", { className: "history-problem" });
  showProblemExcerpt(problem, item.problem, SHOWN_PROBLEM_CHARS);
  return el("li", { className: `history-item${current ? " current" : ""}` }, [
    el(
      "button",
      {
        className: "history-open",
        attrs: {
          type: "button",
          "data-action": "open-history",
          "data-id": item.id,
          title: item.problem.slice(0, 2000),
          ...(current ? { "aria-current": "true" } : {}),
        },
      },
      [
        problem,
        el("span", { className: "history-meta" }, [
          document.createTextNode(`${timeText(item.solvedAt)} · ${item.candidates} candidates · answer `),
          answerOf(item),
        ]),
      ],
    ),
  ]);
}

export function historyView(state: SideViewState): HTMLElement {
  const shown = filterHistory(state.history, state.query);
  const search = el("input", {
    className: "history-search",
    attrs: {
      type: "search",
      placeholder: "Search problems and answers",
      "aria-label": "Search the history",
      "data-action": "history-search",
      "data-focus-key": "history-search",
      value: state.query,
    },
  });
  return el("section", { className: "history-section", attrs: { "aria-label": "History" } }, [
    search,
    el("p", {
      className: "hint",
      text: `${shown.length} of ${state.history.length} shown · the newest ${state.historyBound || "—"} solves are kept`,
    }),
    shown.length > 0
      ? el(
          "ul",
          { className: "history-list" },
          shown.map((item) => historyRow(item, item.id === state.problem?.key)),
        )
      : el("p", {
          className: "empty",
          text: state.history.length === 0 ? "No solves yet." : "Nothing matches.",
        }),
  ]);
}
