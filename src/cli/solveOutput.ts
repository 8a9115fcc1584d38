/** How `acemath solve` prints a finished solve: a stable JSON shape, or a readable ranked summary. */
import { hasEnded, type FinishReason } from "../core/solve/events";
import { describeBackend } from "../core/solve/backendText";
import { candidateLabel } from "../core/solve/candidateLabel";
import { rankingMethodText } from "../core/solve/rankingText";
import type { SolveState } from "../core/solve/state";
import { terminalSafeJson, terminalSafeLine } from "../core/util/terminalSafe";

export interface SolveJson {
  problem: string;
  status: SolveState["status"];
  policy: SolveState["policy"];
  reward: SolveState["reward"];
  rankingMethod: SolveState["rankingMethod"];
  scoreKind: SolveState["scoreKind"];
  candidates: {
    index: number;
    rank: number;
    text: string;
    answer: string | null;
    score: number | null;
    /** The policy's mean token log-probability (embedded engine only): a confidence signal, not a reward score. */
    meanLogprob?: number;
    finishReason: string | null;
  }[];
  best: { index: number; answer: string | null } | null;
  groups: SolveState["groups"];
  warnings: string[];
  error: SolveState["error"];
}

export function formatSolveJson(state: SolveState): SolveJson {
  const ranked = rankedCandidates(state);
  const best = ranked[0];
  return {
    problem: state.problem,
    status: state.status,
    policy: state.policy,
    reward: state.reward,
    rankingMethod: state.rankingMethod,
    scoreKind: state.scoreKind,
    candidates: ranked.map((c, position) => ({
      index: c.index,
      rank: position + 1,
      text: c.text,
      answer: c.answer,
      score: c.score,
      ...(c.meanLogprob !== undefined ? { meanLogprob: c.meanLogprob } : {}),
      finishReason: c.finishReason,
    })),
    best: best ? { index: best.index, answer: best.answer } : null,
    groups: state.groups,
    warnings: state.warnings.map((w) => w.message),
    error: state.error,
  };
}

function rankedCandidates(state: SolveState) {
  const byIndex = new Map(state.candidates.map((c) => [c.index, c]));
  return state.order.map((i) => byIndex.get(i)).filter((c) => c !== undefined);
}

/**
 * The readable summary. Everything a server or a model wrote (answers, model ids, messages) goes
 * through `terminalSafeLine`: model output never controls the terminal, nor starts a line of its own.
 */
export function formatSolveSummary(state: SolveState): string {
  const safe = terminalSafeLine;
  const lines: string[] = [];
  if (state.policy)
    lines.push(
      `policy: ${safe(describeBackend(state.policy)) || "(model not resolved)"}${state.policy.simulated ? " (SIMULATED backend)" : ""}`,
    );
  const ranking = rankingMethodText(state);
  if (ranking) lines.push(safe(ranking));
  for (const warning of state.warnings) lines.push(`warning: ${safe(warning.message)}`);
  if (state.error)
    lines.push(
      `error: ${safe(state.error.message)}${state.error.hint ? `\n  start one with: ${safe(state.error.hint)}` : ""}`,
    );
  rankedCandidates(state).forEach((c, position) => {
    const score = c.score === null ? "     -" : c.score.toFixed(3).padStart(6);
    const flags = candidateFlags(c.finishReason, c.answer);
    const confidence =
      c.meanLogprob === undefined ? "" : `  policy confidence ${c.meanLogprob.toFixed(2)} (mean log-prob)`;
    lines.push(
      `${candidateLabel(c.index)}  rank ${position + 1}  score ${score}  answer ${c.answer === null ? "—" : safe(c.answer)}${confidence}${flags ? `  (${flags})` : ""}`,
    );
  });
  if (state.groups.length > 0) {
    lines.push("answers: " + state.groups.map((g) => `${safe(g.answer)} ×${g.members.length}`).join(", "));
  }
  lines.push(`status: ${state.status}`);
  return lines.join("\n") + "\n";
}

function candidateFlags(finishReason: FinishReason | null, answer: string | null): string {
  return [
    finishReason === "length" ? "truncated" : "",
    finishReason === "client-limit" ? "truncated by the client" : "",
    finishReason === "cancelled" ? "cancelled" : "",
    finishReason === "error" ? "stopped by an error" : "",
    hasEnded(finishReason) && answer === null ? "no \\boxed{}" : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/** `--json`: the text as the model wrote it, JSON-escaped (terminal controls included, as \uXXXX). */
export function printSolveJson(state: SolveState): string {
  return `${terminalSafeJson(formatSolveJson(state))}\n`;
}
