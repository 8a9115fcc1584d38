/**
 * The editor's step checks of written solutions, shared by the step diagnostics and the step hover:
 * one cache of results by solution text, so hovering after the diagnostics ran costs a lookup.
 */
import type * as vscode from "vscode";
import { checkSourceOf } from "../hover/documentSource";
import { lazy } from "../lazy";
import { documentStepChecks, solutionsAround, StepCheckCache, type SolutionSteps } from "./documentSteps";

export class EditorStepChecks {
  private readonly cache = new StepCheckCache();

  /** Every written solution of the document (the diagnostics). */
  async of(document: vscode.TextDocument): Promise<SolutionSteps[]> {
    const source = await checkSourceOf(document);
    return documentStepChecks(source.text, lazy().findCheckTargets(source), this.cache.check);
  }

  /** Only the solution(s) whose written work holds `offset` (a hover checks no other). */
  async around(document: vscode.TextDocument, offset: number): Promise<SolutionSteps[]> {
    const source = await checkSourceOf(document);
    const targets = solutionsAround(source.text, lazy().findCheckTargets(source), offset);
    return documentStepChecks(source.text, targets, this.cache.check);
  }
}
