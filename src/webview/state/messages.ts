/** Folding extension messages into the panel's state. Pure, so the tests drive it without a DOM. */
import type { ToWebview } from "../../contract/webviewMessages";
import { applySolveEvent, type SolveState } from "../../core/solve/state";
import { markAll, markEvent, type DirtyParts } from "../view/dirty";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Structural check of a message's envelope; the events themselves come from our own extension. */
export function isToWebview(value: unknown): value is ToWebview {
  if (!isObject(value)) return false;
  switch (value.type) {
    case "snapshot":
      return isSolveStateLike(value.state);
    case "events":
      return (
        Array.isArray(value.events) && value.events.every((e) => isObject(e) && typeof e.type === "string")
      );
    case "steps":
      return isObject(value.steps) && Array.isArray(value.steps.steps);
    default:
      return false;
  }
}

/** Enough of a SolveState to draw it; used for snapshots and for state restored by `getState`. */
export function isSolveStateLike(value: unknown): value is SolveState {
  return (
    isObject(value) &&
    typeof value.status === "string" &&
    typeof value.problem === "string" &&
    Array.isArray(value.candidates) &&
    Array.isArray(value.order) &&
    Array.isArray(value.groups) &&
    Array.isArray(value.warnings)
  );
}

/** A snapshot or a new solve's start: what the panel showed for the previous candidates goes. */
export function startsOver(message: ToWebview): boolean {
  if (message.type === "snapshot") return true;
  return message.type === "events" && message.events.some((e) => e.type === "started");
}

/**
 * Applies a message to `state` and records what it invalidated. Returns the state to use from
 * now on: a snapshot replaces it, events fold into it in place.
 */
export function applyMessage(state: SolveState, message: ToWebview, dirty: DirtyParts): SolveState {
  if (message.type === "snapshot") {
    markAll(dirty);
    return message.state;
  }
  if (message.type === "steps") return state; // not solve state: the panel's step marks hold it
  for (const event of message.events) {
    applySolveEvent(state, event);
    markEvent(dirty, event);
  }
  return state;
}
