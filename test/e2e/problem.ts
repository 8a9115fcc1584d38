// The fixture problem the end-to-end tests solve, and what the simulated backend will answer for it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDataset, lookupProblem, type SimProblem } from "../sim/server";
import { FIXTURE_WORKSPACE } from "./paths";

export const PROBLEM_FILE = "problem.tex";

/** The problem text: the one line inside \begin{problem}…\end{problem} of the fixture. */
export function fixtureProblemText(): string {
  const lines = readFileSync(join(FIXTURE_WORKSPACE, PROBLEM_FILE), "utf8").split("\n");
  const text = lines[lines.indexOf("\\begin{problem}") + 1];
  if (!text) throw new Error(`${PROBLEM_FILE} has no line after \\begin{problem}`);
  return text;
}

/** 1-based line of the problem text in a copy of the fixture that the extension may have edited since. */
export function problemLine(workspaceDir: string): number {
  const lines = readFileSync(join(workspaceDir, PROBLEM_FILE), "utf8").split("\n");
  const index = lines.findIndex((line) => line.startsWith(fixtureProblemText()));
  if (index < 0) throw new Error(`the problem text is no longer in ${PROBLEM_FILE}`);
  return index + 1;
}

/** The simulator's record for the fixture problem: its real recorded solutions and reward scores. */
export function fixtureRecord(): SimProblem {
  const record = lookupProblem(loadDataset(), fixtureProblemText());
  if (!record) throw new Error("the fixture problem is not in the simulator's dataset (test/fixtures/sim)");
  return record;
}

/** The recorded answer of the solution the simulated reward model scores highest (ties: the first). */
export function answerOfBestRewardedSolution(record: SimProblem): string {
  const best = record.solutions.reduce((top, s) => (s.reward > top.reward ? s : top));
  if (best.answer === undefined)
    throw new Error(`${record.id}: the best-rewarded solution has no recorded answer`);
  return best.answer;
}

export { canonicalAnswer } from "./answers";
