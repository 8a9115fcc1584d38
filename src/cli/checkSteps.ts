/**
 * `acemath check --steps`: the step checks of each written solution, with lines 1-based in the FILE.
 * Symbolic only (no model). In a notebook the steps are checked in the cell's text and their lines
 * found in the `.ipynb` file, where each source line is stored JSON-escaped on a line of its own.
 */
import type { ProcessRewardBackend } from "../core/backend/ports";
import type { CheckTarget } from "../core/check";
import { checkWrittenSteps, firstRefutedStep, type WrittenStepCheck } from "../core/check/writtenSteps";

export interface StepRecord {
  line: number;
  verdict: WrittenStepCheck["verdict"];
  reason: string;
  /** With --prm-url: the process reward model's probability that the step is correct. */
  prm?: number;
}

export interface StepFields {
  steps: StepRecord[];
  /** The first refuted step, or null when none is refuted. */
  firstError: { line: number; reason: string } | null;
  /** With --prm-url, when the PRM could not score the steps: why. */
  prmError?: string;
}

/** The fields, and each step's own text (what a process reward model is given). */
export interface CheckedSteps {
  fields: StepFields;
  texts: string[];
}

/** For a `.tex`, `.md` or text file: `text` is the whole file. */
export function stepFields(text: string, target: CheckTarget): CheckedSteps {
  const checks = checkWrittenSteps(text, target);
  return {
    fields: fieldsOf(checks, (check) => check.line + 1),
    texts: checks.map((c) => text.slice(c.start, c.end)),
  };
}

/**
 * For a notebook: `cellText` is the cell's source, `rawLines` the `.ipynb` file's lines and
 * `answerLine` the 1-based file line of the answer. Steps come before the answer, so each is looked
 * for upwards from the one after it.
 */
export function notebookStepFields(
  cellText: string,
  target: CheckTarget,
  rawLines: readonly string[],
  answerLine: number,
): CheckedSteps {
  const checks = checkWrittenSteps(cellText, target);
  const cellLines = cellText.split("\n");
  const fileLines = new Map<WrittenStepCheck, number>();
  let below = answerLine;
  for (const check of [...checks].reverse()) {
    const needle = JSON.stringify(cellLines[check.line] ?? "").slice(1, -1);
    let index = below - 1;
    while (index >= 0 && !(rawLines[index] ?? "").includes(needle)) index--;
    if (index >= 0) below = index + 1;
    fileLines.set(check, index >= 0 ? index + 1 : answerLine);
  }
  return {
    fields: fieldsOf(checks, (check) => fileLines.get(check) ?? answerLine),
    texts: checks.map((c) => cellText.slice(c.start, c.end)),
  };
}

/** Adds the PRM's probability to each step, or says why there is none (the symbolic fields stay). */
export async function addPrmProbabilities(
  fields: StepFields,
  texts: readonly string[],
  problem: string,
  prm: ProcessRewardBackend,
  signal: AbortSignal,
): Promise<void> {
  if (texts.length === 0 || problem === "") return;
  try {
    const probabilities = await prm.scoreSteps(problem, texts, signal);
    fields.steps.forEach((step, k) => {
      const p = probabilities[k];
      if (p !== undefined) step.prm = p;
    });
  } catch (error) {
    fields.prmError = `the process reward model could not score the steps: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function fieldsOf(checks: readonly WrittenStepCheck[], lineOf: (c: WrittenStepCheck) => number): StepFields {
  const first = firstRefutedStep(checks);
  return {
    steps: checks.map((c) => ({ line: lineOf(c), verdict: c.verdict, reason: c.reason })),
    firstError: first ? { line: lineOf(first), reason: first.reason } : null,
  };
}
