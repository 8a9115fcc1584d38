// Where the end-to-end tests find what `scripts/test.mjs` prepared; the environment can point elsewhere.
import { existsSync } from "node:fs";
import { join } from "node:path";

export const REPO_ROOT = join(__dirname, "..", "..");
/** Screenshots of the end-to-end run; scripts/test.mjs empties it before each run. */
export const ARTIFACTS_DIR = join(REPO_ROOT, "test-artifacts", "e2e");
export const FIXTURE_WORKSPACE = join(__dirname, "fixtures", "workspace");

export function e2ePaths(): { codeServerBin: string; vsix: string } {
  const codeServerBin =
    process.env.ACEMATH_CODE_SERVER ??
    join(REPO_ROOT, ".vscode-test", "code-server", "node_modules", ".bin", "code-server");
  const vsix = process.env.ACEMATH_VSIX ?? join(REPO_ROOT, "dist-vsix", "acemath-studio.vsix");
  for (const [what, path, fix] of [
    ["code-server", codeServerBin, "scripts/setup-code-server.sh"],
    ["the packaged extension", vsix, "npm run package"],
  ] as const) {
    if (!existsSync(path))
      throw new Error(`${what} is missing at ${path}: run \`${fix}\` (npm run test:e2e does both).`);
  }
  return { codeServerBin, vsix };
}
