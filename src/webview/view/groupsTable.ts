/** The compact summary above the candidates: one row per distinct final answer. */
import { candidateLabel } from "../../core/solve/candidateLabel";
import type { AnswerGroup } from "../../core/solve/events";
import { showAnswerMath } from "./answerMath";
import { el } from "./dom";
import { formatScore } from "./text";

export interface GroupsView {
  root: HTMLElement;
  body: HTMLTableSectionElement;
  /** The groups last drawn, to skip redrawing identical ones. */
  renderedKey: string;
}

export function createGroupsView(): GroupsView {
  const body = el("tbody");
  const table = el("table", { className: "groups" }, [
    el("thead", {}, [
      el("tr", {}, [
        el("th", { text: "Answer", attrs: { scope: "col" } }),
        el("th", { className: "num votes", text: "Votes", attrs: { scope: "col" } }),
        el("th", { className: "num best-score", text: "Best score", attrs: { scope: "col" } }),
      ]),
    ]),
    body,
  ]);
  const root = el("section", { className: "groups-section", attrs: { "aria-label": "Answers" } }, [table]);
  return { root, body, renderedKey: "" };
}

function groupRow(group: AnswerGroup, leading: boolean): HTMLTableRowElement {
  // The cell clips (CSS) so the Votes and Best score columns stay visible; the full answer is its title.
  const answerText = el("div", { className: "group-answer-text" });
  showAnswerMath(answerText, group.answer);
  const answer = el("td", { className: "group-answer" }, [answerText]);
  const members = group.members.map(candidateLabel).join(", ");
  return el(
    "tr",
    {
      className: leading ? "group leading" : "group",
      attrs: {
        "data-answer": group.answer,
        "data-votes": String(group.members.length),
        title: `Candidates ${members}`,
      },
    },
    [
      answer,
      el("td", { className: "num votes", text: String(group.members.length) }),
      el("td", { className: "num best-score", text: formatScore(group.bestScore) }),
    ],
  );
}

export function updateGroups(view: GroupsView, groups: AnswerGroup[]): void {
  const key = JSON.stringify(groups);
  if (key === view.renderedKey) return;
  view.renderedKey = key;
  view.body.replaceChildren(...groups.map((group, position) => groupRow(group, position === 0)));
  view.root.hidden = groups.length === 0;
}
