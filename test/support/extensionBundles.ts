/**
 * The extension's two bundles (scripts/bundles.mjs: dist/extension.js, what activation loads, and
 * dist/extensionLazy.js, loaded on first use), built in process into a folder of one's own, with
 * esbuild's metafile, and activated in a fresh Node process with a stub `vscode`: for the activation
 * bundle's test and the activation bench, which must measure what the build ships rather than a bundle
 * of their own making.
 */
import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(__dirname, "..", "..");

/** What scripts/bundles.mjs exports (plain JavaScript, no type declarations). */
interface BundleScript {
  bundleOptions(options: { production?: boolean }): esbuild.BuildOptions[];
  ACTIVATION_BUNDLE: string;
  LAZY_BUNDLE: string;
}

export interface BuiltBundle {
  file: string;
  /** Source files (relative to the repository) with the bytes each put in the bundle. */
  inputs: Map<string, number>;
}

export interface ExtensionBundles {
  activation: BuiltBundle;
  lazy: BuiltBundle;
}

async function bundleScript(): Promise<BundleScript> {
  return (await import(pathToFileURL(join(ROOT, "scripts", "bundles.mjs")).href)) as BundleScript;
}

/** Builds both extension bundles, minified as `npm run package` does, into `outDir` (same file names). */
export async function buildExtensionBundles(outDir: string): Promise<ExtensionBundles> {
  const script = await bundleScript();
  const wanted = [script.ACTIVATION_BUNDLE, script.LAZY_BUNDLE];
  const options = script.bundleOptions({ production: true }).filter((o) => wanted.includes(o.outfile ?? ""));
  const built = await Promise.all(
    options.map(async (o) => {
      const file = join(outDir, basename(o.outfile ?? ""));
      const result = await esbuild.build({ ...o, absWorkingDir: ROOT, outfile: file, metafile: true });
      const output = Object.values(result.metafile.outputs)[0];
      const inputs = new Map(Object.entries(output?.inputs ?? {}).map(([p, i]) => [p, i.bytesInOutput]));
      return { file, inputs };
    }),
  );
  const [activation, lazy] = built;
  if (!activation || !lazy) throw new Error(`scripts/bundles.mjs lacks ${wanted.join(" or ")}`);
  return { activation, lazy };
}

/**
 * A `vscode` module for activating the bundle outside VS Code: each name is a callable stub that
 * returns another stub. It has the real API's top-level names (those @types/vscode declares), so that
 * a module that copies them all (esbuild's `__toESM` of a namespace import) costs here what it costs
 * in the extension host.
 */
function vscodeStub(): string {
  const declarations = readFileSync(join(ROOT, "node_modules", "@types", "vscode", "index.d.ts"), "utf8");
  const names = [
    ...new Set(
      [...declarations.matchAll(/^\texport (?:namespace|class|enum|const|let|function) (\w+)/gm)].map(
        (m) => m[1],
      ),
    ),
  ];
  return `
const stub = () => {
  const own = new Map();
  return new Proxy(function () {}, {
    get: (target, key) => {
      if (key === "then") return undefined;
      if (key === Symbol.toPrimitive) return () => "";
      if (!own.has(key)) own.set(key, stub());
      return own.get(key);
    },
    set: (target, key, value) => (own.set(key, value), true),
    apply: () => stub(),
    construct: () => stub(),
  });
};
const names = ${JSON.stringify(names)};
// A plain object, as the extension host's API is (the extension typechecks against those names).
module.exports = Object.fromEntries(names.map((name) => [name, stub()]));
`;
}

export interface FreshActivation {
  /** require(bundle) + activate(context), in milliseconds. */
  ms: number;
  /** The files of the bundle's folder that activation loaded (the stub `vscode` aside). */
  loaded: string[];
}

/** `require(bundle).activate(context)` in a fresh Node process whose `vscode` is a stub. */
export function activateInFreshNode(bundle: string): FreshActivation {
  const dir = dirname(bundle);
  const stub = join(dir, "vscode-stub.js");
  writeFileSync(stub, vscodeStub());
  const probe = `
const Module = require("module");
const load = Module._load;
Module._load = (name, ...rest) => name === "vscode" ? load(${JSON.stringify(stub)}, ...rest) : load(name, ...rest);
const context = { subscriptions: [], extensionUri: {}, extensionPath: ${JSON.stringify(ROOT)}, globalState: { get() {}, update() {} }, workspaceState: { get() {}, update() {} }, secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => ({ dispose() {} }) }, globalStorageUri: {}, storageUri: {}, logUri: {} };
const t0 = performance.now();
require(${JSON.stringify(bundle)}).activate(context);
const ms = performance.now() - t0;
const loaded = Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(dir)}) && f !== ${JSON.stringify(stub)});
console.log(JSON.stringify({ ms, loaded }));
process.exit(0);
`;
  const lines = execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }).trim().split("\n");
  return JSON.parse(lines.at(-1) ?? "{}") as FreshActivation;
}
