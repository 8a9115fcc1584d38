/**
 * One candidate solution: rank, answer, score, badges, actions and the rendered solution.
 * Metadata and the solution body update separately, because the body is the expensive part and
 * changes on every streamed delta while the metadata changes a handful of times per solve.
 */
import { candidateLabel } from "../../core/solve/candidateLabel";
import type { CandidateState, SolveStatus } from "../../core/solve/state";
import { el, setAttr, setDisabled, setText } from "./dom";
import { updateBadges } from "./badges";
import { showAnswerMath } from "./answerMath";
import { SolutionView, type SolutionLimits } from "./solutionView";
import { answerPlaceholder, formatScore } from "./text";
import type { Visibility } from "./visibility";

export interface CandidateCard {
  root: HTMLElement;
  rank: HTMLElement;
  score: HTMLElement;
  answer: HTMLElement;
  badges: HTMLElement;
  /** The scrolling box that holds the model's text (and nothing of the panel's own UI). */
  solution: HTMLElement;
  body: SolutionView;
  buttons: Record<"insertAnswer" | "insertSolution" | "copyLatex", HTMLButtonElement>;
  /** What `answer` last showed (LaTeX or placeholder), to skip re-rendering an unchanged one. */
  renderedAnswer: string | undefined;
  /** Whether the last text given to the body was still streaming (its final render keeps the tail in view). */
  streamed: boolean;
  /** Whether the solution box should stay scrolled to its end (the user has not scrolled up). */
  followTail: boolean;
  /** Where `scrollToTails` last scrolled the box (0 before). */
  tailScrollTop: number;
}

function actionButton(action: string, label: string, title: string, className = ""): HTMLButtonElement {
  return el("button", { className, text: label, attrs: { type: "button", "data-action": action, title } });
}

export interface CardServices {
  visibility: Visibility;
  /** A chunk of this card's solution scrolled into view and needs rendering. */
  onWork: (index: number) => void;
  limits?: SolutionLimits;
  /** Whether this card renders an ordinary-size solution even off screen. */
  mayBeEager: boolean;
}

export function createCandidateCard(index: number, services: CardServices): CandidateCard {
  const rank = el("span", { className: "rank" });
  const answer = el("span", { className: "answer" });
  const score = el("span", { className: "score", attrs: { title: "Reward score" } });
  const badges = el("span", { className: "badges" });
  const buttons = {
    insertAnswer: actionButton(
      "insert-answer",
      "Insert answer",
      "Insert the final answer after the problem (or at the cursor, if you moved it elsewhere)",
    ),
    insertSolution: actionButton(
      "insert-solution",
      "Insert solution",
      "Insert the whole solution after the problem (or at the cursor, if you moved it elsewhere)",
      "secondary",
    ),
    copyLatex: actionButton("copy-latex", "Copy LaTeX", "Copy the final answer's LaTeX", "secondary"),
  };
  const expand = el("button", {
    className: "link-button",
    text: "Expand",
    attrs: { type: "button", "data-action": "toggle-expand", "aria-expanded": "false" },
  });
  const solution = el("div", {
    className: "solution",
    attrs: { role: "region", "aria-label": `Model output, candidate ${index + 1}`, tabindex: "0" },
  });
  const root = el("article", { className: "candidate", attrs: { "data-index": String(index) } }, [
    el("div", { className: "candidate-head" }, [
      rank,
      el("span", { className: "answer-cell" }, [el("span", { className: "label", text: "Answer" }), answer]),
      el("span", { className: "score-cell" }, [el("span", { className: "label", text: "Score" }), score]),
      badges,
    ]),
    el("div", { className: "model-output-caption", text: "Model output", attrs: { "aria-hidden": "true" } }),
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
    body: new SolutionView(
      solution,
      services.visibility,
      () => services.onWork(index),
      services.limits,
      services.mayBeEager,
    ),
    buttons,
    renderedAnswer: undefined,
    streamed: false,
    followTail: true,
    tailScrollTop: 0,
  };
  solution.addEventListener("scroll", () => {
    // Only a scroll above where the panel put the box is the user's: the text below may have grown
    // since without any scroll of ours (a chunk laid out for real once it came on screen).
    const atEnd = solution.scrollHeight - solution.scrollTop - solution.clientHeight < 24;
    card.followTail = atEnd || solution.scrollTop >= card.tailScrollTop - 1;
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
  // The label is the candidate's number (the same in the answers table, the side panel and the CLI); the rank is its place.
  setText(card.rank, candidateLabel(candidate.index));
  const rankWords = ranked ? `rank ${rank}` : "not ranked yet";
  setAttr(card.rank, "title", `Candidate ${candidateLabel(candidate.index)}, ${rankWords}`);
  setAttr(card.rank, "aria-label", `Candidate ${candidate.index + 1}, ${rankWords}`);
  updateScore(card.score, candidate);
  updateAnswer(card, candidate, status);
  updateBadges(card.badges, candidate, status);
  setDisabled(card.buttons.insertAnswer, candidate.answer === null);
  setDisabled(card.buttons.copyLatex, candidate.answer === null);
  setDisabled(card.buttons.insertSolution, candidate.text.length === 0);
}

/**
 * The reward score; with no reward model but an engine that reports it (the embedded one), the
 * policy's own confidence, labelled as such so it is never read as a reward score.
 */
function updateScore(score: HTMLElement, candidate: CandidateState): void {
  const confidence = candidate.score === null ? candidate.meanLogprob : undefined;
  if (confidence !== undefined) {
    const text = confidence.toFixed(2);
    setText(score, `conf ${text}`);
    setAttr(score, "title", "Policy confidence: the model's mean token log-probability (not a reward score)");
    setAttr(score, "aria-label", `Policy confidence ${text}, mean token log-probability, not a reward score`);
    return;
  }
  setText(score, formatScore(candidate.score));
  setAttr(score, "title", "Reward score");
  setAttr(
    score,
    "aria-label",
    candidate.score === null ? "Not scored" : `Reward score ${formatScore(candidate.score)}`,
  );
}

function updateAnswer(card: CandidateCard, candidate: CandidateState, status: SolveStatus): void {
  const { answer } = candidate;
  const placeholder = answer === null ? answerPlaceholder(candidate, status) : "";
  const key = answer === null ? `placeholder:${placeholder}` : `answer:${answer}`;
  if (card.renderedAnswer === key) return;
  card.renderedAnswer = key;
  card.answer.classList.toggle("empty", answer === null);
  if (answer !== null) {
    showAnswerMath(card.answer, answer);
    return;
  }
  card.answer.removeAttribute("title");
  card.answer.classList.remove("answer-source");
  setText(card.answer, placeholder);
}

/**
 * Gives the body the latest text; the rendering itself happens in `SolutionView.renderSome`,
 * chunk by chunk, within the panel's frame budget.
 */
export function updateCandidateSolution(
  card: CandidateCard,
  text: string,
  options: { streaming: boolean },
): void {
  card.body.setText(text, !options.streaming);
  card.streamed = options.streaming;
}

/**
 * Keeps followed solutions scrolled to their end; run after all writes of a frame. Every height is
 * read before any scroll is written: reading after a write laid the page out again, once per card.
 */
export function scrollToTails(cards: readonly CandidateCard[]): void {
  const followed = cards.filter((card) => card.followTail);
  const ends = followed.map(({ solution }) => Math.max(0, solution.scrollHeight - solution.clientHeight));
  followed.forEach((card, i) => {
    card.solution.scrollTop = ends[i]!;
    card.tailScrollTop = ends[i]!;
  });
}
