// `npm run typecheck`: one strict TypeScript program per target, so each target sees only the globals it
// runs with (ARCHITECTURE.md, "Invariants"): the core neither the DOM nor Node, the webview no Node, and
// so on. tsconfig.json (what `tsc -p .` and editors use) checks everything together, with the tests.
// Every program runs even when one fails, so one run lists all the errors.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const targets = ["core", "backends", "webview", "extension", "cli", "tests"];

const failed = targets.filter((target) => {
  const project = target === "tests" ? "tsconfig.json" : `tsconfig.${target}.json`;
  const { status } = spawnSync(process.execPath, [tsc, "--noEmit", "-p", project], {
    cwd: root,
    stdio: "inherit",
  });
  console.log(`typecheck ${target} (${project}): ${status === 0 ? "ok" : "FAILED"}`);
  return status !== 0;
});
process.exit(failed.length === 0 ? 0 : 1);
