/**
 * The model layers of a verdict: whether the written answer is equivalent to the model's pick (the
 * reward model's best, or the majority without one) and to the majority answer of a finished
 * solve; and where the reward model's score of the user's own solution falls among the candidates'.
 */
import type { GradeResult, Verdict } from "../grading";
import type { SolveState } from "../solve/state";
import { pickedByWords } from "../solve/rankingText";
import type { ModelVerdict } from "./cache";
import type { Equivalence } from "./verify";

export interface ModelAnswer {
  answer: string;
  /** Equivalence of the written answer with this one, by the grading engine. */
  verdict: Verdict;
  reason: string;
}

export interface Agreement {
  /** The ranked best candidate's answer (the reward model's pick, or the majority's without one). */
  pick: ModelAnswer | null;
  majority: (ModelAnswer & { votes: number; total: number }) | null;
  /** "reward" or "majority": how the pick was chosen. */
  pickedBy: string;
  /** One line for people, e.g. "agrees with the model's pick (RM) and the majority (5 of 8)". */
  summary: string;
}

export async function agreementWith(
  state: SolveState,
  written: string,
  equivalence: Equivalence,
): Promise<Agreement> {
  const answered = state.candidates.filter((c) => c.answer !== null);
  const best = state.order
    .map((i) => state.candidates.find((c) => c.index === i))
    .find((c) => c?.answer !== null && c?.answer !== undefined);
  const largest = [...state.groups].sort((a, b) => b.members.length - a.members.length)[0];
  const compare = async (answer: string): Promise<ModelAnswer> => {
    const result: GradeResult = await equivalence.isEquivalent(answer, written);
    return { answer, verdict: result.verdict, reason: result.reason };
  };
  const pick = best?.answer ? await compare(best.answer) : null;
  const majority = largest
    ? { ...(await compare(largest.answer)), votes: largest.members.length, total: answered.length }
    : null;
  const pickedBy = pickedByWords(state.rankingMethod);
  // Whenever the product talks to the test simulator, it says so (ARCHITECTURE invariants).
  const simulated = state.policy?.simulated ? " (simulated backend)" : "";
  return { pick, majority, pickedBy, summary: summarize(pick, majority, pickedBy) + simulated };
}

function summarize(pick: ModelAnswer | null, majority: Agreement["majority"], pickedBy: string): string {
  if (!pick && !majority) return "the model gave no final answer to compare with";
  const word = (v: Verdict) =>
    v === "equal" ? "agrees with" : v === "not-equal" ? "differs from" : "cannot be compared with";
  const parts: string[] = [];
  if (pick) parts.push(`${word(pick.verdict)} the model's pick (${pickedBy}: ${pick.answer})`);
  if (majority)
    parts.push(
      `${word(majority.verdict)} the majority answer (${majority.answer}, ${majority.votes} of ${majority.total})`,
    );
  return parts.join("; ");
}

/** Where `score` falls among the candidates' reward scores, e.g. "higher than 5 of 8 model candidates". */
export function scoreContext(score: number, state: SolveState): string {
  const scores = state.candidates.map((c) => c.score).filter((s): s is number => s !== null);
  if (scores.length === 0) return "no model candidates scored to compare with";
  const below = scores.filter((s) => s < score).length;
  return `higher than ${below} of ${scores.length} model candidates`;
}

/** The hover's and the cache's form of an agreement. */
export function modelVerdictOf(agreement: Agreement, reward?: string): ModelVerdict {
  return {
    summary: `your answer ${agreement.summary}`,
    pickAgrees: agreement.pick ? agreement.pick.verdict === "equal" : null,
    majorityAgrees: agreement.majority ? agreement.majority.verdict === "equal" : null,
    ...(agreement.pick ? { pick: agreement.pick.answer } : {}),
    ...(reward ? { reward } : {}),
  };
}
