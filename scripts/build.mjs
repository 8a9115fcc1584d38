// One esbuild run per bundle; what each bundle is, is in scripts/bundles.mjs.
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, rmSync, existsSync, chmodSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { bundleOptions } from "./bundles.mjs";

const require = createRequire(import.meta.url);
const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

const bundles = bundleOptions({ production });

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
