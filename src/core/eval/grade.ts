/**
 * Turns sample texts into graded samples with the grading engine's public API: the answer is
 * extracted, judged against the gold, and the problem's answers are clustered by mathematical
 * equivalence (so maj@k groups `\frac12` with `0.5`, which string voting would not).
 */
import { extractAnswer, type Grader } from "../grading";
import type { GradedSample, ProblemSamples } from "./metrics";

export interface SampleText {
  text: string;
  reward: number | null;
  truncated?: boolean;
}

export interface GradeProblemInput {
  gold: string;
  multipleChoice: boolean;
  samples: SampleText[];
  greedy?: SampleText;
}

/** Verdicts the engine could not decide are counted as wrong, and counted apart so a report can say so. */
export interface GradedProblem extends ProblemSamples {
  undecided: number;
}

export async function gradeProblem(input: GradeProblemInput, grader: Grader): Promise<GradedProblem> {
  let undecided = 0;
  const judge = async (sample: SampleText): Promise<GradedSample> => {
    const answer = extractAnswer(sample.text, { multipleChoice: input.multipleChoice })?.answer ?? null;
    let correct = false;
    if (answer !== null) {
      const verdict = (await grader.isEquivalent(input.gold, answer)).verdict;
      if (verdict === "unknown") undecided++;
      correct = verdict === "equal";
    }
    return { answer, correct, classId: null, reward: sample.reward, truncated: sample.truncated };
  };
  const samples: GradedSample[] = [];
  for (const sample of input.samples) samples.push(await judge(sample));
  const greedy = input.greedy ? await judge(input.greedy) : undefined;
  await assignClasses(samples, grader);
  return { samples, greedy, undecided };
}

async function assignClasses(samples: GradedSample[], grader: Grader): Promise<void> {
  const answered = samples.filter((s) => s.answer !== null);
  const classes = await grader.clusterAnswers(answered.map((s) => s.answer!));
  classes.forEach((members, classId) => {
    for (const m of members) answered[m]!.classId = classId;
  });
}
