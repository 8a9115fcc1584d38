/**
 * Lets `import * as vscode from "vscode"` in src/ load the in-memory fake (index.ts) when unit tests run.
 * Scoped to tests: only the unit-test runner (test/support/runMocha.ts) calls this, only the bare
 * specifier `vscode` is served, only to modules of this repository's src/ and test/, and never inside
 * VS Code itself (where the real API exists). The product's bundle (esbuild, src/ only) never sees it.
 */
import Module from "node:module";
import { join, sep } from "node:path";

interface Resolver {
  _resolveFilename(
    request: string,
    parent: { filename?: string | null } | undefined,
    ...rest: unknown[]
  ): string;
}

const FAKE = join(__dirname, "index.ts");
const ROOT = join(__dirname, "..", "..", "..");
const SERVED = [join(ROOT, "src") + sep, join(ROOT, "test") + sep];
let registered = false;

export function registerVscodeFake(): void {
  if (registered) return;
  if (process.versions.electron) throw new Error("the vscode fake is for plain Node unit tests, not VS Code");
  registered = true;
  const resolver = Module as unknown as Resolver;
  const original = resolver._resolveFilename;
  resolver._resolveFilename = function (request, parent, ...rest) {
    const from = parent?.filename ?? "";
    if (request === "vscode" && SERVED.some((dir) => from.startsWith(dir))) return FAKE;
    return original.call(this, request, parent, ...rest);
  };
}
