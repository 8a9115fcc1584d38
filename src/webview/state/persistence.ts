/**
 * Keeps the state in the webview's own storage (`setState`), so a panel that was hidden and shown
 * again draws its last state at once, before the extension's snapshot arrives. Saving clones the
 * whole state, so it is throttled: at most once per `intervalMs`, and always after the last change.
 * The candidates' step checks are saved beside the solve: after "Reload Window" the extension host
 * starts afresh and has none to post again, so without them the marks would vanish.
 */
import type { CandidateSteps } from "../../contract/webviewMessages";
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
  /** Absent in states saved before steps were kept: those restore with no marks, as before. */
  steps?: CandidateSteps[];
}

export function restoreState(storage: WebviewStorage): SolveState | null {
  const saved = storage.getState() as Partial<Persisted> | undefined | null;
  if (!saved || saved.version !== VERSION || !isSolveStateLike(saved.solve)) return null;
  return saved.solve;
}

function isCandidateStepsLike(value: unknown): value is CandidateSteps {
  const steps = value as Partial<CandidateSteps> | null;
  return (
    typeof steps === "object" &&
    steps !== null &&
    typeof steps.index === "number" &&
    typeof steps.textLength === "number" &&
    Array.isArray(steps.steps)
  );
}

/**
 * The saved step checks, with no signal toggles: a model signal is asked of the extension, which
 * after a reload no longer holds the checks it would score. A panel re-shown without a reload gets
 * its toggles back at once: the extension posts its steps again in answer to "ready".
 */
export function restoreSteps(storage: WebviewStorage): CandidateSteps[] {
  const saved = storage.getState() as Partial<Persisted> | undefined | null;
  if (!saved || saved.version !== VERSION || !Array.isArray(saved.steps)) return [];
  return saved.steps.filter(isCandidateStepsLike).map((steps) => ({ ...steps, available: [] }));
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
}

export class StateSaver {
  private solve: SolveState | null = null;
  private steps: CandidateSteps[] = [];
  private changed = false;
  private timerRunning = false;

  constructor(
    private readonly storage: WebviewStorage,
    private readonly intervalMs: number,
    private readonly timers: Timers = globalThis,
  ) {}

  schedule(state: SolveState): void {
    this.solve = state;
    this.later();
  }

  /** The step checks now shown (all of them: the saved list replaces the last one). */
  scheduleSteps(steps: readonly CandidateSteps[]): void {
    this.steps = [...steps];
    this.later();
  }

  private later(): void {
    this.changed = true;
    if (this.timerRunning) return;
    this.timerRunning = true;
    this.timers.setTimeout(() => {
      this.timerRunning = false;
      this.flush();
    }, this.intervalMs);
  }

  flush(): void {
    if (!this.changed || !this.solve) return;
    const persisted: Persisted = { version: VERSION, solve: this.solve, steps: this.steps };
    this.storage.setState(persisted);
    this.changed = false;
  }
}
