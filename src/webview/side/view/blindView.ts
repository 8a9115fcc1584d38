/**
 * Blind mode: two candidates as A and B, no numbers, no scores, no policy badges, in a random
 * left/right order (../blind.ts); the user picks the better one, a tie, or both wrong. The extension
 * stores each judgement; "AceMath: Export Judgements" writes them as JSONL.
 */
import type { SideProblem, Verdict } from "../../../contract/sidePanelMessages";
import { el } from "../../view/dom";
import type { SideViewState } from "../sideState";
import { alignedRows, sideTitle } from "./compareView";

const VERDICT_BUTTONS: { verdict: Verdict; text: string; key: string; title: string }[] = [
  { verdict: "A", text: "A is better", key: "1", title: "Solution A is better (1)" },
  { verdict: "B", text: "B is better", key: "2", title: "Solution B is better (2)" },
  { verdict: "tie", text: "Tie", key: "3", title: "Both are equally good (3)" },
  { verdict: "both-wrong", text: "Both wrong", key: "4", title: "Neither is right (4)" },
];

export function blindView(problem: SideProblem, state: SideViewState): HTMLElement {
  const section = el("section", { className: "blind-section", attrs: { "aria-label": "Blind comparison" } });
  const blind = state.blind;
  const a = problem.candidates.find((c) => c.index === blind?.a);
  const b = problem.candidates.find((c) => c.index === blind?.b);
  if (!blind || blind.key !== problem.key || !a || !b) {
    section.append(el("p", { className: "empty", text: "Blind mode needs two finished candidates." }));
    return section;
  }
  section.append(
    el("p", { className: "hint" }, [
      document.createTextNode(
        `Scores and numbers are hidden and the sides shuffled. Judged so far: ${state.judged}. `,
      ),
      el("button", {
        className: "link-button",
        text: "Export judgements",
        attrs: { type: "button", "data-action": "export-judgements", title: "Write all judgements as JSONL" },
      }),
    ]),
    el(
      "div",
      { className: "verdicts", attrs: { role: "group", "aria-label": "Which solution is better?" } },
      VERDICT_BUTTONS.map((button) =>
        el("button", {
          className: button.verdict === "A" || button.verdict === "B" ? "" : "secondary",
          text: button.text,
          attrs: {
            type: "button",
            "data-action": "judge",
            "data-verdict": button.verdict,
            "aria-keyshortcuts": button.key,
            title: button.title,
          },
        }),
      ),
    ),
    el("div", { className: "compare-head" }, [
      sideTitle(a, "A", { blind: true }),
      sideTitle(b, "B", { blind: true }),
    ]),
    alignedRows(a, b),
  );
  return section;
}

export const VERDICT_KEYS: Record<string, Verdict> = Object.fromEntries(
  VERDICT_BUTTONS.map((button) => [button.key, button.verdict]),
);
