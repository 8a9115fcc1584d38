/**
 * Optional (setting `acemath.check.diagnostics`): a refuted written final answer gets a warning
 * squiggle with the symbolic verdict. Its quick fixes run "Check Answer" or, once a check has a
 * model pick, replace the answer with it (cleaned as an inserted answer is). Symbolic only: no
 * backend request is made for a diagnostic. Debounced per document, and stale runs are dropped.
 */
import * as vscode from "vscode";
import { findCheckTargets, type CheckTarget } from "../../core/check";
import { answerLatexForClipboard } from "../../core/insertion";
import type { AnswerChecker } from "./answerChecker";
import { CHECK_COMMAND, CHECKED_DOCUMENTS } from "./answerHover";
import { checkSourceOf } from "./documentSource";

export const DIAGNOSTICS_SETTING = "check.diagnostics";
const DEBOUNCE_MS = 800;
const SOURCE = "AceMath";

interface Checked {
  target: CheckTarget;
  diagnostic: vscode.Diagnostic;
}

export class AnswerDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  private readonly collection = vscode.languages.createDiagnosticCollection("acemath-check");
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly checked = new Map<string, Checked[]>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly checker: AnswerChecker) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`acemath.${DIAGNOSTICS_SETTING}`)) this.refreshAll();
      }),
      checker.onDidCheck((uri) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) this.schedule(document);
      }),
      vscode.languages.registerCodeActionsProvider(CHECKED_DOCUMENTS, this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
    );
    this.refreshAll();
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration("acemath").get<boolean>(DIAGNOSTICS_SETTING, false);
  }

  private refreshAll(): void {
    if (!this.enabled()) {
      this.collection.clear();
      this.checked.clear();
      return;
    }
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!this.enabled() || vscode.languages.match(CHECKED_DOCUMENTS, document) === 0) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.update(document), DEBOUNCE_MS),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const run = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, run);
    const targets = findCheckTargets(await checkSourceOf(document)).filter((t) => t.answer.final);
    const checked: Checked[] = [];
    for (const target of targets) {
      const symbolic = await this.checker.symbolic(target);
      if (this.generation.get(key) !== run || document.isClosed) return; // a newer edit took over
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
    this.checked.set(key, checked);
    this.collection.set(
      document.uri,
      checked.map((c) => c.diagnostic),
    );
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

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.checked.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
