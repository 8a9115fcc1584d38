import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import * as lazyModules from "../../../src/extension/lazyModules";
import {
  activateInFreshNode,
  buildExtensionBundles,
  type ExtensionBundles,
} from "../../support/extensionBundles";

const ROOT = join(__dirname, "..", "..", "..");

/** What scripts/bundles.mjs says activation never loads (plain JavaScript, no type declarations). */
interface LazyRules {
  LAZY_ONLY: string[];
  LAZY_ONLY_EXCEPT: string[];
  LAZY_BUNDLE: string;
}

/** Tree-shaking leaves only an exception's constants in the activation bundle (config.ts's default timeouts). */
const EXCEPTION_BYTES = 256;

const isLazyOnly = (rules: LazyRules, path: string) =>
  rules.LAZY_ONLY.some((entry) => (entry.endsWith("/") ? path.startsWith(entry) : path === entry));

const bytesOf = (inputs: Map<string, number>, rules: LazyRules) =>
  [...inputs].filter(([path, bytes]) => bytes > 0 && isLazyOnly(rules, path));

describe("activation bundle: activation loads the thin layer, the heavy modules on first use", function () {
  // Two esbuild runs of the extension (well under a second alone; more on a loaded machine).
  this.timeout(60_000);
  let rules: LazyRules;
  let built: ExtensionBundles;
  let dir: string;

  before(async () => {
    rules = (await import(pathToFileURL(join(ROOT, "scripts", "bundles.mjs")).href)) as LazyRules;
    dir = mkdtempSync(join(tmpdir(), "acemath-bundles-"));
    built = await buildExtensionBundles(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("dist/extension.js holds none of the heavy modules; dist/extensionLazy.js holds them", () => {
    const inActivation = bytesOf(built.activation.inputs, rules).filter(
      ([path, bytes]) => !(rules.LAZY_ONLY_EXCEPT.includes(path) && bytes <= EXCEPTION_BYTES),
    );
    assert.deepEqual(
      inActivation.map(([path, bytes]) => `${path} (${bytes} bytes)`),
      [],
      "a static import of a heavy module (or of a module that imports one) put it back into activation",
    );
    // Not vacuous: every entry names code that exists and that the lazy bundle carries.
    const inLazy = bytesOf(built.lazy.inputs, rules).map(([path]) => path);
    for (const entry of rules.LAZY_ONLY)
      assert.ok(
        inLazy.some((path) => (entry.endsWith("/") ? path.startsWith(entry) : path === entry)),
        `${entry} is not in the lazy bundle`,
      );
  });

  it("no class is in both bundles (two copies would fail each other's instanceof)", () => {
    // An exception brings only its constants into activation (the test above bounds its bytes).
    const both = [...built.activation.inputs].filter(
      ([path, bytes]) =>
        bytes > 0 &&
        (built.lazy.inputs.get(path) ?? 0) > 0 &&
        path.startsWith("src/") &&
        !rules.LAZY_ONLY_EXCEPT.includes(path),
    );
    assert.ok(both.length > 0, "the bundles share small pure modules (constants, text helpers)");
    const withClasses = both
      .map(([path]) => path)
      .filter((path) =>
        /^\s*(export\s+)?(abstract\s+)?class\s/m.test(readFileSync(join(ROOT, path), "utf8")),
      );
    assert.deepEqual(withClasses, []);
  });

  it("activate() loads dist/extension.js alone, and requires the lazy bundle by its file name", () => {
    const { loaded } = activateInFreshNode(built.activation.file);
    assert.deepEqual(
      loaded.map((file) => basename(file)),
      ["extension.js"],
    );
    const text = readFileSync(built.activation.file, "utf8");
    const lazyFile = basename(rules.LAZY_BUNDLE);
    assert.equal(text.split(`require("./${lazyFile}")`).length - 1, 1, `one require of ./${lazyFile}`);
    assert.equal(basename(built.lazy.file), lazyFile);
  });

  it("its modules take the VS Code API as it is: none copies the API's names at activation", () => {
    const text = readFileSync(built.activation.file, "utf8");
    const requires = text.split('require("vscode")').length - 1;
    assert.ok(requires > 10, `${requires} modules require vscode`);
    // esbuild's __toESM (minified name) around a require: a namespace or named import of the API.
    const wrapped = text.match(/[\w$]+\(require\("vscode"\)/g) ?? [];
    assert.deepEqual(wrapped, [], "every require of vscode is used as is");
  });

  it("the lazy bundle exports what lazy() promises its callers (src/extension/lazyModules.ts)", () => {
    const fromSource = Object.keys(lazyModules).sort();
    // The heavy bundle has no `vscode` import, so plain Node loads it.
    const fromBundle = Object.keys(createRequire(__filename)(built.lazy.file) as object).sort();
    assert.ok(fromSource.includes("checkSteps") && fromSource.includes("createGrader"));
    assert.deepEqual(fromBundle, fromSource);
  });
});
