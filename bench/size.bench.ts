/**
 * Package sizes: the extension's main bundle (what activation loads, dist/extension.js) and the
 * packaged .vsix, from a fresh production build and package (`npm run package`). That writes dist/ and
 * dist-vsix/: run `npm run bench` under the shared build lock (bench/README.md). `--no-build` measures
 * what is there. Prints; `--json` adds bundle_kb and vsix_kb as one JSON object on the last line.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { printJson } from "./support";

const ROOT = join(__dirname, "..");
const VSIX = join(ROOT, "dist-vsix", "acemath-studio.vsix");
const kib = (path: string) => statSync(path).size / 1024;

function main(): void {
  if (!process.argv.includes("--no-build"))
    execFileSync(process.execPath, [join(ROOT, "scripts", "package.mjs")], { cwd: ROOT, stdio: "ignore" });
  const dist = join(ROOT, "dist");
  for (const file of readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .sort())
    console.log(`dist/${file.padEnd(20)} ${kib(join(dist, file)).toFixed(0).padStart(6)} KiB`);
  const metrics = { bundle_kb: kib(join(dist, "extension.js")), vsix_kb: kib(VSIX) };
  console.log(`${"dist-vsix/acemath-studio.vsix".padEnd(25)} ${metrics.vsix_kb.toFixed(0).padStart(6)} KiB`);
  printJson(metrics);
}

main();
