/** The cell status bar item of an answer cell: its answer, score and agreement; a click opens the panel. */
import vscode = require("vscode");
import { readCellMetadata } from "./cellMetadata";
import { cellStatusText } from "./cellStatusText";

export const SHOW_CELL_RESULT = "acemath.notebook.showCellResult";

export class AnswerCellStatusBar implements vscode.NotebookCellStatusBarItemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCellStatusBarItems = this.changed.event;
  /** VS Code asks again when a cell changes; a metadata-only change (an insert's undo/redo) is said here. */
  private readonly listener = vscode.workspace.onDidChangeNotebookDocument((event) => {
    if (event.cellChanges.some((c) => c.metadata) || event.contentChanges.length > 0) this.changed.fire();
  });

  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    const metadata = readCellMetadata(cell.metadata);
    if (!metadata) return [];
    const text = cellStatusText(metadata);
    const item = new vscode.NotebookCellStatusBarItem(text.label, vscode.NotebookCellStatusBarAlignment.Left);
    item.tooltip = text.tooltip;
    item.accessibilityInformation = { label: text.tooltip };
    item.command = {
      title: "Show the candidates",
      command: SHOW_CELL_RESULT,
      arguments: [cell.notebook.uri.toString(), cell.index],
    };
    return [item];
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
