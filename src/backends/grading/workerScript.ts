/**
 * Where the worker script is, and how to start it. From a bundle (dist/extension.js,
 * dist/cli.js) it is the sibling dist/gradeWorker.js; under mocha+tsx from source it is worker.ts
 * beside this file, started through tsx's CommonJS hook (Node 20 workers ignore `--import` hooks
 * for their entry file). An explicit path wins. The search is explicit so that a missing build
 * fails loudly instead of grading without symbolic work.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

export interface WorkerLaunch {
  script: string;
  /** TypeScript source, run through tsx. */
  fromSource: boolean;
}

export const BUNDLED_WORKER = "gradeWorker.js";
export const SOURCE_WORKER = "worker.ts";

export function resolveWorkerScript(
  explicit: string | undefined,
  directory: string = __dirname,
  exists: (path: string) => boolean = existsSync,
): WorkerLaunch {
  const candidates = explicit
    ? [explicit]
    : [join(directory, BUNDLED_WORKER), join(directory, SOURCE_WORKER)];
  const script = candidates.find(exists);
  if (!script)
    throw new Error(`grading worker not found; looked for ${candidates.join(", ")} (run the build?)`);
  return { script, fromSource: script.endsWith(".ts") };
}

export function startWorker(launch: WorkerLaunch): Worker {
  if (!launch.fromSource) return new Worker(launch.script);
  // Built from parts so that esbuild does not try to bundle tsx (only used when running from source).
  const tsx = require.resolve(["tsx", "cjs", "api"].join("/"));
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(launch.script)});`;
  return new Worker(bootstrap, { eval: true });
}
