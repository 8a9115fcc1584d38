/**
 * A warning squiggle on the first refuted step of each written solution, with the failing relation
 * and the counterexample. On with the answer diagnostics (`acemath.check.diagnostics`): symbolic
 * only, never a backend request, debounced per document, and a stale run is dropped.
 */
import vscode = require("vscode");
import { DebouncedDiagnostics, type IsStale } from "../hover/debouncedDiagnostics";
import { stepDiagnostics } from "./documentSteps";
import type { EditorStepChecks } from "./stepChecks";

export class StepDiagnostics implements vscode.Disposable {
  private readonly diagnostics: DebouncedDiagnostics;

  constructor(private readonly checks: EditorStepChecks) {
    this.diagnostics = new DebouncedDiagnostics("acemath-steps", {
      diagnose: (document, isStale) => this.diagnose(document, isStale),
    });
  }

  private async diagnose(
    document: vscode.TextDocument,
    isStale: IsStale,
  ): Promise<vscode.Diagnostic[] | undefined> {
    const version = document.version;
    const solutions = await this.checks.of(document);
    if (isStale() || document.version !== version) return undefined;
    return stepDiagnostics(document.getText(), solutions).map((found) => {
      const range = new vscode.Range(document.positionAt(found.start), document.positionAt(found.end));
      const diagnostic = new vscode.Diagnostic(range, found.message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = "AceMath";
      diagnostic.code = "refuted-step";
      return diagnostic;
    });
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
