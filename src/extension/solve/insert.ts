/** Writes an answer or a solution, cleaned for the document's markup, into the document the problem came from. */
import vscode = require("vscode");
import {
  chooseInsertionOffset,
  formatAnswerInsertion,
  formatSolutionInsertion,
  markupFor,
  type CleanText,
  type Markup,
} from "../../core/insertion";
import type { AcemathCellMetadata } from "../notebook/cellMetadata";
import { insertCellBelow } from "../notebook/insertCell";
import { describeLocation, type InsertFailure } from "./actionMessages";
import type { SolveTarget } from "./target";

export type Insertion = { answer: string } | { solution: string };

/** Done (with the dangerous TeX commands that were neutralised, often none), or why not. */
export type InsertOutcome = { ok: true; neutralised: string[] } | { ok: false; failure: InsertFailure };

/** `cellMetadata`: kept in a notebook answer cell (candidates and scores), ignored for text documents. */
export async function insertIntoTarget(
  target: SolveTarget,
  insertion: Insertion,
  cellMetadata?: AcemathCellMetadata,
): Promise<InsertOutcome> {
  if (target.cell) return insertCellBelow(target.cell, insertion, cellMetadata);
  const opened = await openTarget(target.uri);
  if ("kind" in opened) return { ok: false, failure: opened };
  const document = opened;
  const where = describeLocation(document.uri);
  if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false)
    return { ok: false, failure: { kind: "read-only", where } };
  const markup = markupFor(target.languageId);
  const { text, neutralised } = formatInsertion(markup, insertion);
  const offset = insertionOffset(document, target, markup);
  const position = document.positionAt(offset);
  // A workspace edit works for text files and notebook cells alike, visible or not.
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  const applied = await vscode.workspace.applyEdit(edit).then(
    (ok) => ok,
    () => false,
  );
  if (!applied) return { ok: false, failure: { kind: "refused", where } };
  revealInsertion(document, offset, text.length);
  return { ok: true, neutralised };
}

/**
 * The problem's document, if it can still be written to. An unsaved document or a notebook cell that
 * was closed cannot be reopened as it was (opening its URI would give a new, empty document).
 */
async function openTarget(uri: vscode.Uri): Promise<vscode.TextDocument | InsertFailure> {
  const where = describeLocation(uri);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (uri.scheme === "untitled" || uri.scheme === "vscode-notebook-cell")
    return open && !open.isClosed ? open : { kind: "closed", where };
  // VS Code keeps a closed editor's document for a while: a file deleted since would take the text
  // where nobody sees it. A deleted file still shown in an editor is the user's to save again.
  const shown = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString());
  if (!shown && !(await exists(uri)))
    return { kind: "unopenable", where, detail: "it no longer exists on disk" };
  if (open && !open.isClosed) return open;
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: "unopenable", where, detail: detail.slice(0, 200) };
  }
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

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
