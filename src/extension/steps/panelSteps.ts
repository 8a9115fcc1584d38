/**
 * A finished candidate's steps as the panel marks them (plain data for the contract), and the notes
 * that label each model signal for what it is. Pure: no `vscode`, no I/O.
 */
import type { CandidateSteps, PanelStep, StepSignalKind } from "../../contract/webviewMessages";
import type { StepCheck } from "../../core/steps/check";
import { lazy } from "../lazy";

/** Longer candidates get no step marks: the symbolic checks run in the extension host. */
export const MAX_CHECKED_CHARS = 24_000;
const EXCERPT_CHARS = 80;

export function candidateSteps(
  index: number,
  text: string,
  available: StepSignalKind[],
  checks: readonly StepCheck[] = text.length <= MAX_CHECKED_CHARS ? lazy().checkSteps(text) : [],
): CandidateSteps {
  const steps: PanelStep[] = checks.map((c) => ({
    line: c.step.line + 1,
    verdict: c.verdict,
    reason: c.reason,
    excerpt: excerpt(c.step.text),
  }));
  const first = steps.findIndex((s) => s.verdict === "refuted");
  return { index, textLength: text.length, steps, firstError: first < 0 ? null : first, available };
}

/** Marks that would all be grey, with no signal to ask for, say nothing: such a candidate gets no strip. */
export function worthShowing(steps: CandidateSteps): boolean {
  return steps.available.length > 0 || steps.steps.some((s) => s.verdict !== "unchecked");
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= EXCERPT_CHARS ? line : `${line.slice(0, EXCERPT_CHARS - 1)}…`;
}

export const SIGNAL_NOTES: Record<StepSignalKind, string> = {
  prm: "Process reward model: each step's probability of being correct.",
  prefix:
    "Prefix scores (a heuristic): the reward model's score of the first k steps as a partial solution, one batched request; a sharp drop marks a suspect step.",
};
