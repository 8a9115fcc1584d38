// One esbuild run per bundle. The extension, the CLI and the grading worker are Node bundles;
// the webview is a browser bundle with no access to Node or the VS Code API.
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, rmSync, existsSync, chmodSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  target: "es2022",
};

/** @type {esbuild.BuildOptions[]} */
const bundles = [
  {
    ...common,
    entryPoints: ["src/extension/main.ts"],
    outfile: "dist/extension.js",
    platform: "node",
    format: "cjs",
    // node-llama-cpp (native, ESM) is loaded at run time by the embedded engine, never bundled.
    external: ["vscode", "node-llama-cpp"],
  },
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
].filter((b) => existsSync(b.entryPoints[0]));

function copyKatexAssets() {
  // KaTeX's stylesheet and fonts are served from the extension itself (the webview CSP allows no remote source).
  const katexDist = join(dirname(require.resolve("katex/package.json")), "dist");
  rmSync("media/katex", { recursive: true, force: true });
  mkdirSync("media/katex", { recursive: true });
  cpSync(join(katexDist, "katex.min.css"), "media/katex/katex.min.css");
  cpSync(join(katexDist, "fonts"), "media/katex/fonts", { recursive: true });
}

copyKatexAssets();
if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
  console.log("watching…");
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
  if (existsSync("dist/cli.js")) chmodSync("dist/cli.js", 0o755);
}
