/** Checking written answers: detection (which answer, which problem, which solution) and the symbolic verifier. Pure core. */
export type * from "./types";
export { findCheckTargets, checkTargetAt, type CheckSource, type CheckDialect } from "./locate";
export { collectMacros, expandMacros, EXPANSION_LIMITS, type MacroTable } from "./macros";
export { notebookCheckTargets, type NotebookTarget } from "./notebook";
export { verifyAnswer, type Equivalence } from "./verify";
export { localDependencies } from "./dependencies";
export { CheckCache, type CachedVerdicts, type ModelVerdict } from "./cache";
export { hoverSegments, hoverPlainText, type HoverSegment } from "./hoverText";
export { agreementWith, modelVerdictOf, scoreContext, type Agreement } from "./agreement";
