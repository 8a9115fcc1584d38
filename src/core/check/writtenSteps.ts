/**
 * The step checks of a written solution, placed in the document: the solution's raw text (from where
 * it starts to the end of the answer's line, so a slip on the answer's own line counts) goes to the
 * step checker, and every step comes back with its offsets and its 0-based line in the whole document.
 * Shared by `acemath check --steps`, the editor's diagnostics and the step hover.
 */
import { checkSteps, type StepCheck } from "../steps/check";
import type { CheckTarget } from "./types";

/** Longest written solution read for steps: the locator already caps it; this bounds a stray caller. */
const MAX_STEPS_TEXT = 16_000;

export type StepVerdict = StepCheck["verdict"];

export interface WrittenStepCheck {
  /** 0-based line of the step's first line in the document. */
  line: number;
  /** The step's span in the document. */
  start: number;
  end: number;
  verdict: StepVerdict;
  reason: string;
  /** The relation that failed, as written (refuted steps). */
  link?: string;
  /** Where it fails, in words ("x = 2"), for refuted steps. */
  counterexample?: string;
}

/** The stretch of the document the steps are read from, or null when the answer has no written work. */
export function writtenSolutionSpan(
  text: string,
  target: CheckTarget,
): { start: number; end: number } | null {
  const start = workStart(text, target);
  const newline = text.indexOf("\n", target.answer.end);
  const end = newline < 0 ? text.length : newline;
  if (end <= start) return null;
  return { start: Math.max(start, end - MAX_STEPS_TEXT), end };
}

/** Checks one solution's text; a caller may put a cache in front of it (the editor re-checks on every edit). */
export type SolutionStepChecker = (solution: string, problem: string) => readonly StepCheck[];

/**
 * Where the written work starts. In Markdown and plain text a problem paragraph and its worked answer
 * often form one block with no solution region ("**Problem 1.** …", work, "Answer: …"): the
 * locator's solution is then empty, and the work is what follows the statement's first paragraph.
 */
function workStart(text: string, target: CheckTarget): number {
  const start = target.solutionStart ?? target.answer.start;
  const { problem, answer } = target;
  if (!problem || start < answer.start || problem.statementEnd < answer.start) return start;
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = problem.start;
  const paragraphEnd = blank.exec(text);
  return paragraphEnd && paragraphEnd.index < answer.start
    ? paragraphEnd.index + paragraphEnd[0].length
    : start;
}

/** Every step of the target's written solution, checked, in document coordinates. */
export function checkWrittenSteps(
  text: string,
  target: CheckTarget,
  check: SolutionStepChecker = (solution, problem) => checkSteps(solution, { problem }),
): WrittenStepCheck[] {
  const span = writtenSolutionSpan(text, target);
  if (!span) return [];
  const firstLine = lineOf(text, span.start);
  return check(text.slice(span.start, span.end), target.problemText).map((result) => ({
    line: firstLine + result.step.line,
    start: span.start + result.step.start,
    end: span.start + result.step.end,
    verdict: result.verdict,
    reason: result.reason,
    ...(result.link !== undefined ? { link: String(result.link) } : {}),
    ...(result.counterexample !== undefined
      ? { counterexample: describeCounterexample(result.counterexample) }
      : {}),
  }));
}

/** The first refuted step: where the solution first goes wrong. */
export function firstRefutedStep(checks: readonly WrittenStepCheck[]): WrittenStepCheck | null {
  return checks.find((c) => c.verdict === "refuted") ?? null;
}

/** 0-based line of `offset` in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

/** A counterexample as words: a string stays; a point `{x: 2, y: 1}` reads "x = 2, y = 1". */
function describeCounterexample(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([name, v]) => `${name} = ${typeof v === "number" ? String(v) : JSON.stringify(v)}`)
      .join(", ");
  return String(value);
}
