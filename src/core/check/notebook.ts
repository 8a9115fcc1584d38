/**
 * Notebooks (`.ipynb`): each markdown cell is checked as Markdown; a cell that holds an answer but
 * no problem of its own answers the markdown cell above it (lecture notebooks put the worked
 * answer in the next cell). Code cells are not read: their answers are code, not written math.
 */
import { findCheckTargets } from "./locate";
import type { CheckTarget } from "./types";

export interface NotebookTarget extends CheckTarget {
  /** 0-based index of the cell in the notebook. */
  cell: number;
}

interface RawCell {
  cell_type?: unknown;
  source?: unknown;
}

/** Null when the text is not a notebook (not JSON, or no `cells` array). */
export function notebookCells(json: string): { kind: string; text: string }[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const cells = (parsed as { cells?: unknown }).cells;
  if (!Array.isArray(cells)) return null;
  return cells.map((raw: RawCell) => ({
    kind: typeof raw.cell_type === "string" ? raw.cell_type : "unknown",
    text: Array.isArray(raw.source) ? raw.source.map(String).join("") : String(raw.source ?? ""),
  }));
}

export function notebookCheckTargets(json: string): NotebookTarget[] | null {
  const cells = notebookCells(json);
  if (!cells) return null;
  const targets: NotebookTarget[] = [];
  let previousMarkdown: string | undefined;
  cells.forEach((cell, index) => {
    if (cell.kind !== "markdown") return;
    const found = findCheckTargets({ text: cell.text, dialect: "markdown", previousCell: previousMarkdown });
    for (const target of found) targets.push({ ...target, cell: index });
    previousMarkdown = cell.text;
  });
  return targets;
}
