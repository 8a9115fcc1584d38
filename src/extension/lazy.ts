/**
 * The one home of lazy loading. Activation loads only the thin layer (dist/extension.js); the heavy
 * modules re-exported by ./lazyModules.ts are a second bundle (dist/extensionLazy.js) that the
 * first hover, solve, step check or connection test loads, once, synchronously (a CommonJS
 * require of a local file: a few milliseconds, paid by the first use instead of by every window's
 * activation). Callers write `lazy().checkSteps(…)` and keep the modules' own types.
 *
 * From source (mocha + tsx) `require("./lazyModules")` loads the TypeScript module; in the build,
 * scripts/bundles.mjs rewrites that one path to the sibling bundle and keeps it out of the thin one.
 */
export type LazyModules = typeof import("./lazyModules");

let loaded: LazyModules | undefined;

export function lazy(): LazyModules {
  // A run-time require on purpose: a static import would put the heavy modules back into activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require("./lazyModules") as LazyModules);
}
