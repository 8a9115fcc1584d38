// `npm run package:platform -- --target linux-x64`: the platform-specific .vsix that carries the
// embedded engine's runtime. The universal .vsix (`npm run package`) stays small and has no native
// code: there the embedded engine reports that its runtime is missing. This one adds node-llama-cpp,
// its production dependencies and ONLY the CPU binary package for the target (no CUDA or Vulkan
// builds, which weigh hundreds of MB). See ARCHITECTURE.md, "Embedded engine".
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { packageExtension } from "./package.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** VS Code's platform targets → node-llama-cpp's CPU binary package for it. */
export const BINARY_PACKAGES = {
  "linux-x64": "@node-llama-cpp/linux-x64",
  "linux-arm64": "@node-llama-cpp/linux-arm64",
  "linux-armhf": "@node-llama-cpp/linux-armv7l",
  "darwin-x64": "@node-llama-cpp/mac-x64",
  "darwin-arm64": "@node-llama-cpp/mac-arm64-metal",
  "win32-x64": "@node-llama-cpp/win-x64",
  "win32-arm64": "@node-llama-cpp/win-arm64",
};

function packageDir(name, from) {
  // Node's resolution: the nearest node_modules/<name> walking up from the requiring package.
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

/** The package folders the engine needs at run time: node-llama-cpp, its dependencies, the binary. */
export function engineClosure(target) {
  const binary = BINARY_PACKAGES[target];
  if (!binary)
    throw new Error(`unknown target "${target}"; one of ${Object.keys(BINARY_PACKAGES).join(", ")}`);
  const seen = new Set();
  const queue = [packageDir("node-llama-cpp", root), packageDir(binary, root)];
  if (!queue[1])
    throw new Error(`${binary} is not installed here; install it (npm install --no-save ${binary}) first`);
  while (queue.length > 0) {
    const dir = queue.shift();
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      const found = packageDir(name, dir);
      if (!found) throw new Error(`${name} (needed by ${manifest.name}) is not installed`);
      queue.push(found);
    }
  }
  return [...seen].map((dir) => relative(root, dir)).sort();
}

export function packagePlatform(target, { build = true } = {}) {
  const closure = engineClosure(target);
  if (build) packageExtension();
  const stage = join(root, "dist-platform", target);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of ["dist", "media", "README.md", "LICENSE", "CHANGELOG.md"])
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
  for (const dir of closure)
    cpSync(join(root, dir), join(stage, dir), { recursive: true, dereference: true });
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  delete manifest.devDependencies;
  // vsce copies node_modules only for listed dependencies (through `npm list --production`).
  manifest.dependencies = { "node-llama-cpp": manifest.optionalDependencies["node-llama-cpp"] };
  delete manifest.optionalDependencies;
  delete manifest.scripts;
  writeFileSync(join(stage, "package.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(join(stage, ".vscodeignore"), "**/*.map\n**/*.md\n!README.md\n");
  const out = join(root, "dist-vsix", `acemath-studio-${target}.vsix`);
  rmSync(out, { force: true });
  const vsce = createRequire(import.meta.url).resolve("@vscode/vsce/vsce");
  const args = ["package", "--target", target, "--no-rewrite-relative-links", "--out", out];
  execFileSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: ["ignore", "inherit", "inherit"] });
  console.log(
    `packaged ${relative(root, out)} (${Math.round(statSync(out).size / 1024)} KiB, ${closure.length} packages)`,
  );
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      target: { type: "string", default: "linux-x64" },
      "no-build": { type: "boolean", default: false },
    },
  });
  try {
    packagePlatform(values.target, { build: !values["no-build"] });
  } catch (error) {
    console.error(
      `platform packaging failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
    process.exit(1);
  }
}
