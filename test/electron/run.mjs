// `npm run test:electron`: the extension's in-editor suite in a real desktop VS Code, through
// @vscode/test-electron. It DOWNLOADS VS Code (into .vscode-test/), so it needs internet access; machines
// without it use the code-server suites of `npm test` instead. VSCODE_VERSION picks the build (default stable).
import { runTests } from "@vscode/test-electron";
import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/cjs/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const outDir = join(root, "out", "test-electron");

// The simulator and the fixture helpers are TypeScript test code; tsx lets this script load them.
register();
const require = createRequire(import.meta.url);
const { startSimulator } = require("../sim/server.ts");
const fixture = require("../e2e/problem.ts");
const { FIXTURE_WORKSPACE } = require("../e2e/paths.ts");

execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
// Each test file becomes its own bundle so that mocha loads it after defining describe/it.
await esbuild.build({
  entryPoints: [
    join(import.meta.dirname, "suite", "index.ts"),
    join(import.meta.dirname, "suite", "solve.test.ts"),
  ],
  outdir: outDir,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "es2022",
  external: ["vscode", "mocha"],
  logLevel: "warning",
});

const temp = mkdtempSync(join(tmpdir(), "acemath-electron-"));
const workspace = join(temp, "workspace");
cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
const sim = await startSimulator({ port: 0 });
// The endpoint settings are application-scoped, so they go into the user settings of a fresh profile.
const userDataDir = join(temp, "user-data");
mkdirSync(join(userDataDir, "User"), { recursive: true });
writeFileSync(
  join(userDataDir, "User", "settings.json"),
  JSON.stringify({
    "acemath.policy.baseUrl": sim.policyBaseUrl,
    "acemath.reward.baseUrl": sim.rewardBaseUrl,
    "acemath.samples": 8,
    "workbench.startupEditor": "none",
  }),
);

let exitCode = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? "stable",
    extensionDevelopmentPath: root,
    extensionTestsPath: join(outDir, "index.js"),
    launchArgs: [
      workspace,
      "--user-data-dir",
      userDataDir,
      "--disable-extensions",
      "--disable-workspace-trust",
      "--skip-welcome",
    ],
    extensionTestsEnv: {
      ACEMATH_TEST_PROBLEM_FILE: join(workspace, fixture.PROBLEM_FILE),
      ACEMATH_TEST_PROBLEM: fixture.fixtureProblemText(),
      ACEMATH_TEST_EXPECTED_ANSWER: fixture.answerOfBestRewardedSolution(fixture.fixtureRecord()),
    },
  });
  const chat = sim.requests.filter((r) => r.path === "/v1/chat/completions");
  if (chat.length === 0) throw new Error("the simulator saw no chat request");
} catch (error) {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await sim.close();
  rmSync(temp, { recursive: true, force: true });
}
process.exit(exitCode);
