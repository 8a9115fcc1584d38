/**
 * The one engine behind the editor's symbolic squiggles (refuted answers, refuted steps): on while
 * `acemath.check.diagnostics` is, for the checked languages only, debounced per document, a stale
 * run dropped, and a failed run logged (it runs fire-and-forget after the debounce).
 */
import vscode = require("vscode");
import { log } from "../log";
import { CHECKED_DOCUMENTS } from "./answerHover";

export const DIAGNOSTICS_SETTING = "check.diagnostics";
const DEBOUNCE_MS = 800;

/** True once a newer run for the same document began, or the document closed. */
export type IsStale = () => boolean;

export interface DiagnosticSource {
  /** The document's diagnostics, or `undefined` when the run went stale (then nothing is set). */
  diagnose(document: vscode.TextDocument, isStale: IsStale): Promise<vscode.Diagnostic[] | undefined>;
  /** Drops what the source kept for one document (its uri string), or for every document. */
  forget?(key?: string): void;
}

export class DebouncedDiagnostics implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    name: string,
    private readonly source: DiagnosticSource,
  ) {
    this.collection = vscode.languages.createDiagnosticCollection(name);
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`acemath.${DIAGNOSTICS_SETTING}`)) this.refreshAll();
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
      this.source.forget?.();
      return;
    }
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  /** Re-checks one document after the debounce (edits, or a source that learned something new). */
  schedule(document: vscode.TextDocument): void {
    if (!this.enabled() || vscode.languages.match(CHECKED_DOCUMENTS, document) === 0) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      // Fire-and-forget after the debounce; a failed check (worker gone, document unreadable) is logged.
      setTimeout(
        () => void this.update(document).catch((error: unknown) => log().warn(String(error))),
        DEBOUNCE_MS,
      ),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const run = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, run);
    const isStale = () => this.generation.get(key) !== run || document.isClosed;
    const diagnostics = await this.source.diagnose(document, isStale);
    if (diagnostics) this.collection.set(document.uri, diagnostics);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.source.forget?.(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
