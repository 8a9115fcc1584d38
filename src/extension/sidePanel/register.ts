/**
 * Wires the side panel: the view provider, what it follows (editor, selection, notebook cell, the
 * latest solve, the history, the ranking setting) and its two commands.
 */
import vscode = require("vscode");
import { log } from "../log";
import { showInfo, showInternalError } from "../notifications";
import type { SolveController } from "../solve/solveController";
import type { SideHistory } from "./historyPort";
import { judgementLine } from "./judgementRecord";
import { JudgementStore } from "./judgementStore";
import { SidePanelProvider } from "./sidePanelProvider";

export function registerSidePanel(
  context: vscode.ExtensionContext,
  controller: SolveController,
  history: SideHistory,
): SidePanelProvider {
  const judgements = JudgementStore.forContext(context);
  const provider = new SidePanelProvider(context.extensionUri, controller, history, judgements);
  const refresh = () => provider.scheduleRefresh();
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(SidePanelProvider.viewType, provider, {
      // Hidden views are torn down; the page restores itself from setState and the extension's answer to "ready".
      webviewOptions: { retainContextWhenHidden: false },
    }),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.window.onDidChangeTextEditorSelection(refresh),
    vscode.window.onDidChangeActiveNotebookEditor(refresh),
    vscode.window.onDidChangeNotebookEditorSelection(refresh),
    controller.onDidChangeLatest(refresh),
    history.onDidChange(() => provider.historyChanged()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("acemath.ranking.policy")) refresh();
    }),
    command("acemath.showSidePanel", () =>
      vscode.commands.executeCommand(`${SidePanelProvider.viewType}.focus`),
    ),
    command("acemath.exportJudgements", (target?: unknown) => exportJudgements(judgements, target)),
  );
  return provider;
}

function command(id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: never[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      await showInternalError(`Command ${id} failed`, error);
      return undefined;
    }
  });
}

/** Writes every stored judgement as JSONL to `target` (a Uri, for tests) or a file the user picks. */
async function exportJudgements(store: JudgementStore, target?: unknown): Promise<vscode.Uri | undefined> {
  const records = await store.all();
  if (records.length === 0) {
    showInfo("No judgements yet: judge pairs in the side panel's Blind tab first.");
    return undefined;
  }
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: "Export AceMath judgements",
          saveLabel: "Export",
          filters: { "JSON Lines": ["jsonl"] },
          defaultUri: vscode.workspace.workspaceFolders?.[0]
            ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, "acemath-judgements.jsonl")
            : undefined,
        });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(records.map(judgementLine).join("")));
  log().info(`Exported ${records.length} judgements to ${uri.toString()}`);
  showInfo(`Exported ${records.length} judgements to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}
