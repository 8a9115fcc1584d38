/**
 * Notebook support (issue #9): answer cells show their result in the cell status bar, reopening a
 * notebook brings their candidates back into the history, and the status item opens them in the panel.
 * "Solve Cell" (the cell toolbar, or the palette for the selected cell) runs `acemath.solve` on the cell.
 */
import vscode = require("vscode");
import { sameProblem } from "../sidePanel/historyPort";
import type { SolveHistory } from "../history/solveHistory";
import { showInfo, showWarning } from "../notifications";
import { selectedCellOf } from "../solve/focusTracker";
import type { SolveController } from "../solve/solveController";
import { isNotebookCell, targetFromCell } from "../solve/target";
import { readCellMetadata, stateFromCellMetadata, type AcemathCellMetadata } from "./cellMetadata";
import { AnswerCellStatusBar, SHOW_CELL_RESULT } from "./cellStatusBar";

const NOTEBOOK_TYPE = "jupyter-notebook";

export function registerNotebookSupport(
  context: vscode.ExtensionContext,
  controller: SolveController,
  history: SolveHistory,
): void {
  const statusBar = new AnswerCellStatusBar();
  context.subscriptions.push(
    statusBar,
    vscode.notebooks.registerNotebookCellStatusBarItemProvider(NOTEBOOK_TYPE, statusBar),
    vscode.commands.registerCommand("acemath.solveCell", (cell: unknown) => solveCell(cell)),
    vscode.commands.registerCommand(SHOW_CELL_RESULT, (notebookUri: unknown, index: unknown) =>
      showCellResult(controller, history, notebookUri, index),
    ),
    vscode.workspace.onDidOpenNotebookDocument((notebook) => recordAnswerCells(notebook, history)),
  );
  for (const notebook of vscode.workspace.notebookDocuments) recordAnswerCells(notebook, history);
}

/** The cell from the toolbar, else the active notebook's selected cell. */
async function solveCell(argument: unknown): Promise<void> {
  const notebook = vscode.window.activeNotebookEditor;
  const selected = notebook ? selectedCellOf(notebook) : undefined;
  const cell = isNotebookCell(argument) ? argument : selected;
  if (!cell) {
    showWarning("Select a notebook cell that holds a problem, then run AceMath: Solve Cell.");
    return;
  }
  await vscode.commands.executeCommand("acemath.solve", cell);
}

/** Answer cells of a notebook just opened become history entries (once: the id is the solve's). */
function recordAnswerCells(notebook: vscode.NotebookDocument, history: SolveHistory): void {
  for (const cell of notebook.getCells()) {
    const metadata = readCellMetadata(cell.metadata);
    if (metadata && !history.get(metadata.id)) history.record(entryFromCell(notebook, cell, metadata));
  }
}

function entryFromCell(
  notebook: vscode.NotebookDocument,
  cell: vscode.NotebookCell,
  metadata: AcemathCellMetadata,
) {
  const problemIndex = Math.max(0, cell.index - 1);
  return {
    id: metadata.id,
    problem: metadata.problem,
    documentUri: notebook.uri.toString(),
    languageId: "markdown",
    createdAt: metadata.solvedAt,
    state: stateFromCellMetadata(metadata),
    cellMetadata: { notebookUri: notebook.uri.toString(), cellIndex: problemIndex },
  };
}

async function showCellResult(
  controller: SolveController,
  history: SolveHistory,
  notebookUri: unknown,
  index: unknown,
): Promise<void> {
  const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === notebookUri);
  const cell =
    notebook && typeof index === "number" && index < notebook.cellCount ? notebook.cellAt(index) : undefined;
  const metadata = cell ? readCellMetadata(cell.metadata) : null;
  if (!notebook || !cell || !metadata) {
    showInfo("this cell holds no AceMath result any more.");
    return;
  }
  if (!history.get(metadata.id)) history.record(entryFromCell(notebook, cell, metadata));
  // Insert from the restored panel goes below the problem cell, when it is still the one above.
  const above = cell.index > 0 ? notebook.cellAt(cell.index - 1) : undefined;
  const target = above ? targetFromCell(above) : null;
  const matches = target !== null && sameProblem(target.problem, metadata.problem);
  if (!controller.showSnapshot(stateFromCellMetadata(metadata), matches ? target : null))
    showInfo("a solve is running: its panel stays until it ends.");
  await Promise.resolve();
}
