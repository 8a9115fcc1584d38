/** The workspace's solve history (src/extension/history) as the side panel's `SideHistory`. */
import { HISTORY_LIMITS } from "../history/historyEntries";
import type { SolveHistory } from "../history/solveHistory";
import type { HistoryEntryView, SideHistory } from "./historyPort";

export function sideHistoryOf(store: SolveHistory): SideHistory {
  const view = (entry: ReturnType<SolveHistory["list"]>[number]): HistoryEntryView => ({
    id: entry.id,
    problem: entry.problem,
    state: entry.state,
    solvedAt: entry.createdAt,
  });
  return {
    list: () => store.list().map(view),
    get: (id) => {
      const entry = store.get(id);
      return entry ? view(entry) : undefined;
    },
    onDidChange: (listener) => store.onDidChange(listener),
    bound: HISTORY_LIMITS.entries,
  };
}
