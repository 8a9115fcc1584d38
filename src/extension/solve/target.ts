/** Where a solve came from, so that "Insert answer" lands after the problem in that document. */
import * as vscode from "vscode";
import { extractProblem, cleanNotebookCell } from "../../core/problem";
import type { ExtractedProblem } from "../../core/problem";
import { problemSpans, type SpanRef } from "./problemSpans";

export interface SolveTarget {
  uri: vscode.Uri;
  languageId: string;
  /** The problem (or the selection) in the document, kept current through later edits. */
  span: SpanRef;
  problem: string;
}

/** The problem under the cursor or selection of an editor; null when there is none. */
export function targetFromEditor(editor: vscode.TextEditor): SolveTarget | null {
  const { document, selection } = editor;
  const extracted: ExtractedProblem | null = extractProblem(
    { text: document.getText(), languageId: document.languageId },
    { selectionStart: document.offsetAt(selection.start), selectionEnd: document.offsetAt(selection.end) },
  );
  if (!extracted || extracted.problem.trim() === "") return null;
  return {
    uri: document.uri,
    languageId: document.languageId,
    span: problemSpans.track(document.uri, extracted),
    problem: extracted.problem,
  };
}

/** A whole notebook cell, from the cell toolbar: the answer goes at the end of the cell. */
export function targetFromCell(cell: vscode.NotebookCell): SolveTarget | null {
  const document = cell.document;
  const kind = cell.kind === vscode.NotebookCellKind.Markup ? "markdown" : "code";
  const problem = cleanNotebookCell(document.getText(), kind).trim();
  if (problem === "") return null;
  return {
    uri: document.uri,
    languageId: document.languageId,
    span: problemSpans.track(document.uri, { start: 0, end: document.getText().length }),
    problem,
  };
}
