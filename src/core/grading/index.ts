/**
 * The answer grading engine: extraction, normalisation, equivalence, clustering.
 * The synchronous exports never load the CAS; `createGrader` (src/backends/grading) runs it in a worker thread.
 */
export type { Verdict, GradeResult, EquivalenceOptions } from "./types";
export { DEFAULT_TIMEOUT_MS, DEFAULT_RELATIVE_TOLERANCE } from "./types";
export { extractAnswer, extractBoxed } from "./extract";
export type { ExtractedAnswer, ExtractionMethod, ExtractOptions } from "./extract";
export { normalizeAnswer } from "./normalize";
export { readAnswer } from "./readAnswer";
export { isEquivalentFast } from "./fast";
export type { Grader } from "./port";
export type { ClusterReport, UndecidedPair } from "./cluster";
