/**
 * The answer grading engine: extraction, normalisation, equivalence, clustering.
 * The synchronous exports never load the CAS; `createGrader` runs it in a worker thread.
 */
export type { Verdict, GradeResult, EquivalenceOptions } from "./types";
export { DEFAULT_TIMEOUT_MS, DEFAULT_RELATIVE_TOLERANCE } from "./types";
export { extractAnswer, extractBoxed } from "./extract";
export type { ExtractedAnswer, ExtractionMethod, ExtractOptions } from "./extract";
export { normalizeAnswer } from "./normalize";
export { readAnswer } from "./readAnswer";
export { isEquivalentFast } from "./fast";
export { createGrader } from "./grader";
export type { Grader } from "./grader";
export type { ClusterReport, UndecidedPair } from "./cluster";
export { resolveWorkerScript } from "./workerScript";
