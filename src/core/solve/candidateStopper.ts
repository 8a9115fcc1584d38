/**
 * The pipeline's side of `CandidateStops`: it records which candidates are closed (finished, or cut
 * at a size limit) and aborts a request once every candidate it carries is closed and at least one
 * of them was cut (the cut one may still be streaming). A request whose candidates all finished on
 * their own ends by itself, untouched.
 */
import type { CandidateStops } from "../backend/ports";

interface Watch {
  indices: readonly number[];
  controller: AbortController;
}

export class CandidateStopper implements CandidateStops {
  private readonly finished = new Set<number>();
  private readonly cut = new Set<number>();
  private readonly watches: Watch[] = [];
  private everything = false;

  whenAllStopped(indices: readonly number[]): AbortSignal {
    const watch = { indices: [...indices], controller: new AbortController() };
    this.watches.push(watch);
    this.check();
    return watch.controller.signal;
  }

  candidateFinished(index: number): void {
    this.finished.add(index);
    this.check();
  }

  candidateCut(index: number): void {
    this.cut.add(index);
    this.check();
  }

  /** The solve's own limit is reached: no candidate is wanted any more, seen or not. */
  stopEverything(): void {
    this.everything = true;
    this.check();
  }

  private check(): void {
    for (const watch of this.watches) {
      if (watch.controller.signal.aborted) continue;
      const closed = (i: number) => this.finished.has(i) || this.cut.has(i);
      const wanted = watch.indices.some((i) => !closed(i));
      const anyCut = watch.indices.some((i) => this.cut.has(i));
      if (this.everything || (!wanted && anyCut)) watch.controller.abort();
    }
  }
}
