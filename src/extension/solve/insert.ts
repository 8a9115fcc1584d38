/** Writes an answer or a solution, cleaned for the document's markup, into the document the problem came from. */
import * as vscode from "vscode";
import {
  chooseInsertionOffset,
  formatAnswerInsertion,
  formatSolutionInsertion,
  markupFor,
  type CleanText,
  type Markup,
} from "../../core/insertion";
import type { SolveTarget } from "./target";

export type Insertion = { answer: string } | { solution: string };

/** Resolves to the dangerous TeX commands that were neutralised in the inserted text (often none). */
export async function insertIntoTarget(target: SolveTarget, insertion: Insertion): Promise<string[]> {
  const document = await vscode.workspace.openTextDocument(target.uri);
  const markup = markupFor(target.languageId);
  const { text, neutralised } = formatInsertion(markup, insertion);
  const offset = insertionOffset(document, target, markup);
  const position = document.positionAt(offset);
  // A workspace edit works for text files and notebook cells alike, visible or not.
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${target.uri.toString()}`);
  revealInsertion(document, offset, text.length);
  return neutralised;
}

function formatInsertion(markup: Markup, insertion: Insertion): CleanText {
  return "answer" in insertion
    ? formatAnswerInsertion(markup, insertion.answer)
    : formatSolutionInsertion(markup, insertion.solution);
}

/**
 * After the problem, unless the editor showing the document has its cursor elsewhere now; never inside a
 * formula or a word (see core/insertion/placement.ts).
 */
function insertionOffset(document: vscode.TextDocument, target: SolveTarget, markup: Markup): number {
  const editor = visibleEditorFor(document);
  const selection = editor
    ? { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) }
    : null;
  return chooseInsertionOffset({ text: document.getText(), markup, problem: target.span.current, selection });
}

function visibleEditorFor(document: vscode.TextDocument): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
}

function revealInsertion(document: vscode.TextDocument, offset: number, length: number): void {
  const editor = visibleEditorFor(document);
  if (!editor) return;
  const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
  editor.selection = new vscode.Selection(range.end, range.end);
  editor.revealRange(range);
}
