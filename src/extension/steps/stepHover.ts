/**
 * The hover over a step of a written solution: its symbolic verdict, and where the first error is.
 * Symbolic only (no backend request); the answer itself keeps its own hover.
 */
import vscode = require("vscode");
import { segmentHover } from "../hover/segmentHover";
import { lazy } from "../lazy";
import { stepAt, stepHoverSegments } from "./documentSteps";
import type { EditorStepChecks } from "./stepChecks";

export class StepHoverProvider implements vscode.HoverProvider {
  constructor(private readonly checks: EditorStepChecks) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const solutions = await this.checks.around(document, document.offsetAt(position));
    if (token.isCancellationRequested) return undefined;
    const found = stepAt(solutions, document.offsetAt(position));
    if (!found) return undefined;
    const solution = solutions.find((s) => s.target === found.target);
    const segments = stepHoverSegments(found, lazy().firstRefutedStep(solution?.checks ?? []));
    // No command may run from this hover.
    return segmentHover(document, found.check, segments, false);
  }
}
