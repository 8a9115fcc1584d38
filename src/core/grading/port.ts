/**
 * The port through which everything above the core grades answers asynchronously. Its Node
 * implementation (`src/backends/grading/grader.ts`) runs the CAS in a worker thread.
 */
import type { ClusterReport } from "./cluster";
import type { EquivalenceOptions, GradeResult } from "./types";

export interface Grader {
  isEquivalent(gold: string, pred: string, options?: EquivalenceOptions): Promise<GradeResult>;
  /** Classes as lists of input indices, in order of first appearance. */
  clusterAnswers(answers: string[], options?: EquivalenceOptions): Promise<number[][]>;
  /** The classes, and the pairs left apart because neither rule could decide them. */
  clusterAnswersReport(answers: string[], options?: EquivalenceOptions): Promise<ClusterReport>;
  dispose(): void;
}
