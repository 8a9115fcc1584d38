/** Writes an answer or a solution into the document the problem came from. */
import * as vscode from "vscode";
import { formatAnswerInsertion, formatSolutionInsertion, markupFor } from "../../core/insertion";
import type { SolveTarget } from "./target";

export type Insertion = { answer: string } | { solution: string };

export async function insertIntoTarget(target: SolveTarget, insertion: Insertion): Promise<void> {
  const document = await vscode.workspace.openTextDocument(target.uri);
  const markup = markupFor(target.languageId);
  const text =
    "answer" in insertion
      ? formatAnswerInsertion(markup, insertion.answer)
      : formatSolutionInsertion(markup, insertion.solution);
  const offset = insertionOffset(document, target);
  const position = document.positionAt(offset);
  // A workspace edit works for text files and notebook cells alike, visible or not.
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${target.uri.toString()}`);
  revealInsertion(document, offset, text.length);
}

/**
 * At the cursor, or after the selection, of the editor showing the document; when none shows it,
 * after the problem as it was at solve time (clamped: the document may have changed since).
 */
function insertionOffset(document: vscode.TextDocument, target: SolveTarget): number {
  const editor = visibleEditorFor(document);
  if (editor) return document.offsetAt(editor.selection.end);
  return Math.min(target.insertOffset, document.getText().length);
}

function visibleEditorFor(document: vscode.TextDocument): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
}

function revealInsertion(document: vscode.TextDocument, offset: number, length: number): void {
  const editor = vscode.window.visibleTextEditors.find(
    (e) => e.document.uri.toString() === document.uri.toString(),
  );
  if (!editor) return;
  const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
  editor.selection = new vscode.Selection(range.end, range.end);
  editor.revealRange(range);
}
