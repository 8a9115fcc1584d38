/**
 * The candidates of the shown solve, in the solve panel's order, each with its number (#index+1,
 * as everywhere), answer and score. A listbox: ↑/↓ move, Enter inserts the answer, Space marks it for
 * compare, C opens compare (see ../keyboard.ts). Scores and badges carry spoken labels.
 */
import type { SideCandidate, SideProblem } from "../../../contract/sidePanelMessages";
import { candidateLabel } from "../../../core/solve/candidateLabel";
import { hasEnded } from "../../../core/solve/events";
import { showAnswerMath } from "../../view/answerMath";
import { el } from "../../view/dom";
import type { SideViewState } from "../sideState";
import { scoreLabel } from "./labels";

export function shownOrder(problem: SideProblem): number[] {
  const known = new Set(problem.candidates.map((c) => c.index));
  const ordered = problem.order.filter((i) => known.has(i));
  const rest = problem.candidates.map((c) => c.index).filter((i) => !ordered.includes(i));
  return [...ordered, ...rest];
}

function statusBadge(candidate: SideCandidate): HTMLElement | null {
  if (candidate.finishReason === null) return badge("streaming", "Still streaming");
  if (!hasEnded(candidate.finishReason)) return badge(candidate.finishReason, "Stopped before it finished");
  if (candidate.finishReason === "length") return badge("truncated", "Stopped at the token limit");
  if (candidate.answer === null) return badge("no answer", "No \\boxed{} answer found");
  return null;
}

function badge(text: string, description: string): HTMLElement {
  return el("span", { className: "badge", text, attrs: { title: description, "aria-label": description } });
}

function clusterOf(problem: SideProblem, index: number): number {
  return problem.clusters.findIndex((cluster) => cluster.members.includes(index));
}

function candidateRow(problem: SideProblem, candidate: SideCandidate, state: SideViewState, rank: number) {
  const answer = el("span", { className: "side-answer" });
  if (candidate.answer === null) answer.textContent = "—";
  else showAnswerMath(answer, candidate.answer);
  const score = scoreLabel(candidate.score);
  const chosen = state.compare.includes(candidate.index);
  const focused = state.focused === candidate.index;
  const cluster = clusterOf(problem, candidate.index);
  const label = candidateLabel(candidate.index);
  return el(
    "li",
    {
      className: `side-candidate${chosen ? " chosen" : ""}${focused ? " focused" : ""}`,
      attrs: {
        role: "option",
        id: `side-candidate-${candidate.index}`,
        "data-index": String(candidate.index),
        "data-rank": String(rank),
        "aria-selected": String(chosen),
        "aria-label": `Candidate ${candidate.index + 1}, rank ${rank}, answer ${candidate.answer ?? "none"}, ${score.aria}`,
      },
    },
    [
      el("span", {
        className: "side-number",
        text: label,
        attrs: { title: `Candidate ${label}, rank ${rank}` },
      }),
      answer,
      el("span", {
        className: "side-score",
        text: score.text,
        attrs: { "aria-label": score.aria, title: score.aria },
      }),
      cluster >= 0
        ? el("span", {
            className: "badge cluster-badge",
            text: `A${cluster + 1}`,
            attrs: { title: `Answer cluster ${cluster + 1}`, "aria-label": `Answer cluster ${cluster + 1}` },
          })
        : null,
      statusBadge(candidate),
      el("span", { className: "spacer" }),
      el("button", {
        className: "secondary compare-toggle",
        text: chosen ? "Chosen" : "Compare",
        attrs: {
          type: "button",
          "data-action": "toggle-compare",
          "aria-pressed": String(chosen),
          title: `Choose ${label} for the side-by-side compare (Space)`,
          tabindex: "-1",
        },
      }),
      el("button", {
        className: "accept",
        text: "Insert",
        attrs: {
          type: "button",
          "data-action": "accept",
          title: `Insert ${label}'s answer after the problem (Enter)`,
          tabindex: "-1",
          ...(candidate.answer === null ? { disabled: "" } : {}),
        },
      }),
    ],
  );
}

export function candidateList(problem: SideProblem, state: SideViewState): HTMLElement {
  const byIndex = new Map(problem.candidates.map((c) => [c.index, c]));
  const order = shownOrder(problem);
  const active = state.focused ?? order[0] ?? null;
  const list = el(
    "ul",
    {
      className: "side-candidates",
      attrs: {
        role: "listbox",
        "aria-label": "Candidates",
        "aria-multiselectable": "true",
        tabindex: "0",
        "data-focus-key": "candidate-list",
        ...(active !== null ? { "aria-activedescendant": `side-candidate-${active}` } : {}),
      },
    },
    order.map((index, position) => candidateRow(problem, byIndex.get(index)!, state, position + 1)),
  );
  return el("section", { className: "candidates-section", attrs: { "aria-label": "Candidates" } }, [
    list,
    el("p", {
      className: "hint",
      text: "↑/↓ move · Enter insert answer · Space choose for compare · C compare",
    }),
  ]);
}
