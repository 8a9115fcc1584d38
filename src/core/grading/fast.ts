import { compareAnswers } from "./compare";
import { compareScalarsFast } from "./scalarFast";
import type { EquivalenceOptions, GradeResult } from "./types";

/**
 * Synchronous and never slow: no CAS. Returns "unknown" with reason NEEDS_SYMBOLIC when only
 * symbolic work could decide. Gold first (see docs/grading.md for the asymmetries).
 */
export function isEquivalentFast(gold: string, pred: string, options: EquivalenceOptions = {}): GradeResult {
  return compareAnswers(gold, pred, (a, b) => compareScalarsFast(a, b, options));
}
