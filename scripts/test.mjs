// `npm test`: the unit suites (plain Node), then the end-to-end suites in a real VS Code (code-server).
//   --unit        unit suites only
//   --e2e         end-to-end suites only (builds, packages and sets up code-server first)
//   --grep RE     only tests whose full title matches
// Each suite runs in its own process (test/support/runMocha.ts). The last line printed is the one CI reads:
// "N passed, N failed" (", N skipped" when some were). Exit status: non-zero when a test failed, a suite
// crashed, or no test ran at all.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { packageExtension, setupCodeServer } from "./package.mjs";
import { packagePlatform } from "./package-platform.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: flags } = parseArgs({
  options: { unit: { type: "boolean" }, e2e: { type: "boolean" }, grep: { type: "string" } },
});
const runUnit = flags.unit || !flags.e2e;
const runE2e = flags.e2e || !flags.unit;

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Suites that ended without reporting their counts, or whose process failed with no failed test. */
const crashed = [];
const summaries = mkdtempSync(join(tmpdir(), "acemath-test-"));

/** Spec files under `dir` whose names end with `suffix`, in a stable order. */
function findSpecs(dir, suffix) {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(suffix) && !file.split("/").includes("fixtures"))
    .map((file) => relative(root, join(absolute, file)))
    .sort();
}

function runSuite(name, files, { timeoutMs, suiteLimitMs, env = {} }) {
  console.log(`\n=== ${name}: ${files.length} spec file(s) ===`);
  if (files.length === 0) return Promise.resolve();
  const summaryFile = join(summaries, `${name}.json`);
  const args = [
    "--import",
    "tsx",
    "test/support/runMocha.ts",
    "--summary",
    summaryFile,
    "--timeout",
    String(timeoutMs),
  ];
  if (flags.grep) args.push("--grep", flags.grep);
  const child = spawn(process.execPath, [...args, ...files], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env },
  });
  // A suite that hangs (a stuck hook, a process that never exits) must not hold CI until its own timeout.
  const watchdog = setTimeout(() => child.kill("SIGKILL"), suiteLimitMs);
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      clearTimeout(watchdog);
      const status = signal ?? `exit ${code}`;
      if (!existsSync(summaryFile)) {
        crashed.push(`${name} (${status}, no results)`);
        return resolve();
      }
      const counts = JSON.parse(readFileSync(summaryFile, "utf8"));
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      totals.skipped += counts.skipped;
      if (code !== 0 && counts.failed === 0) crashed.push(`${name} (${status} with no failed test)`);
      resolve();
    });
  });
}

/** Builds and packages the extension and installs code-server; returns the environment the e2e suite reads. */
function prepareE2e() {
  rmSync(join(root, "test-artifacts", "e2e"), { recursive: true, force: true });
  const vsix = packageExtension();
  // The embedded engine's end-to-end test installs the platform package (its native runtime inside).
  const platformVsix = packagePlatform(`${process.platform}-${process.arch}`, { build: false });
  const codeServer = setupCodeServer();
  return { ACEMATH_VSIX: vsix, ACEMATH_PLATFORM_VSIX: platformVsix, ACEMATH_CODE_SERVER: codeServer };
}

const started = Date.now();
if (runUnit)
  await runSuite("unit", findSpecs("test/unit", ".test.ts"), {
    timeoutMs: 10_000,
    suiteLimitMs: 10 * 60_000,
  });
if (runE2e) {
  const specs = findSpecs("test/e2e", ".e2e.ts");
  let env;
  try {
    if (specs.length > 0) env = prepareE2e();
  } catch (error) {
    console.error(
      `\ncould not prepare the end-to-end run: ${error instanceof Error ? error.message : error}`,
    );
    crashed.push("e2e (preparation failed)");
  }
  // Generous per-test limit: a test starts VS Code in chromium on a small shared machine.
  if (env || specs.length === 0)
    await runSuite("e2e", specs, { timeoutMs: 240_000, suiteLimitMs: 20 * 60_000, env });
}
rmSync(summaries, { recursive: true, force: true });

const ran = totals.passed + totals.failed;
console.log(`\nfinished in ${Math.round((Date.now() - started) / 1000)} s`);
for (const suite of crashed) console.log(`CRASHED: ${suite}`);
if (ran === 0)
  console.log("NO TESTS RAN: no spec file was found or every suite crashed before running a test.");
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ""}`,
);
process.exitCode = totals.failed > 0 || crashed.length > 0 || ran === 0 ? 1 : 0;
