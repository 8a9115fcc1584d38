/**
 * Blind-mode judgements: one JSON object per line, the format that "AceMath: Export Judgements"
 * writes and a reward-model trainer reads. Pure (no vscode, no I/O).
 *
 *   {"problem", "solutionA", "solutionB", "verdict": "A" | "B" | "tie" | "both-wrong",
 *    "answerA", "answerB", "scoreA", "scoreB", "candidateA", "candidateB",
 *    "rewardModel", "policyModel", "judgedAt"}
 *
 * `candidateA`/`candidateB` are the candidates' numbers as the panels show them (#1…#N, index + 1);
 * scores are the reward model's, hidden from the user while judging and kept for evaluation.
 */
import type { Verdict } from "../../contract/sidePanelMessages";
import type { SolveState } from "../../core/solve/state";

export interface JudgementRecord {
  problem: string;
  solutionA: string;
  solutionB: string;
  verdict: Verdict;
  answerA: string | null;
  answerB: string | null;
  scoreA: number | null;
  scoreB: number | null;
  candidateA: number;
  candidateB: number;
  rewardModel: string | null;
  policyModel: string | null;
  /** ISO 8601. */
  judgedAt: string;
}

/** The record for candidates `a` (shown as A) and `b` of `state`; null if either is unknown. */
export function judgementRecord(
  state: SolveState,
  pair: { a: number; b: number; verdict: Verdict },
  judgedAt: Date,
): JudgementRecord | null {
  const a = state.candidates.find((c) => c.index === pair.a);
  const b = state.candidates.find((c) => c.index === pair.b);
  if (!a || !b || a === b) return null;
  return {
    problem: state.problem,
    solutionA: a.text,
    solutionB: b.text,
    verdict: pair.verdict,
    answerA: a.answer,
    answerB: b.answer,
    scoreA: a.score,
    scoreB: b.score,
    candidateA: a.index + 1,
    candidateB: b.index + 1,
    rewardModel: state.reward?.model ?? null,
    policyModel: state.policy?.model ?? null,
    judgedAt: judgedAt.toISOString(),
  };
}

/** One line; JSON escapes every control character, so a solution never breaks a line. */
export function judgementLine(record: JudgementRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** Lines of a stored file that parse as records (a torn last line after a crash is skipped). */
export function parseJudgements(text: string): JudgementRecord[] {
  const records: JudgementRecord[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value = JSON.parse(line) as Partial<JudgementRecord>;
      if (typeof value.problem === "string" && typeof value.verdict === "string")
        records.push(value as JudgementRecord);
    } catch {
      // skipped: not a whole record
    }
  }
  return records;
}
