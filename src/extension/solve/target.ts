/** Where a solve came from, so that "Insert answer" lands after the problem in that document. */
import vscode = require("vscode");
import {
  cleanNotebookCell,
  extractCellProblem,
  locateProblem,
  type ExtractedProblem,
} from "../../core/problem";
import { showWarning } from "../notifications";
import { isCellDocument, type FocusTracker, type TextPlace } from "./focusTracker";
import { problemSpans, type SpanRef } from "./problemSpans";
import { BETWEEN_TITLE, betweenChoices } from "./targetChoice";

export interface SolveTarget {
  uri: vscode.Uri;
  languageId: string;
  /** The problem (or the selection) in the document, kept current through later edits. */
  span: SpanRef;
  problem: string;
  /** The notebook cell the problem is in: "Insert" adds a new Markdown cell below it. */
  cell?: vscode.NotebookCell;
}

/**
 * The problem to solve: the cell passed by the cell toolbar, else the focused editor or cell, else the
 * last one the user worked in (a panel may have focus). Null after telling the user why not.
 */
export async function resolveSolveTarget(
  argument: unknown,
  focus: FocusTracker,
): Promise<SolveTarget | null> {
  if (isNotebookCell(argument)) return cellOrWarn(argument);
  const source = focus.current();
  if (!source) {
    showWarning(
      "Open a .tex, .md or text file (or a notebook) and put the cursor in a problem (or select it), then run AceMath: Solve.",
    );
    return null;
  }
  if (source.kind === "cell") return cellOrWarn(source.cell);
  return targetFromPlace(source.document);
}

function cellOrWarn(cell: vscode.NotebookCell): SolveTarget | null {
  const target = targetFromCell(cell);
  if (!target) showWarning("This cell is empty: write a problem in it first.");
  return target;
}

/** The problem under the cursor or selection of a document; asks when the cursor is between problems. */
async function targetFromPlace(place: TextPlace): Promise<SolveTarget | null> {
  const { document, selection } = place;
  const range = {
    selectionStart: document.offsetAt(selection.start),
    selectionEnd: document.offsetAt(selection.end),
  };
  const cell = isCellDocument(document) ? cellOf(document) : undefined;
  if (cell) {
    const extracted = extractCellProblem({ text: document.getText(), kind: cellKind(cell) }, range);
    if (!extracted) showWarning("This cell is empty: write a problem in it first.");
    return extracted ? makeTarget(document, extracted, cell) : null;
  }
  const location = locateProblem({ text: document.getText(), languageId: document.languageId }, range);
  if (location.kind === "none") {
    showWarning("No problem found at the cursor: select the problem text, then run AceMath: Solve.");
    return null;
  }
  const extracted = location.kind === "problem" ? location.problem : await pickBetween(document, location);
  return extracted ? makeTarget(document, extracted) : null;
}

async function pickBetween(
  document: vscode.TextDocument,
  location: { before: ExtractedProblem | null; after: ExtractedProblem | null },
): Promise<ExtractedProblem | null> {
  const rows = betweenChoices(location.before, location.after, (offset) => document.positionAt(offset).line);
  const picked = await vscode.window.showQuickPick(rows, {
    title: BETWEEN_TITLE,
    placeHolder: "Headings, preamble lines and the space between problems are not a problem",
    matchOnDetail: true,
  });
  return picked?.problem ?? null;
}

function makeTarget(
  document: vscode.TextDocument,
  extracted: ExtractedProblem,
  cell?: vscode.NotebookCell,
): SolveTarget | null {
  if (extracted.problem.trim() === "") return null;
  return {
    uri: document.uri,
    languageId: document.languageId,
    span: problemSpans.track(document.uri, extracted),
    problem: extracted.problem,
    ...(cell ? { cell } : {}),
  };
}

/** A whole notebook cell, from the cell toolbar or a selected cell: the answer goes in a new cell below. */
export function targetFromCell(cell: vscode.NotebookCell): SolveTarget | null {
  const document = cell.document;
  const problem = cleanNotebookCell(document.getText(), cellKind(cell)).trim();
  if (problem === "") return null;
  return {
    uri: document.uri,
    languageId: document.languageId,
    span: problemSpans.track(document.uri, { start: 0, end: document.getText().length }),
    problem,
    cell,
  };
}

function cellKind(cell: vscode.NotebookCell): "markdown" | "code" {
  return cell.kind === vscode.NotebookCellKind.Markup ? "markdown" : "code";
}

function cellOf(document: vscode.TextDocument): vscode.NotebookCell | undefined {
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cell = notebook.getCells().find((c) => c.document === document);
    if (cell) return cell;
  }
  return undefined;
}

export function isNotebookCell(value: unknown): value is vscode.NotebookCell {
  return (
    typeof value === "object" &&
    value !== null &&
    "notebook" in value &&
    "document" in value &&
    "kind" in value
  );
}
