/**
 * The workspace's solve history (issue #9): every solve, kept when the next one starts, persisted in
 * `workspaceState` so that a reload or a restart loses nothing. Bounds: see `historyEntries.ts`
 * (the newest 200 solves, 20 MB of JSON text in all, 2 MB of candidate text per solve).
 *
 * API for the side panel and the notebook support:
 * - `record(entry)`: adds a solve (or replaces the one with the same `id`); returns what was stored
 *   (the id and time filled in when missing, texts cut to the bounds).
 * - `list()`: all entries, newest first. `get(id)`: one entry, or undefined.
 * - `onDidChange`: fires after every change (record, and entries dropped by the bounds).
 */
import vscode = require("vscode");
import { newRunId } from "./fromSolve";
import { addEntry, boundEntry, decodeEntries, type SolveHistoryEntry } from "./historyEntries";

export type { HistoryCellRef, SolveHistoryEntry } from "./historyEntries";

export type NewHistoryEntry = Omit<SolveHistoryEntry, "id" | "createdAt"> &
  Partial<Pick<SolveHistoryEntry, "id" | "createdAt">>;

/** The workspaceState key; a new format gets a new key rather than misreading the old one. */
export const HISTORY_STATE_KEY = "acemath.solveHistory.v1";

export class SolveHistory implements vscode.Disposable {
  private entries: SolveHistoryEntry[];
  /** JSON sizes, cached: measuring 200 solves on every record would cost more than the solve. */
  private readonly sizes = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly storage: vscode.Memento) {
    this.entries = decodeEntries(storage.get<unknown>(HISTORY_STATE_KEY));
  }

  record(entry: NewHistoryEntry): SolveHistoryEntry {
    const stored = boundEntry({
      ...entry,
      id: entry.id ?? newRunId(),
      createdAt: entry.createdAt ?? Date.now(),
      state: structuredClone(entry.state),
    });
    this.sizes.delete(stored.id);
    this.entries = addEntry(this.entries, stored, (e) => this.sizeOf(e));
    for (const id of this.sizes.keys()) if (!this.entries.some((e) => e.id === id)) this.sizes.delete(id);
    this.persist();
    this.changed.fire();
    return stored;
  }

  list(): readonly SolveHistoryEntry[] {
    return this.entries;
  }

  get(id: string): SolveHistoryEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** Resolves when what was recorded so far is written (tests and shutdown). */
  flushed(): Promise<void> {
    return this.writing;
  }

  private sizeOf(entry: SolveHistoryEntry): number {
    let size = this.sizes.get(entry.id);
    if (size === undefined) {
      size = JSON.stringify(entry).length;
      this.sizes.set(entry.id, size);
    }
    return size;
  }

  /** Writes in order, one at a time; a failed write is logged by VS Code and retried with the next record. */
  private persist(): void {
    const snapshot = this.entries;
    this.writing = this.writing.then(() =>
      Promise.resolve(this.storage.update(HISTORY_STATE_KEY, snapshot)).catch(() => undefined),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
