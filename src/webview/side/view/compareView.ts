/**
 * Two candidates side by side: pick any two (the selects, or Space/Compare in the list); their
 * steps (paragraphs, numbered steps, display equations; src/core/steps/split.ts) are aligned
 * (src/core/steps/align.ts) and each row where they differ is highlighted. Both sides are rendered
 * with the panel's renderer (markdown-it with html off, KaTeX with trust off).
 */
import type { SideCandidate, SideProblem } from "../../../contract/sidePanelMessages";
import { candidateLabel } from "../../../core/solve/candidateLabel";
import { alignSteps } from "../../../core/steps/align";
import { splitSteps, type Step } from "../../../core/steps/split";
import { renderMarkdown } from "../../render/markdown";
import { el, setRenderedHtml } from "../../view/dom";
import { shownOrder } from "./candidateList";
import { scoreLabel } from "./labels";

export interface CompareOptions {
  /** Blind mode: no numbers, no scores, sides called A and B. */
  blind: boolean;
}

/** Markdown for one step: rows of an align environment need their environment back to render. */
function stepMarkdown(step: Step): string {
  return step.kind === "align-line" ? `$$\\begin{aligned}${step.text}\\end{aligned}$$` : step.text;
}

function stepCell(step: Step | undefined, side: "left" | "right"): HTMLElement {
  const cell = el("div", { className: `step step-${side}${step ? "" : " step-missing"}` });
  if (step) setRenderedHtml(cell, renderMarkdown(stepMarkdown(step)));
  else cell.setAttribute("aria-label", "No matching step");
  return cell;
}

function sideTitle(candidate: SideCandidate, name: string, options: CompareOptions): HTMLElement {
  const heading = options.blind ? `Solution ${name}` : `${candidateLabel(candidate.index)}`;
  const score = scoreLabel(candidate.score);
  return el("div", { className: "compare-title" }, [
    el("span", { className: "compare-name", text: heading }),
    options.blind
      ? null
      : el("span", { className: "side-score", text: score.text, attrs: { "aria-label": score.aria } }),
  ]);
}

export function alignedRows(left: SideCandidate, right: SideCandidate): HTMLElement {
  const rows = alignSteps(splitSteps(left.text), splitSteps(right.text));
  const differing = rows.filter((row) => !row.same).length;
  return el(
    "div",
    {
      className: "compare-rows",
      attrs: { role: "table", "aria-label": `Aligned steps, ${differing} of ${rows.length} differ` },
    },
    rows.map((row) =>
      el(
        "div",
        {
          className: `compare-row${row.same ? " same" : " differs"}`,
          attrs: {
            role: "row",
            "data-same": String(row.same),
            ...(row.same ? {} : { "aria-label": "Steps differ" }),
          },
        },
        [stepCell(row.left, "left"), stepCell(row.right, "right")],
      ),
    ),
  );
}

function candidateSelect(problem: SideProblem, chosen: number, side: "a" | "b"): HTMLSelectElement {
  const select = el("select", {
    className: "compare-select",
    attrs: {
      "data-action": "compare-select",
      "data-side": side,
      "aria-label": `Candidate on the ${side === "a" ? "left" : "right"}`,
    },
  });
  for (const index of shownOrder(problem)) {
    const candidate = problem.candidates.find((c) => c.index === index)!;
    const option = el("option", {
      text: `${candidateLabel(index)} — ${candidate.answer ?? "no answer"}`,
      attrs: { value: String(index) },
    });
    option.selected = index === chosen;
    select.append(option);
  }
  return select;
}

export function compareView(problem: SideProblem, pair: [number, number] | null): HTMLElement {
  const section = el("section", {
    className: "compare-section",
    attrs: { "aria-label": "Compare two candidates" },
  });
  const left = problem.candidates.find((c) => c.index === pair?.[0]);
  const right = problem.candidates.find((c) => c.index === pair?.[1]);
  if (!pair || !left || !right) {
    section.append(el("p", { className: "empty", text: "Compare needs two candidates." }));
    return section;
  }
  section.append(
    el("div", { className: "compare-pickers" }, [
      candidateSelect(problem, left.index, "a"),
      el("span", { className: "versus", text: "vs" }),
      candidateSelect(problem, right.index, "b"),
    ]),
    el("div", { className: "compare-head" }, [
      sideTitle(left, "A", { blind: false }),
      sideTitle(right, "B", { blind: false }),
    ]),
    alignedRows(left, right),
  );
  section.setAttribute("data-left", String(left.index));
  section.setAttribute("data-right", String(right.index));
  return section;
}

export { sideTitle };
