/** Real candidates (test/fixtures/sidePanel) folded into solve states, as the pipeline would emit them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RankingMethod, SolveEvent } from "../../../src/core/solve/events";
import { groupByExactAnswer, rankCandidates } from "../../../src/core/solve/ranking";
import { applySolveEvent, emptySolveState, type SolveState } from "../../../src/core/solve/state";

export interface DisagreeProblem {
  idx: number;
  question: string;
  solutions: string[];
  answers: string[];
  scores: number[];
  correct: boolean[];
  gt: string;
}

export function loadProblem(idx: number): DisagreeProblem {
  const fixture = JSON.parse(
    readFileSync(join(__dirname, "../../fixtures/sidePanel/math_cot_disagree.json"), "utf8"),
  ) as { problems: DisagreeProblem[] };
  const problem = fixture.problems.find((p) => p.idx === idx);
  if (!problem) throw new Error(`no problem ${idx}`);
  return problem;
}

export async function solvedState(
  problem: DisagreeProblem,
  options: { method?: RankingMethod; scored?: boolean } = {},
): Promise<SolveState> {
  const scored = options.scored ?? true;
  const method = options.method ?? (scored ? "weighted-vote" : "majority");
  const ranking = await rankCandidates(
    problem.answers.map((answer, index) => ({
      index,
      answer,
      score: scored ? problem.scores[index]! : null,
    })),
    method,
    groupByExactAnswer,
    "raw",
  );
  const events: SolveEvent[] = [
    {
      type: "started",
      problem: problem.question,
      n: problem.solutions.length,
      policy: { url: "http://127.0.0.1:8000/v1", model: "AceMath-7B-Instruct", simulated: false },
      reward: scored ? { url: "http://127.0.0.1:8001", model: "AceMath-7B-RM", simulated: false } : null,
    },
    ...problem.solutions.map((text, index): SolveEvent => ({ type: "delta", index, text })),
    ...problem.answers.map((answer, index): SolveEvent => ({
      type: "finished",
      index,
      finishReason: "stop",
      answer,
    })),
    ...(scored
      ? problem.scores.map((score, index): SolveEvent => ({ type: "scored", index, score, scoreKind: "raw" }))
      : []),
    { type: "ranking", method, ...ranking },
    { type: "done", outcome: "complete" },
  ];
  return events.reduce(applySolveEvent, emptySolveState());
}
