/** Event streams for the view tests, built from real model solutions (test/fixtures/webview). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BackendInfo, SolveEvent } from "../../../src/core/solve/events";

export interface SampleProblem {
  idx: number;
  question: string;
  solutions: string[];
  answers: string[];
  scores: number[];
}

export function loadSample(idx: number): SampleProblem {
  const fixture = JSON.parse(
    readFileSync(join(__dirname, "../../fixtures/webview/math_cot_samples.json"), "utf8"),
  ) as { problems: SampleProblem[] };
  const problem = fixture.problems.find((p) => p.idx === idx);
  if (!problem) throw new Error(`no sample ${idx}`);
  return problem;
}

export const POLICY: BackendInfo = {
  url: "http://127.0.0.1:8000/v1",
  model: "AceMath-7B-Instruct",
  simulated: false,
};
export const REWARD: BackendInfo = {
  url: "http://127.0.0.1:8001/v1",
  model: "AceMath-7B-RM",
  simulated: false,
};

export function started(
  problem: SampleProblem,
  reward: BackendInfo | null = REWARD,
  simulated = false,
): SolveEvent {
  return {
    type: "started",
    problem: problem.question,
    n: problem.solutions.length,
    policy: { ...POLICY, simulated },
    reward,
  };
}

/** Each solution split into `chunks` deltas, interleaved across candidates like a real stream. */
export function deltas(problem: SampleProblem, chunks = 4): SolveEvent[] {
  const events: SolveEvent[] = [];
  for (let c = 0; c < chunks; c++) {
    problem.solutions.forEach((text, index) => {
      const size = Math.ceil(text.length / chunks);
      const piece = text.slice(c * size, (c + 1) * size);
      if (piece) events.push({ type: "delta", index, text: piece });
    });
  }
  return events;
}

export function finishedAll(problem: SampleProblem): SolveEvent[] {
  return problem.answers.map((answer, index) => ({ type: "finished", index, finishReason: "stop", answer }));
}

export function scoredAll(problem: SampleProblem): SolveEvent[] {
  return problem.scores.map((score, index) => ({ type: "scored", index, score, scoreKind: "raw" }));
}

/** Ranking by score (best first) and groups by identical answer, as the pipeline would send. */
export function rankingByScore(problem: SampleProblem): SolveEvent {
  const order = problem.scores.map((_, i) => i).sort((a, b) => problem.scores[b]! - problem.scores[a]!);
  const byAnswer = new Map<string, number[]>();
  problem.answers.forEach((answer, i) => byAnswer.set(answer, [...(byAnswer.get(answer) ?? []), i]));
  const groups = [...byAnswer].map(([answer, members]) => ({
    answer,
    members,
    bestScore: Math.max(...members.map((i) => problem.scores[i]!)),
  }));
  groups.sort((a, b) => b.members.length - a.members.length);
  return { type: "ranking", method: "reward", order, groups };
}

export function completeSolve(problem: SampleProblem): SolveEvent[] {
  return [
    started(problem),
    ...deltas(problem),
    ...finishedAll(problem),
    ...scoredAll(problem),
    rankingByScore(problem),
    { type: "done", outcome: "complete" },
  ];
}
