// The esbuild options of every bundle, one home for scripts/build.mjs, the activation bench
// (bench/uiMetrics.ts) and the activation bundle's test (test/unit/scripts/activationBundle.test.ts).
// The extension is two Node bundles: dist/extension.js, what activation loads (the thin layer on the
// vscode API), and dist/extensionLazy.js, the heavy modules it loads on first use
// (src/extension/lazy.ts). The CLI and the grading worker are Node bundles; the webview and the side
// panel are browser bundles with no access to Node or the VS Code API.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The thin layer's only way to the heavy modules: `require("./lazyModules")` in src/extension/lazy.ts. */
export const LAZY_SPECIFIER = "./lazyModules";
export const LAZY_ENTRY = "src/extension/lazyModules.ts";
export const ACTIVATION_BUNDLE = "dist/extension.js";
export const LAZY_BUNDLE = "dist/extensionLazy.js";

/**
 * What activation never loads: these modules are in dist/extensionLazy.js only. Read by the lazy-loading
 * rule of eslint.config.mjs (src/extension imports them for types only, values through lazy.ts) and
 * by test/unit/scripts/activationBundle.test.ts (the built activation bundle holds none of them).
 * A folder ends with "/".
 */
export const LAZY_ONLY = [
  "src/core/check/",
  "src/core/steps/",
  "src/core/grading/",
  "src/core/solve/pipeline.ts",
  "src/core/backend/fallbackPolicy.ts",
  "src/backends/grading/",
  "src/backends/http/",
  "src/backends/embedded/download.ts",
  "src/backends/embedded/embeddedPolicy.ts",
  "src/backends/embedded/runtime.ts",
];
/** In a LAZY_ONLY folder, but activation may read it: only constants and types (config.ts: DEFAULT_TIMEOUTS). */
export const LAZY_ONLY_EXCEPT = ["src/backends/http/transport.ts"];

/**
 * Keeps the lazy modules out of the activation bundle: lazy.ts's require stays a run-time require of
 * the sibling bundle, which is built from the same modules as its own entry.
 * @type {import("esbuild").Plugin}
 */
export const lazySplit = {
  name: "acemath-lazy-split",
  setup(build) {
    const escaped = LAZY_SPECIFIER.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    build.onResolve({ filter: new RegExp(`^${escaped}$`) }, (args) =>
      args.importer.endsWith("src/extension/lazy.ts")
        ? { path: `./${LAZY_BUNDLE.split("/").pop()}`, external: true }
        : undefined,
    );
  },
};

/**
 * @param {{ production?: boolean }} options
 * @returns {import("esbuild").BuildOptions[]}
 */
export function bundleOptions({ production = false } = {}) {
  const common = {
    bundle: true,
    sourcemap: !production,
    minify: production,
    logLevel: "warning",
    target: "es2022",
  };
  // node-llama-cpp (native, ESM) is loaded at run time by the embedded engine, never bundled.
  const extension = { ...common, platform: "node", format: "cjs", external: ["vscode", "node-llama-cpp"] };
  /** @type {import("esbuild").BuildOptions[]} */
  const bundles = [
    {
      ...extension,
      entryPoints: ["src/extension/main.ts"],
      outfile: ACTIVATION_BUNDLE,
      plugins: [lazySplit],
    },
    { ...extension, entryPoints: [LAZY_ENTRY], outfile: LAZY_BUNDLE },
    {
      ...common,
      entryPoints: ["src/cli/main.ts"],
      outfile: "dist/cli.js",
      platform: "node",
      format: "cjs",
      external: ["node-llama-cpp"],
      banner: { js: "#!/usr/bin/env node" },
    },
    {
      ...common,
      entryPoints: ["src/backends/grading/worker.ts"],
      outfile: "dist/gradeWorker.js",
      platform: "node",
      format: "cjs",
    },
    {
      ...common,
      entryPoints: ["src/webview/main.ts"],
      outfile: "dist/webview.js",
      platform: "browser",
      format: "iife",
    },
    {
      ...common,
      entryPoints: ["src/webview/side/main.ts"],
      outfile: "dist/sideview.js",
      platform: "browser",
      format: "iife",
    },
  ];
  return bundles.filter((b) => existsSync(root + /** @type {string[]} */ (b.entryPoints)[0]));
}
