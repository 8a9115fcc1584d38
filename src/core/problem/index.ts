/** Problem extraction: which text "AceMath: Solve" sends, and where the answer goes. Pure core. */
export type { CursorRange, ExtractedProblem, ProblemKind, ProblemLocation, ProblemSource } from "./types";
export { dialectOf, extractProblem, locateProblem, type Dialect } from "./extract";
export { LANGUAGE_IDS, SUPPORTED_LANGUAGE_IDS, dialectOfExtension } from "./languages";
export { cleanNotebookCell, extractCellProblem, type CellKind } from "./notebook";
