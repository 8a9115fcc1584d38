/**
 * The problem under the cursor, for following the editor like the Lean 4 infoview: the same
 * extraction as AceMath: Solve, without recording a span (only a solve records one).
 */
import vscode = require("vscode");
import { cleanNotebookCell, extractProblem } from "../../core/problem";

export function problemInEditor(editor: vscode.TextEditor): string | null {
  const { document, selection } = editor;
  const extracted = extractProblem(
    { text: document.getText(), languageId: document.languageId },
    { selectionStart: document.offsetAt(selection.start), selectionEnd: document.offsetAt(selection.end) },
  );
  const problem = extracted?.problem.trim() ?? "";
  return problem === "" ? null : problem;
}

export function problemInCell(cell: vscode.NotebookCell): string | null {
  const kind = cell.kind === vscode.NotebookCellKind.Markup ? "markdown" : "code";
  const problem = cleanNotebookCell(cell.document.getText(), kind).trim();
  return problem === "" ? null : problem;
}

/** The active text editor's problem, else the selected cell of the active notebook (a rendered Markdown cell has no editor). */
export function problemAtCursor(): string | null {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.uri.scheme !== "output") return problemInEditor(editor);
  const notebook = vscode.window.activeNotebookEditor;
  if (!notebook || notebook.selection.isEmpty) return null;
  return problemInCell(notebook.notebook.cellAt(notebook.selection.start));
}
