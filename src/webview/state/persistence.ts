/**
 * Keeps the state in the webview's own storage (`setState`), so a panel that was hidden and shown
 * again draws its last state at once, before the extension's snapshot arrives. Saving clones the
 * whole state, so it is throttled: at most once per `intervalMs`, and always after the last change.
 */
import type { SolveState } from "../../core/solve/state";
import { isSolveStateLike } from "./messages";

export interface WebviewStorage {
  getState(): unknown;
  setState(state: unknown): void;
}

const VERSION = 1;

interface Persisted {
  version: typeof VERSION;
  solve: SolveState;
}

export function restoreState(storage: WebviewStorage): SolveState | null {
  const saved = storage.getState() as Partial<Persisted> | undefined | null;
  if (!saved || saved.version !== VERSION || !isSolveStateLike(saved.solve)) return null;
  return saved.solve;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
}

export class StateSaver {
  private pending: SolveState | null = null;
  private timerRunning = false;

  constructor(
    private readonly storage: WebviewStorage,
    private readonly intervalMs: number,
    private readonly timers: Timers = globalThis,
  ) {}

  schedule(state: SolveState): void {
    this.pending = state;
    if (this.timerRunning) return;
    this.timerRunning = true;
    this.timers.setTimeout(() => {
      this.timerRunning = false;
      this.flush();
    }, this.intervalMs);
  }

  flush(): void {
    if (!this.pending) return;
    const persisted: Persisted = { version: VERSION, solve: this.pending };
    this.storage.setState(persisted);
    this.pending = null;
  }
}
