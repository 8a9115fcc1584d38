/** What the verifier needs from the grading engine: its equivalence test (the CAS runs in a worker). */
import type { EquivalenceOptions, GradeResult } from "../../grading";

export interface Equivalence {
  isEquivalent(gold: string, pred: string, options?: EquivalenceOptions): Promise<GradeResult>;
}
