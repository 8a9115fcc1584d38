/**
 * The step checks of every written solution in a document, for the editor: where the squiggle goes
 * (the first refuted step of each solution), which step a hover is over, and what the hover says.
 * Pure (no `vscode`), so unit tests place diagnostics without an editor. Symbolic only and bounded:
 * at most `MAX_SOLUTIONS` solutions per document, each read up to the locator's cap, and results
 * cached by the solution's own text so an edit elsewhere re-checks nothing.
 */
import type { CheckTarget } from "../../core/check";
import type { HoverSegment } from "../../core/check/hoverText";
import type { SolutionStepChecker, WrittenStepCheck } from "../../core/check/writtenSteps";
import type { StepCheck } from "../../core/steps/check";
import { lazy } from "../lazy";

/** Solutions per document whose steps are checked (a problem set has tens; a book chapter is bounded). */
export const MAX_SOLUTIONS = 60;
const CACHE_LIMIT = 200;

export interface SolutionSteps {
  target: CheckTarget;
  checks: WrittenStepCheck[];
}

/** Step results by the problem and the solution's text (offsets relative to it), least recently used dropped first. */
export class StepCheckCache {
  private readonly entries = new Map<string, readonly StepCheck[]>();

  constructor(
    private readonly compute: SolutionStepChecker = (solution, problem) =>
      lazy().checkSteps(solution, { problem }),
    private readonly limit = CACHE_LIMIT,
  ) {}

  readonly check: SolutionStepChecker = (solution, problem) => {
    const key = `${problem}\u0000${solution}`;
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const result = this.compute(solution, problem);
    this.entries.set(key, result);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return result;
  };
}

/** The final answers' solutions (an intermediate box is part of the same work), checked step by step. */
export function documentStepChecks(
  text: string,
  targets: readonly CheckTarget[],
  check?: SolutionStepChecker,
): SolutionSteps[] {
  return targets
    .filter((t) => t.answer.final)
    .slice(0, MAX_SOLUTIONS)
    .map((target) => ({ target, checks: lazy().checkWrittenSteps(text, target, check) }));
}

export interface StepDiagnostic {
  /** The squiggled span in the document: the failing relation where it can be found, else the step's first line. */
  start: number;
  end: number;
  message: string;
}

/** One warning per solution, on its first refuted step: where the work first goes wrong. */
export function stepDiagnostics(text: string, solutions: readonly SolutionSteps[]): StepDiagnostic[] {
  return solutions.flatMap(({ checks }) => {
    const first = lazy().firstRefutedStep(checks);
    if (!first) return [];
    return [
      { ...squiggleSpan(text, first), message: `AceMath step check: refuted. ${describeCheck(first)}` },
    ];
  });
}

function squiggleSpan(text: string, check: WrittenStepCheck): { start: number; end: number } {
  const stepText = text.slice(check.start, check.end);
  const link = check.link?.trim();
  const at = link ? stepText.indexOf(link) : -1;
  if (link && at >= 0) return { start: check.start + at, end: check.start + at + link.length };
  const newline = stepText.indexOf("\n");
  return { start: check.start, end: newline < 0 ? check.end : check.start + newline };
}

/** The reason, with the counterexample when the reason does not already name it. */
export function describeCheck(check: WrittenStepCheck): string {
  const { reason, counterexample } = check;
  return counterexample && !reason.includes(counterexample) ? `${reason} (at ${counterexample})` : reason;
}

/** The checked step under `offset`, outside the answer itself (the answer has its own hover). */
export function stepAt(
  solutions: readonly SolutionSteps[],
  offset: number,
): { target: CheckTarget; check: WrittenStepCheck; position: number; count: number } | null {
  for (const { target, checks } of solutions) {
    if (target.answer.start <= offset && offset <= target.answer.end) return null;
    const position = checks.findIndex((c) => c.start <= offset && offset <= c.end);
    const check = checks[position];
    if (check) return { target, check, position, count: checks.length };
  }
  return null;
}

/** The final answers whose written work holds `offset` (cheap: nothing is checked). */
export function solutionsAround(
  text: string,
  targets: readonly CheckTarget[],
  offset: number,
): CheckTarget[] {
  return targets.filter((t) => {
    const span = t.answer.final ? lazy().writtenSolutionSpan(text, t) : null;
    return span !== null && span.start <= offset && offset <= span.end;
  });
}

const BADGE: Record<WrittenStepCheck["verdict"], string> = {
  verified: "$(pass) **verified**",
  refuted: "$(error) **refuted**",
  unchecked: "$(circle-slash) **unchecked**",
};

/** What the hover over a step says: our wording as Markdown, the reason (which quotes the user's text) as plain text. */
export function stepHoverSegments(
  found: { check: WrittenStepCheck; position: number; count: number },
  firstError: WrittenStepCheck | null,
): HoverSegment[] {
  const { check, position, count } = found;
  const segments: HoverSegment[] = [
    { markdown: `**AceMath step check** — step ${position + 1} of ${count}: ${BADGE[check.verdict]}` },
    { markdown: "\n\n" },
    { text: describeCheck(check) },
  ];
  if (firstError === check) segments.push({ markdown: "\n\n_The first error in this solution._" });
  else if (firstError && firstError.start < check.start)
    segments.push({
      markdown: `\n\n_The first error in this solution is earlier, on line ${firstError.line + 1}._`,
    });
  segments.push({ markdown: "\n\n_Symbolic check, no model: relations evaluated at sample points._" });
  return segments;
}
