/**
 * What the HTML report's per-problem browser shows of a problem: its text, the gold answer, and
 * every sample with its extracted answer, reward score and verdict. Model text stays plain text
 * here; the report escapes it.
 */
import type { EvalProblem } from "./datasets";
import type { GradedProblem, GradeProblemInput, SampleText } from "./grade";
import { isNoAnswer, type GradedSample } from "./metrics";

export interface BrowsedSample {
  text: string;
  answer: string | null;
  correct: boolean;
  reward: number | null;
  /** No extractable answer, or cut off (counted apart from wrong). */
  noAnswer: boolean;
}

export interface BrowsedProblem {
  id: string;
  problem: string;
  gold: string;
  samples: BrowsedSample[];
  greedy?: BrowsedSample;
}

export function browsedProblem(
  problem: Pick<EvalProblem, "id" | "problem" | "gold">,
  input: Pick<GradeProblemInput, "samples" | "greedy">,
  graded: GradedProblem,
): BrowsedProblem {
  const join = (text: SampleText, sample: GradedSample): BrowsedSample => ({
    text: text.text,
    answer: sample.answer,
    correct: sample.correct,
    reward: sample.reward,
    noAnswer: isNoAnswer(sample),
  });
  return {
    id: problem.id,
    problem: problem.problem,
    gold: problem.gold,
    samples: graded.samples.map((s, i) => join(input.samples[i]!, s)),
    ...(input.greedy && graded.greedy ? { greedy: join(input.greedy, graded.greedy) } : {}),
  };
}
