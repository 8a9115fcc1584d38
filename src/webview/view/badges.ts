/** A candidate's status badges: streaming, truncated, no boxed answer, cancelled, error. */
import type { CandidateState, SolveStatus } from "../../core/solve/state";
import { el } from "./dom";
import { hasNoAnswer, isStreaming, isTruncated } from "./text";

const BADGES: { className: string; text: string; title: string; applies: typeof isTruncated }[] = [
  {
    className: "badge-truncated",
    text: "truncated",
    title: "Stopped at the token limit",
    applies: isTruncated,
  },
  {
    className: "badge-client-limit",
    text: "truncated by the client",
    title:
      "Cut at the size limit (acemath.limits.candidateChars or solveChars): the text is partial and not scored",
    applies: (c) => c.finishReason === "client-limit",
  },
  {
    className: "badge-no-answer",
    text: "no boxed answer",
    title: "No \\boxed{} answer found",
    applies: hasNoAnswer,
  },
  {
    className: "badge-cancelled",
    text: "cancelled",
    title: "Stopped before it finished",
    applies: (c) => c.finishReason === "cancelled",
  },
  {
    className: "badge-error",
    text: "error",
    title: "The request failed",
    applies: (c) => c.finishReason === "error",
  },
];

export function updateBadges(container: HTMLElement, candidate: CandidateState, status: SolveStatus): void {
  const wanted = BADGES.filter((badge) => badge.applies(candidate));
  const streaming = isStreaming(candidate, status);
  const key = [streaming ? "streaming" : "", ...wanted.map((b) => b.className)].join(" ");
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  container.replaceChildren(
    ...(streaming
      ? [el("span", { className: "badge badge-streaming", text: "streaming", attrs: { role: "status" } })]
      : []),
    ...wanted.map((b) =>
      el("span", { className: `badge ${b.className}`, text: b.text, attrs: { title: b.title } }),
    ),
  );
}
