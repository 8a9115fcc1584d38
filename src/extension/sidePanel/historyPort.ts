/**
 * What the side panel needs of the solve history (src/extension/history/solveHistory.ts, written
 * alongside): the entries newest first, one by id, and a change event. Declared here so the panel
 * depends on this small interface, not on how the history stores its entries.
 */
import type { SolveState } from "../../core/solve/state";

export interface HistoryEntryView {
  id: string;
  problem: string;
  state: SolveState;
  /** Epoch milliseconds. */
  solvedAt: number;
}

export interface SideHistory {
  /** Newest first. */
  list(): readonly HistoryEntryView[];
  get(id: string): HistoryEntryView | undefined;
  onDidChange(listener: () => void): { dispose(): void };
  /** The most entries kept (stated in the view). */
  readonly bound: number;
}

/** No history store: the panel shows the latest solve only. */
export const NO_HISTORY: SideHistory = {
  list: () => [],
  get: () => undefined,
  onDidChange: () => ({ dispose: () => undefined }),
  bound: 0,
};

/** Problems are matched ignoring whitespace, which editors and extraction may change. */
export function sameProblem(a: string, b: string): boolean {
  return a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
}
