/**
 * One candidate solution: rank, answer, score, badges, actions and the rendered solution.
 * Metadata and the solution body update separately, because the body is the expensive part and
 * changes on every streamed delta while the metadata changes a handful of times per solve.
 */
import type { CandidateState, SolveStatus } from "../../core/solve/state";
import { splitMarkdownBlocks } from "../render/blocks";
import { renderMarkdown } from "../render/markdown";
import { renderMath } from "../render/math";
import { el, setAttr, setRenderedHtml, setText } from "./dom";
import { updateBadges } from "./badges";
import { formatScore } from "./text";

export interface CandidateCard {
  root: HTMLElement;
  rank: HTMLElement;
  score: HTMLElement;
  answer: HTMLElement;
  badges: HTMLElement;
  solution: HTMLElement;
  buttons: Record<"insertAnswer" | "insertSolution" | "copyLatex", HTMLButtonElement>;
  /** The answer LaTeX last rendered into `answer`, to skip re-rendering an unchanged one. */
  renderedAnswer: string | null | undefined;
  /** While streaming: the source of each rendered chunk, parallel to `solution`'s children. */
  renderedChunks: string[];
  /** Whether the solution box should stay scrolled to its end (the user has not scrolled up). */
  followTail: boolean;
}

function actionButton(action: string, label: string, title: string, className = ""): HTMLButtonElement {
  return el("button", { className, text: label, attrs: { type: "button", "data-action": action, title } });
}

export function createCandidateCard(index: number): CandidateCard {
  const rank = el("span", { className: "rank" });
  const answer = el("span", { className: "answer" });
  const score = el("span", { className: "score", attrs: { title: "Reward score" } });
  const badges = el("span", { className: "badges" });
  const buttons = {
    insertAnswer: actionButton("insert-answer", "Insert answer", "Insert the final answer at the cursor"),
    insertSolution: actionButton(
      "insert-solution",
      "Insert solution",
      "Insert the whole solution at the cursor",
      "secondary",
    ),
    copyLatex: actionButton("copy-latex", "Copy LaTeX", "Copy the final answer's LaTeX", "secondary"),
  };
  const expand = el("button", {
    className: "link-button",
    text: "Expand",
    attrs: { type: "button", "data-action": "toggle-expand", "aria-expanded": "false" },
  });
  const solution = el("div", { className: "solution" });
  const root = el("article", { className: "candidate", attrs: { "data-index": String(index) } }, [
    el("div", { className: "candidate-head" }, [
      rank,
      el("span", { className: "answer-cell" }, [el("span", { className: "label", text: "Answer" }), answer]),
      el("span", { className: "score-cell" }, [el("span", { className: "label", text: "Score" }), score]),
      badges,
    ]),
    solution,
    el("div", { className: "candidate-actions" }, [
      buttons.insertAnswer,
      buttons.insertSolution,
      buttons.copyLatex,
      el("span", { className: "spacer" }),
      expand,
    ]),
  ]);
  const card: CandidateCard = {
    root,
    rank,
    score,
    answer,
    badges,
    solution,
    buttons,
    renderedAnswer: undefined,
    renderedChunks: [],
    followTail: true,
  };
  solution.addEventListener("scroll", () => {
    card.followTail = solution.scrollHeight - solution.scrollTop - solution.clientHeight < 24;
  });
  return card;
}

export interface CandidatePlace {
  /** 1-based position in `state.order`. */
  rank: number;
  /** False until the first ranking arrives: the order is then just arrival order. */
  ranked: boolean;
  status: SolveStatus;
}

export function updateCandidateMeta(
  card: CandidateCard,
  candidate: CandidateState,
  place: CandidatePlace,
): void {
  const { rank, ranked, status } = place;
  const { root } = card;
  setAttr(root, "data-rank", String(rank));
  setAttr(root, "data-score", candidate.score === null ? "" : String(candidate.score));
  setAttr(root, "data-answer", candidate.answer ?? "");
  setAttr(root, "data-finish", candidate.finishReason ?? "");
  root.classList.toggle("is-best", ranked && rank === 1);
  root.classList.toggle("unranked", !ranked);
  setText(card.rank, `#${rank}`);
  setAttr(card.rank, "title", ranked ? `Rank ${rank}` : "Not ranked yet");
  setText(card.score, formatScore(candidate.score));
  updateAnswer(card, candidate);
  updateBadges(card.badges, candidate, status);
  card.buttons.insertAnswer.disabled = candidate.answer === null;
  card.buttons.copyLatex.disabled = candidate.answer === null;
  card.buttons.insertSolution.disabled = candidate.text.length === 0;
}

function updateAnswer(card: CandidateCard, candidate: CandidateState): void {
  if (card.renderedAnswer === candidate.answer) return;
  card.renderedAnswer = candidate.answer;
  if (candidate.answer === null) {
    card.answer.classList.add("empty");
    setText(card.answer, candidate.finishReason === null ? "…" : "none");
  } else {
    card.answer.classList.remove("empty");
    setRenderedHtml(card.answer, renderMath(candidate.answer, { displayMode: false }));
  }
}

/**
 * Re-renders the solution body. A streaming text is rendered chunk by chunk (see render/blocks.ts)
 * and only chunks whose source changed are replaced, normally just the last one; a finished text
 * is rendered whole, so its final HTML is exactly the Markdown of the whole solution.
 */
export function updateCandidateSolution(
  card: CandidateCard,
  text: string,
  options: { streaming: boolean },
): void {
  if (!options.streaming) {
    card.renderedChunks = [];
    setRenderedHtml(card.solution, renderMarkdown(text));
    return;
  }
  const chunks = splitMarkdownBlocks(text);
  const previous = card.renderedChunks;
  let same = 0;
  while (same < chunks.length && same < previous.length && chunks[same] === previous[same]) same++;
  const children = card.solution.children;
  if (children.length !== previous.length) {
    card.solution.replaceChildren(); // last render was whole-text: start over in chunks
    same = 0;
  }
  while (children.length > same) children[children.length - 1]!.remove();
  for (const chunk of chunks.slice(same)) {
    const wrapper = document.createElement("div");
    wrapper.className = "md-chunk";
    setRenderedHtml(wrapper, renderMarkdown(chunk));
    card.solution.append(wrapper);
  }
  card.renderedChunks = chunks;
}

/** Keeps followed solutions scrolled to their end; run after all writes of a frame (one layout). */
export function scrollToTail(card: CandidateCard): void {
  if (card.followTail) card.solution.scrollTop = card.solution.scrollHeight;
}
