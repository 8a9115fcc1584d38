/**
 * The answer to the page's "ready": the extension always sends its whole state. When that state is
 * idle and empty, the extension has no solve (its host started afresh, e.g. after "Developer: Reload
 * Window"), so the page keeps the state it saved with `setState` instead of going blank. A solve
 * that was still running in it cannot go on (its HTTP requests closed with the old host): it is
 * ended as interrupted, with a note saying why. Any other answer is the extension's live state and
 * replaces the saved one, as before.
 */
import type { SolveEvent } from "../../core/solve/events";
import { applySolveEvent, type SolveState } from "../../core/solve/state";

export const RELOAD_NOTICE =
  "The window reloaded while this solve was running, so it stopped. The candidates below are what had arrived.";

/** True for the state of an extension that has not run a solve since it started. */
export function isIdleAndEmpty(state: SolveState): boolean {
  return state.status === "idle" && state.problem === "" && state.candidates.length === 0;
}

/** The state to show once the extension has answered "ready" with `reply`, given what the page shows. */
export function settleHandshake(shown: SolveState, reply: SolveState): SolveState {
  if (!isIdleAndEmpty(reply) || isIdleAndEmpty(shown)) return reply;
  return shown.status === "running" ? interruptedByReload(shown) : shown;
}

/**
 * Ends a running solve the way a cancel would (unfinished candidates "cancelled", status
 * "cancelled"), plus the reload notice, by folding the same events the pipeline emits. In place,
 * like `applySolveEvent`.
 */
export function interruptedByReload(state: SolveState): SolveState {
  const events: SolveEvent[] = [
    ...state.candidates
      .filter((candidate) => candidate.finishReason === null)
      .map((candidate): SolveEvent => ({
        type: "finished",
        index: candidate.index,
        finishReason: "cancelled",
        answer: null,
      })),
    { type: "warning", code: "interrupted-by-reload", message: RELOAD_NOTICE },
    { type: "done", outcome: "cancelled" },
  ];
  return events.reduce(applySolveEvent, state);
}

/** Folds messages until the first snapshot, which is the answer to "ready" (see `settleHandshake`). */
export class Handshake {
  private answered = false;

  /** The state to show for `snapshot`: settled against `shown` if it answers "ready", else as sent. */
  receiveSnapshot(shown: SolveState, snapshot: SolveState): SolveState {
    if (this.answered) return snapshot;
    this.answered = true;
    return settleHandshake(shown, snapshot);
  }
}
