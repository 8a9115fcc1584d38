/** Problem extraction: which text "AceMath: Solve" sends, and where the answer goes. Pure core. */
export type { CursorRange, ExtractedProblem, ProblemKind, ProblemSource } from "./types";
export { dialectOf, extractProblem, type Dialect } from "./extract";
export { cleanNotebookCell, extractCellProblem, type CellKind } from "./notebook";
