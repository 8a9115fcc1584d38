/**
 * Notebook cells are small and self-contained, so the whole cell is the problem ("cell" kind); only
 * markup the model does not need is removed.
 */
import { isMarkdownHeading, stripHeadingHashes, stripHtmlComments } from "./clean";
import { tidy, trimSpan } from "./lines";
import type { CursorRange, ExtractedProblem } from "./types";

export type CellKind = "markdown" | "code";

/**
 * Markdown: heading hashes and HTML comments go, the math stays. Code: whole-line `#` comments become
 * prose (they usually state the task) and the code stays as it is; trailing comments are code.
 */
export function cleanNotebookCell(text: string, kind: CellKind): string {
  const source = text.replace(/\r\n?/g, "\n");
  const lines = kind === "markdown" ? stripHtmlComments(source).split("\n") : source.split("\n");
  return tidy(lines.map(kind === "markdown" ? cleanMarkdownLine : cleanCodeLine).join("\n"), {
    startsMidLine: false,
  });
}

function cleanMarkdownLine(line: string): string {
  return isMarkdownHeading(line) ? stripHeadingHashes(line) : line;
}

function cleanCodeLine(line: string): string {
  const match = /^(\s*)#(?!!) ?(.*)$/.exec(line);
  if (!match) return line;
  const text = match[2] ?? "";
  // `# %%` and `# In[3]:` are cell separators left by converters, not prose.
  return /^(?:%%|In\[\d*\]:)/.test(text.trim()) ? "" : `${match[1] ?? ""}${text}`;
}

/** The cell as an `ExtractedProblem`: a non-blank selection inside it wins, as in a document. */
export function extractCellProblem(
  cell: { text: string; kind: CellKind },
  range: CursorRange,
): ExtractedProblem | null {
  const selected = trimSpan(cell.text, {
    start: Math.max(0, Math.min(range.selectionStart, range.selectionEnd)),
    end: Math.min(cell.text.length, Math.max(range.selectionStart, range.selectionEnd)),
  });
  if (selected) {
    const problem = tidy(cell.text.slice(selected.start, selected.end));
    return { problem, ...selected, kind: "selection" };
  }
  const whole = trimSpan(cell.text, { start: 0, end: cell.text.length });
  const problem = cleanNotebookCell(cell.text, cell.kind);
  return whole && problem !== "" ? { problem, ...whole, kind: "cell" } : null;
}
