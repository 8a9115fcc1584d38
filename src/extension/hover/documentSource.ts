/** A `TextDocument` as the check core's plain `CheckSource`: dialect, local macro files, the cell above. */
import vscode = require("vscode");
import type { CheckSource } from "../../core/check";
import { dialectOf } from "../../core/problem";
import { lazy } from "../lazy";

const MAX_DEPENDENCY_BYTES = 1 << 20;

export async function checkSourceOf(document: vscode.TextDocument): Promise<CheckSource> {
  const text = document.getText();
  const dialect = dialectOf(document.languageId);
  const previousCell = previousMarkdownCell(document);
  const macroSources = dialect === "latex" ? await readDependencies(document, text) : [];
  return { text, dialect, macroSources, ...(previousCell !== undefined ? { previousCell } : {}) };
}

/** In a notebook, the nearest markdown cell above this one (the problem a worked answer answers). */
function previousMarkdownCell(document: vscode.TextDocument): string | undefined {
  if (document.uri.scheme !== "vscode-notebook-cell") return undefined;
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cells = notebook.getCells();
    const index = cells.findIndex((cell) => cell.document === document);
    if (index < 0) continue;
    return cells
      .slice(0, index)
      .reverse()
      .find((cell) => cell.kind === vscode.NotebookCellKind.Markup)
      ?.document.getText();
  }
  return undefined;
}

/** The local `.cls`/`.sty`/`.tex` files the document loads, read for their macro definitions. */
async function readDependencies(document: vscode.TextDocument, text: string): Promise<string[]> {
  if (document.uri.scheme === "untitled") return [];
  const folder = vscode.Uri.joinPath(document.uri, "..");
  const sources: string[] = [];
  for (const path of lazy().localDependencies(text)) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, path));
      if (bytes.byteLength <= MAX_DEPENDENCY_BYTES) sources.push(new TextDecoder().decode(bytes));
    } catch {
      // System packages (amsmath.sty) are not next to the document; that is expected.
    }
  }
  return sources;
}
