/**
 * Which parts of the panel an event invalidates. Rendering is batched per animation frame, so a
 * burst of deltas for one candidate costs one re-render of that candidate and nothing else.
 */
import type { SolveEvent } from "../../core/solve/events";

export interface DirtyParts {
  /** A new solve or a snapshot: every part, and cards of candidates that no longer exist go. */
  all: boolean;
  header: boolean;
  notices: boolean;
  groups: boolean;
  /** Rank, score, answer, badges and buttons of every card (ranks or the status changed). */
  allMeta: boolean;
  meta: Set<number>;
  solutions: Set<number>;
}

export function emptyDirty(): DirtyParts {
  return {
    all: false,
    header: false,
    notices: false,
    groups: false,
    allMeta: false,
    meta: new Set(),
    solutions: new Set(),
  };
}

export function markAll(dirty: DirtyParts): void {
  Object.assign(dirty, { all: true, header: true, notices: true, groups: true, allMeta: true });
}

export function markEvent(dirty: DirtyParts, event: SolveEvent): void {
  switch (event.type) {
    case "started":
      markAll(dirty);
      break;
    case "delta":
      dirty.meta.add(event.index);
      dirty.solutions.add(event.index);
      break;
    case "finished":
      dirty.header = true;
      dirty.meta.add(event.index);
      dirty.solutions.add(event.index);
      break;
    case "scored":
      dirty.header = true;
      dirty.meta.add(event.index);
      break;
    case "ranking":
      dirty.header = true;
      dirty.groups = true;
      dirty.allMeta = true;
      break;
    case "warning":
    case "error":
      dirty.notices = true;
      break;
    case "done":
      dirty.header = true;
      dirty.allMeta = true;
      break;
  }
}

export function isClean(dirty: DirtyParts): boolean {
  return (
    !dirty.all &&
    !dirty.header &&
    !dirty.notices &&
    !dirty.groups &&
    !dirty.allMeta &&
    dirty.meta.size === 0 &&
    dirty.solutions.size === 0
  );
}
