/**
 * Remembers the text editors and notebook cells the user worked in, so that "AceMath: Solve" run while
 * a panel or the output has focus uses the last one (issue #9) instead of asking for a file.
 */
import vscode = require("vscode");
import { chooseSolveSource, rememberFocus, type Focused } from "./targetChoice";

/** A text document with the selection it had when the user left it. */
export interface TextPlace {
  document: vscode.TextDocument;
  selection: vscode.Selection;
}

export type SolveSource = Focused<TextPlace, vscode.NotebookCell>;

export class FocusTracker implements vscode.Disposable {
  private recent: SolveSource[] = [];
  private readonly listeners: vscode.Disposable[];

  constructor() {
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.rememberEditor(editor)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.rememberEditor(event.textEditor)),
      vscode.window.onDidChangeActiveNotebookEditor((editor) => editor && this.rememberNotebook(editor)),
      vscode.window.onDidChangeNotebookEditorSelection((event) =>
        this.rememberNotebook(event.notebookEditor),
      ),
    ];
    // Activation may come after the user opened things (a notebook activates the extension).
    const notebook = vscode.window.activeNotebookEditor;
    if (notebook) this.rememberNotebook(notebook);
    const editor = vscode.window.activeTextEditor;
    if (editor) this.rememberEditor(editor);
  }

  /** What to solve from now: the focused editor or cell, else the last one still open. */
  current(): SolveSource | null {
    const editor = vscode.window.activeTextEditor;
    const notebook = vscode.window.activeNotebookEditor;
    const selectedCell = notebook ? selectedCellOf(notebook) : undefined;
    const activeDocument = editor ? { document: editor.document, selection: editor.selection } : undefined;
    return chooseSolveSource<TextPlace, vscode.NotebookCell>({
      activeDocument,
      selectedCell,
      activeDocumentIsOtherCell:
        !!editor &&
        !!selectedCell &&
        isCellDocument(editor.document) &&
        editor.document !== selectedCell.document,
      recent: this.recent.filter(isStillOpen),
    });
  }

  private rememberEditor(editor: vscode.TextEditor): void {
    // The output and other panels are text editors too: only documents a problem can be in count.
    if (editor.document.uri.scheme === "output") return;
    this.remember({ kind: "text", document: { document: editor.document, selection: editor.selection } });
  }

  private rememberNotebook(editor: vscode.NotebookEditor): void {
    const cell = selectedCellOf(editor);
    if (cell) this.remember({ kind: "cell", cell });
  }

  private remember(focused: SolveSource): void {
    this.recent = rememberFocus(this.recent, focused, keyOf);
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.recent = [];
  }
}

function keyOf(focused: SolveSource): string {
  return focused.kind === "text"
    ? `text:${focused.document.document.uri.toString()}`
    : `cell:${focused.cell.document.uri.toString()}`;
}

function isStillOpen(focused: SolveSource): boolean {
  return focused.kind === "text"
    ? !focused.document.document.isClosed
    : !focused.cell.notebook.isClosed && focused.cell.index >= 0;
}

/**
 * The notebook editor's selected cell. While a notebook opens (it may be what activates the extension)
 * its editor can have no selection yet, not even an empty one.
 */
export function selectedCellOf(editor: vscode.NotebookEditor): vscode.NotebookCell | undefined {
  const selection = editor.selection as vscode.NotebookRange | undefined;
  if (!selection || selection.isEmpty || selection.start >= editor.notebook.cellCount) return undefined;
  return editor.notebook.cellAt(selection.start);
}

export function isCellDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === "vscode-notebook-cell";
}
