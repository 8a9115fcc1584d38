/** Three-valued verdicts: "unknown" means the engine could not decide, and callers say so. */
export type Verdict = "equal" | "not-equal" | "unknown";

export interface GradeResult {
  verdict: Verdict;
  /** Which rule decided, in a few words (shown to users next to the verdict). */
  reason: string;
}

export interface EquivalenceOptions {
  /** Also accept a plain number equal to the gold ×100 or ÷100 (the Qwen grader's percentage leniency). */
  percentLeniency?: boolean;
  /** Time limit for one pair's symbolic work, in ms (default 2000). */
  timeoutMs?: number;
  /** Relative tolerance for approximate numbers (default 1e-4, as the Qwen2.5-Math grader). */
  relativeTolerance?: number;
}

export const DEFAULT_TIMEOUT_MS = 2000;
export const DEFAULT_RELATIVE_TOLERANCE = 1e-4;

export function equal(reason: string): GradeResult {
  return { verdict: "equal", reason };
}

export function notEqual(reason: string): GradeResult {
  return { verdict: "not-equal", reason };
}

export function unknown(reason: string): GradeResult {
  return { verdict: "unknown", reason };
}

/**
 * Reason given by the fast path when only symbolic work can decide; the grader recognises it and
 * sends the pair to the worker.
 */
export const NEEDS_SYMBOLIC = "needs symbolic comparison";
