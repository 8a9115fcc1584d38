/** Messages between the grader (main thread) and the grading worker. */
import type { EquivalenceOptions, GradeResult } from "./types";

export interface WorkerRequest {
  id: number;
  gold: string;
  pred: string;
  options: EquivalenceOptions;
}

export type WorkerMessage = { type: "ready" } | { type: "result"; id: number; result: GradeResult };
