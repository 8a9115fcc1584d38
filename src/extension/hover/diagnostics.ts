/**
 * Optional (setting `acemath.check.diagnostics`): a refuted written final answer gets a warning
 * squiggle with the symbolic verdict. Its quick fixes run "Check Answer" or, once a check has a
 * model pick, replace the answer with it (cleaned as an inserted answer is). Symbolic only: no
 * backend request is made for a diagnostic. Debounced per document, and stale runs are dropped.
 */
import vscode = require("vscode");
import type { CheckTarget } from "../../core/check";
import { answerLatexForClipboard } from "../../core/insertion";
import { lazy } from "../lazy";
import type { AnswerChecker } from "./answerChecker";
import { CHECK_COMMAND, CHECKED_DOCUMENTS } from "./answerHover";
import { checkSourceOf } from "./documentSource";
import { DebouncedDiagnostics, type IsStale } from "./debouncedDiagnostics";

const SOURCE = "AceMath";

interface Checked {
  target: CheckTarget;
  diagnostic: vscode.Diagnostic;
}

export class AnswerDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  private readonly checked = new Map<string, Checked[]>();
  private readonly diagnostics: DebouncedDiagnostics;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly checker: AnswerChecker) {
    this.diagnostics = new DebouncedDiagnostics("acemath-check", {
      diagnose: (document, isStale) => this.diagnose(document, isStale),
      forget: (key) => (key === undefined ? this.checked.clear() : this.checked.delete(key)),
    });
    this.subscriptions.push(
      this.diagnostics,
      checker.onDidCheck((uri) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) this.diagnostics.schedule(document);
      }),
      vscode.languages.registerCodeActionsProvider(CHECKED_DOCUMENTS, this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
    );
  }

  private async diagnose(
    document: vscode.TextDocument,
    isStale: IsStale,
  ): Promise<vscode.Diagnostic[] | undefined> {
    const targets = lazy()
      .findCheckTargets(await checkSourceOf(document))
      .filter((t) => t.answer.final);
    const checked: Checked[] = [];
    for (const target of targets) {
      const symbolic = await this.checker.symbolic(target);
      if (isStale()) return undefined; // a newer edit took over
      if (symbolic.verdict !== "refuted") continue;
      const range = new vscode.Range(
        document.positionAt(target.answer.start),
        document.positionAt(target.answer.end),
      );
      const diagnostic = new vscode.Diagnostic(
        range,
        `AceMath check: refuted. ${symbolic.reason}`,
        vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = SOURCE;
      diagnostic.code = "refuted";
      checked.push({ target, diagnostic });
    }
    this.checked.set(document.uri.toString(), checked);
    return checked.map((c) => c.diagnostic);
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const found = (this.checked.get(document.uri.toString()) ?? []).filter((c) =>
      c.diagnostic.range.intersection(range),
    );
    return found.flatMap(({ target, diagnostic }) => {
      const check = new vscode.CodeAction(
        "AceMath: check this answer with the model",
        vscode.CodeActionKind.QuickFix,
      );
      check.command = {
        command: CHECK_COMMAND,
        title: "Check Answer",
        arguments: [{ uri: document.uri.toString(), offset: target.answer.start }],
      };
      check.diagnostics = [diagnostic];
      const pick = this.checker.cached(target)?.model?.pick;
      const replace =
        pick && target.answer.kind === "boxed" ? this.replaceWith(document, target, pick, diagnostic) : null;
      return replace ? [replace, check] : [check];
    });
  }

  /** Replaces the box's content; model output is cleaned as an inserted answer is. */
  private replaceWith(
    document: vscode.TextDocument,
    target: CheckTarget,
    pick: string,
    diagnostic: vscode.Diagnostic,
  ): vscode.CodeAction {
    const latex = answerLatexForClipboard(pick).text;
    const open = document.getText().indexOf("{", target.answer.start);
    const inner = new vscode.Range(document.positionAt(open + 1), document.positionAt(target.answer.end - 1));
    const action = new vscode.CodeAction(
      `AceMath: replace with the model's pick ${latex}`,
      vscode.CodeActionKind.QuickFix,
    );
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, inner, latex);
    action.diagnostics = [diagnostic];
    return action;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
