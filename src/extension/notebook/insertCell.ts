/**
 * "Insert answer/solution" for a problem in a notebook cell: a NEW Markdown cell below the problem cell,
 * through one notebook edit (undo removes it), so that it is rendered at once. Changing the problem
 * cell's own source left its rendered Markdown stale until the cell was edited (issue #9).
 */
import vscode = require("vscode");
import { formatAnswerInsertion, formatSolutionInsertion } from "../../core/insertion";
import { describeLocation } from "../solve/actionMessages";
import type { InsertOutcome, Insertion } from "../solve/insert";
import { withCellMetadata, type AcemathCellMetadata } from "./cellMetadata";

export async function insertCellBelow(
  cell: vscode.NotebookCell,
  insertion: Insertion,
  metadata?: AcemathCellMetadata,
): Promise<InsertOutcome> {
  const notebook = cell.notebook;
  const where = describeLocation(notebook.uri);
  // A deleted cell has index -1: there is no "below" any more.
  if (notebook.isClosed || cell.index < 0) return { ok: false, failure: { kind: "closed", where } };
  if (vscode.workspace.fs.isWritableFileSystem(notebook.uri.scheme) === false)
    return { ok: false, failure: { kind: "read-only", where } };
  const { text, neutralised } =
    "answer" in insertion
      ? formatAnswerInsertion("markdown", insertion.answer)
      : formatSolutionInsertion("markdown", insertion.solution);
  const data = new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, text.trim(), "markdown");
  if (metadata) data.metadata = withCellMetadata({}, metadata);
  const index = cell.index + 1;
  const edit = new vscode.WorkspaceEdit();
  edit.set(notebook.uri, [vscode.NotebookEdit.insertCells(index, [data])]);
  const applied = await vscode.workspace.applyEdit(edit).then(
    (ok) => ok,
    () => false,
  );
  if (!applied) return { ok: false, failure: { kind: "refused", where } };
  revealCell(notebook, index);
  return { ok: true, neutralised };
}

/** Selects and shows the new cell in the editor showing the notebook, if one does. */
function revealCell(notebook: vscode.NotebookDocument, index: number): void {
  const editor = vscode.window.visibleNotebookEditors.find((e) => e.notebook === notebook);
  if (!editor) return;
  const range = new vscode.NotebookRange(index, index + 1);
  editor.selection = range;
  editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
}
