/**
 * The entry of the extension's second bundle, `dist/extensionLazy.js`: the heavy modules that no
 * activation needs (answer checking, step checks, grading, the HTTP clients, the solve pipeline).
 * Loaded on first use through `lazy()` (./lazy.ts), never imported for a value by anything else in
 * src/extension (ESLint: the lazy-loading block in eslint.config.mjs;
 * test/unit/scripts/activationBundle.test.ts holds the built activation bundle to it).
 */
export {
  agreementWith,
  CheckCache,
  checkTargetAt,
  findCheckTargets,
  hoverSegments,
  localDependencies,
  modelVerdictOf,
  scoreContext,
  verifyAnswer,
} from "../core/check";
export { checkWrittenSteps, firstRefutedStep, writtenSolutionSpan } from "../core/check/writtenSteps";
export { checkSteps } from "../core/steps/check";
export { solve } from "../core/solve/pipeline";
export { FallbackPolicyBackend } from "../core/backend/fallbackPolicy";
export { createGrader } from "../backends/grading";
export { downloadModel, ModelDownloadError } from "../backends/embedded/download";
export { EmbeddedPolicyBackend } from "../backends/embedded/embeddedPolicy";
export { BackendRegistry } from "../backends/http/registry";
export { PrmRewardBackend } from "../backends/http/prmReward";
export { checkConnection, formatConnectionReport } from "../backends/http/connectionCheck";
