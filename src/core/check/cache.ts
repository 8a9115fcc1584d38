/**
 * Verdicts cached by (problem, answer): editing either makes a new key, so a stale verdict is never
 * shown for changed text. Bounded (least recently used goes first), so a long session stays small.
 */
import type { SymbolicResult } from "./types";

/** The model layers' result for one (problem, answer), as the hover shows it. */
export interface ModelVerdict {
  summary: string;
  pickAgrees: boolean | null;
  majorityAgrees: boolean | null;
  /** The model's pick (model output: untrusted, cleaned before it is written anywhere). */
  pick?: string;
  /** The reward model's score of the user's own solution, with context, when one was computed. */
  reward?: string;
}

export interface CachedVerdicts {
  symbolic?: SymbolicResult;
  model?: ModelVerdict;
}

export const CACHE_LIMIT = 500;

export class CheckCache {
  private readonly entries = new Map<string, CachedVerdicts>();

  constructor(private readonly limit = CACHE_LIMIT) {}

  static key(problem: string, answer: string): string {
    return `${problem.trim()}\u0000${answer.trim()}`;
  }

  get(problem: string, answer: string): CachedVerdicts | undefined {
    const key = CheckCache.key(problem, answer);
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  update(problem: string, answer: string, change: CachedVerdicts): CachedVerdicts {
    const key = CheckCache.key(problem, answer);
    const next = { ...this.entries.get(key), ...change };
    this.entries.delete(key);
    this.entries.set(key, next);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return next;
  }

  get size(): number {
    return this.entries.size;
  }
}
