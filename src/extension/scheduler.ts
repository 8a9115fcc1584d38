/**
 * Timers behind an interface, so that tests move time themselves (the page watchdog, the solve
 * panel's event batcher). No vscode import.
 */
export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
