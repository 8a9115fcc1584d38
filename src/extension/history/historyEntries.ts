/**
 * The solve history's entries and their bounds, as pure functions (no `vscode`): what is kept, what is
 * dropped first, and how stored data is read back. The store (`solveHistory.ts`) persists the result.
 *
 * Bound: the newest 200 solves and at most 20 MB of JSON text (counted in characters) in all; one
 * solve keeps at most 2 MB of candidate text (each candidate cut to its share, marked). Oldest go first.
 */
import type { SolveState } from "../../core/solve/state";

export const HISTORY_LIMITS = {
  entries: 200,
  totalChars: 20_000_000,
  entryTextChars: 2_000_000,
} as const;

export const HISTORY_CUT_MARK = "\n\n[… cut to fit the solve history]";

/** Where in a notebook the problem was: the cell, by index when it was solved. */
export interface HistoryCellRef {
  notebookUri: string;
  cellIndex: number;
}

export interface SolveHistoryEntry {
  /** Unique within the workspace; a notebook answer cell's metadata names it. */
  id: string;
  problem: string;
  /** The document (or notebook cell) the problem came from, as a URI string. */
  documentUri: string;
  languageId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The solve as it stood when it ended (or was replaced), folded with the core reducer. */
  state: SolveState;
  cellMetadata?: HistoryCellRef;
}

/** An entry with its candidate texts cut so that it stays within `entryTextChars`. */
export function boundEntry(
  entry: SolveHistoryEntry,
  limit = HISTORY_LIMITS.entryTextChars,
): SolveHistoryEntry {
  const candidates = entry.state.candidates;
  const total = candidates.reduce((sum, c) => sum + c.text.length, 0);
  if (total <= limit) return entry;
  const share = Math.floor(limit / Math.max(1, candidates.length));
  return {
    ...entry,
    state: {
      ...entry.state,
      candidates: candidates.map((c) =>
        c.text.length <= share
          ? c
          : { ...c, text: c.text.slice(0, Math.max(0, share - HISTORY_CUT_MARK.length)) + HISTORY_CUT_MARK },
      ),
    },
  };
}

/**
 * Adds (or replaces, by id) an entry and returns the list newest first within the bounds. `sizeOf`
 * measures an entry (the store caches it); the newest entry is always kept.
 */
export function addEntry(
  entries: readonly SolveHistoryEntry[],
  entry: SolveHistoryEntry,
  sizeOf: (entry: SolveHistoryEntry) => number,
  limits: { entries: number; totalChars: number } = HISTORY_LIMITS,
): SolveHistoryEntry[] {
  const others = entries.filter((e) => e.id !== entry.id);
  const next = [entry, ...others].sort((a, b) => b.createdAt - a.createdAt);
  const kept: SolveHistoryEntry[] = [];
  let chars = 0;
  for (const candidate of next) {
    const size = sizeOf(candidate);
    const isNew = candidate.id === entry.id;
    if (!isNew && (kept.length >= limits.entries || chars + size > limits.totalChars)) continue;
    kept.push(candidate);
    chars += size;
  }
  return kept;
}

/** Entries read back from storage: malformed ones (an older format, a damaged file) are dropped. */
export function decodeEntries(value: unknown): SolveHistoryEntry[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, HISTORY_LIMITS.entries).filter(isEntry);
}

function isEntry(value: unknown): value is SolveHistoryEntry {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === "string" &&
    typeof e.problem === "string" &&
    typeof e.documentUri === "string" &&
    typeof e.languageId === "string" &&
    typeof e.createdAt === "number" &&
    Number.isFinite(e.createdAt) &&
    isState(e.state) &&
    (e.cellMetadata === undefined || isCellRef(e.cellMetadata))
  );
}

function isState(value: unknown): value is SolveState {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.status === "string" &&
    typeof s.problem === "string" &&
    Array.isArray(s.candidates) &&
    s.candidates.every(
      (c: unknown) =>
        typeof c === "object" &&
        c !== null &&
        typeof (c as { index?: unknown }).index === "number" &&
        typeof (c as { text?: unknown }).text === "string",
    ) &&
    Array.isArray(s.order) &&
    Array.isArray(s.groups) &&
    Array.isArray(s.warnings)
  );
}

function isCellRef(value: unknown): value is HistoryCellRef {
  if (typeof value !== "object" || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.notebookUri === "string" && typeof c.cellIndex === "number" && Number.isInteger(c.cellIndex)
  );
}

/** A short one-line label of a problem for notices and lists. */
export function problemLabel(problem: string, max = 60): string {
  const line = problem.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
