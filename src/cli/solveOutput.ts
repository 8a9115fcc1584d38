/** How `acemath solve` prints a finished solve: a stable JSON shape, or a readable ranked summary. */
import type { SolveState } from "../core/solve/state";

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

export function formatSolveSummary(state: SolveState): string {
  const lines: string[] = [];
  if (state.policy)
    lines.push(
      `policy: ${state.policy.model || "(model not resolved)"} at ${state.policy.url}${state.policy.simulated ? " (SIMULATED backend)" : ""}`,
    );
  lines.push(
    state.reward && state.rankingMethod === "reward"
      ? `ranked by reward model ${state.reward.model} (${state.scoreKind ?? "raw"} scores)`
      : "no reward model was used: ranked by majority vote over final answers",
  );
  for (const warning of state.warnings) lines.push(`warning: ${warning.message}`);
  if (state.error)
    lines.push(
      `error: ${state.error.message}${state.error.hint ? `\n  start one with: ${state.error.hint}` : ""}`,
    );
  rankedCandidates(state).forEach((c, position) => {
    const score = c.score === null ? "     -" : c.score.toFixed(3).padStart(6);
    const flags = [
      c.finishReason === "length" ? "truncated" : "",
      c.finishReason && c.answer === null ? "no \\boxed{}" : "",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(
      `#${position + 1}  candidate ${c.index}  score ${score}  answer ${c.answer ?? "—"}${flags ? `  (${flags})` : ""}`,
    );
  });
  if (state.groups.length > 0) {
    lines.push("answers: " + state.groups.map((g) => `${g.answer} ×${g.members.length}`).join(", "));
  }
  lines.push(`status: ${state.status}`);
  return lines.join("\n") + "\n";
}
