// TEST FIXTURE: the simulated backend's content (real solutions and reward scores) and problem matching.
import { join } from "node:path";
import { readJsonl } from "../support/jsonl";
import { roundLikeBf16Score, seededRandom } from "./random";
import type { SimDataset, SimProblem, SimSolution } from "./types";

const FIXTURE_FILE = join(__dirname, "../fixtures/sim/problems.jsonl");

/** Below this many normalised characters, a selection is too short to identify a problem by containment. */
const MIN_CONTAINED_LENGTH = 24;

interface FixtureSolution {
  text: string;
  answer?: string;
  correct: boolean;
  reward?: number;
  model?: string;
}

interface FixtureProblem extends Omit<SimProblem, "solutions"> {
  solutions: FixtureSolution[];
}

/**
 * GSM8K solutions come without reward scores. Synthesise one that usually but not always ranks correct
 * solutions first, like a real reward model: ±2 by correctness plus uniform noise in [-2.5, 2.5), seeded by
 * the problem id and the solution's position so it never changes between runs.
 */
export function synthesiseReward(problemId: string, solutionIndex: number, correct: boolean): number {
  const noise = (seededRandom("synthetic-reward", problemId, solutionIndex)() - 0.5) * 5;
  return roundLikeBf16Score((correct ? 2 : -2) + noise);
}

/**
 * A real reward model gives one text one score, but the recorded scores of identical solutions differ in the
 * last bf16 bits (batching noise). Every copy takes the first copy's score, so that what /classify serves
 * and what `lookupProblem` reports always agree.
 */
function toSimProblem(raw: FixtureProblem): SimProblem {
  const firstScoreOfText = new Map<string, number>();
  const solutions: SimSolution[] = raw.solutions.map((s, i) => {
    const recorded = typeof s.reward === "number";
    const ownScore = typeof s.reward === "number" ? s.reward : synthesiseReward(raw.id, i, s.correct);
    const reward = firstScoreOfText.get(s.text.trim()) ?? ownScore;
    firstScoreOfText.set(s.text.trim(), reward);
    return {
      text: s.text,
      ...(s.answer !== undefined ? { answer: s.answer } : {}),
      correct: s.correct,
      reward,
      rewardSource: recorded ? "recorded" : "synthetic",
    };
  });
  return { id: raw.id, source: raw.source, problem: raw.problem, goldAnswer: raw.goldAnswer, solutions };
}

/**
 * Equal for texts that differ only in whitespace, `$` delimiters, letter case or typographic quotes, so a
 * problem copied from a .tex file or a notebook still finds its record.
 */
export function normaliseProblemText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\$/g, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

let cachedDataset: SimDataset | undefined;

/** The fixture's 200 problems; read once per process. */
export function loadDataset(): SimDataset {
  if (cachedDataset) return cachedDataset;
  const problems = readJsonl<FixtureProblem>(FIXTURE_FILE).map(toSimProblem);
  const byNormalisedText = new Map(problems.map((p) => [normaliseProblemText(p.problem), p]));
  cachedDataset = { problems, byNormalisedText };
  return cachedDataset;
}

/**
 * The record for a problem text: an exact match after normalisation, else the longest recorded problem the
 * text contains (a selection with extra words around it), else the first recorded problem that contains the
 * text (a selection that is part of a problem, if it is long enough to be specific).
 */
export function lookupProblem(dataset: SimDataset, problemText: string): SimProblem | undefined {
  const wanted = normaliseProblemText(problemText);
  if (wanted === "") return undefined;
  const exact = dataset.byNormalisedText.get(wanted);
  if (exact) return exact;
  let best: { problem: SimProblem; length: number } | undefined;
  for (const [key, problem] of dataset.byNormalisedText) {
    if (key.length >= MIN_CONTAINED_LENGTH && wanted.includes(key) && key.length > (best?.length ?? 0)) {
      best = { problem, length: key.length };
    }
  }
  if (best) return best.problem;
  if (wanted.length < MIN_CONTAINED_LENGTH) return undefined;
  for (const [key, problem] of dataset.byNormalisedText) {
    if (key.includes(wanted)) return problem;
  }
  return undefined;
}
