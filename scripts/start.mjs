/* global fetch, AbortSignal */
// `npm start`: the extension in a real VS Code in your browser, with no VS Code download.
// Builds and packages the extension, installs code-server (scripts/setup-code-server.sh), installs the
// package into a persistent profile under .vscode-test/start/, and serves the examples/ folder.
//   npm start                  uses your AceMath settings (defaults: a local vLLM on :8000 and :8001)
//   npm start -- --sim         also starts the SIMULATED backend and points the settings at it while running
//   npm start -- --port 8081   serve the workbench on another port (default 8080)
//   npm start -- --gguf F.gguf solve offline with the embedded llama.cpp engine and this model
// With no --sim and no policy server answering, it offers the embedded engine (on a terminal, asking
// before it downloads the default model, about 1.1 GB).
// Ctrl-C stops everything (and, with --sim, puts your settings back as they were).
import { codeServerArgs } from "./codeServerArgs.cjs";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { packageExtension, setupCodeServer } from "./package.mjs";
import { BINARY_PACKAGES, packagePlatform } from "./package-platform.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: flags } = parseArgs({
  options: {
    sim: { type: "boolean" },
    port: { type: "string", default: "8080" },
    folder: { type: "string" },
    gguf: { type: "string" },
  },
});
const port = Number(flags.port);
const profile = join(root, ".vscode-test", "start");
const userDataDir = join(profile, "user-data");
const extensionsDir = join(profile, "extensions");
const settingsFile = join(userDataDir, "User", "settings.json");
const folder = flags.folder ?? [join(root, "examples"), root].find((dir) => existsSync(dir));

/** Processes to stop and files to restore on exit, last first. */
const cleanups = [];

function isPortFree(candidate) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(candidate, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function pickPort(preferred) {
  if (await isPortFree(preferred)) return preferred;
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: free } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return free;
}

/** Starts a child in its own process group, so that stopping it also stops what it forks. */
function startChild(command, args, name) {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], detached: true });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`\n${name} exited (${signal ?? code}); stopping.`);
      void stop(1);
    }
  });
  cleanups.push(() => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  });
  return child;
}

async function waitForHttp(url, what) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer on ${url} within 60 s`);
}

/** The user settings of the start profile, or null when the file is not plain JSON (then left alone). */
function readUserSettings() {
  const original = existsSync(settingsFile) ? readFileSync(settingsFile, "utf8") : null;
  try {
    return { original, current: original && original.trim() !== "" ? JSON.parse(original) : {} };
  } catch {
    return { original, current: null };
  }
}

/**
 * The first thing a new user sees: the examples' README (what to try, in which file), not VS Code's
 * generic Get Started page nor a prompt about the repository around examples/. Kept in the profile;
 * what the user chose there is not overridden.
 */
const FIRST_RUN_SETTINGS = {
  "workbench.startupEditor": "readme",
  "git.openRepositoryInParentFolders": "never",
};

function openOnTheExamples() {
  mkdirSync(dirname(settingsFile), { recursive: true });
  const { current } = readUserSettings();
  if (current === null) return;
  const missing = Object.entries(FIRST_RUN_SETTINGS).filter(([key]) => !(key in current));
  if (missing.length === 0) return;
  writeFileSync(settingsFile, JSON.stringify({ ...current, ...Object.fromEntries(missing) }, null, 2));
}

/** Points the user settings at the simulator until exit; a settings file we cannot parse is left alone. */
function useSimulatorSettings(policyPort, rewardPort) {
  const simSettings = {
    "acemath.policy.baseUrl": `http://127.0.0.1:${policyPort}/v1`,
    "acemath.reward.baseUrl": `http://127.0.0.1:${rewardPort}`,
  };
  mkdirSync(dirname(settingsFile), { recursive: true });
  const original = existsSync(settingsFile) ? readFileSync(settingsFile, "utf8") : null;
  let current = {};
  try {
    current = original && original.trim() !== "" ? JSON.parse(original) : {};
  } catch {
    console.warn(
      `${settingsFile} is not plain JSON; add these user settings yourself:\n${JSON.stringify(simSettings, null, 2)}`,
    );
    return;
  }
  writeFileSync(settingsFile, JSON.stringify({ ...current, ...simSettings }, null, 2));
  cleanups.push(() =>
    original === null ? writeFileSync(settingsFile, "{}\n") : writeFileSync(settingsFile, original),
  );
}

const DEFAULT_POLICY_URL = "http://127.0.0.1:8000/v1";

async function policyAnswers() {
  const { current } = readUserSettings();
  const url = (current?.["acemath.policy.baseUrl"] ?? DEFAULT_POLICY_URL).split(",")[0].replace(/\/+$/, "");
  try {
    const response = await fetch(`${url}/models`, { signal: AbortSignal.timeout(2000) });
    return { url, answers: response.status < 500 };
  } catch {
    return { url, answers: false };
  }
}

async function ask(question) {
  if (!process.stdin.isTTY) return false;
  const { createInterface } = await import("node:readline/promises");
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

/**
 * No server and no --sim: offer the embedded engine. The default model is downloaded only after the
 * user said yes to a question naming its size and source (the CLI's fetch-model does the download).
 * Returns the model path to configure, or null to go on with the server settings as they are.
 */
async function offerEmbeddedEngine() {
  if (flags.gguf) return flags.gguf;
  const { url, answers } = await policyAnswers();
  if (answers) return null;
  const yes = await ask(
    `No policy server answers at ${url}. Solve offline on this computer's CPU with the embedded engine?\n` +
      "It downloads AceMath-1.5B-Instruct (Q4_K_M, about 1.1 GB) from huggingface.co once.",
  );
  if (!yes) {
    console.log(
      "Going on without a model: start your servers, or run `npm start -- --sim` for the simulated backend.",
    );
    return null;
  }
  const path = execFileSync(process.execPath, [join(root, "dist", "cli.js"), "fetch-model", "--yes"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  }).trim();
  return path || null;
}

function platformTarget() {
  const arch = process.arch === "arm" ? "armhf" : process.arch;
  const target = `${process.platform}-${arch}`;
  if (!(target in BINARY_PACKAGES)) throw new Error(`the embedded engine has no build for ${target}`);
  return target;
}

function useEmbeddedSettings(modelPath) {
  const { current } = readUserSettings();
  const settings = { "acemath.embedded.enabled": true, "acemath.embedded.modelPath": modelPath };
  if (current === null) {
    console.warn(
      `${settingsFile} is not plain JSON; add these user settings yourself:\n${JSON.stringify(settings, null, 2)}`,
    );
    return;
  }
  writeFileSync(settingsFile, JSON.stringify({ ...current, ...settings }, null, 2));
}

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.reverse()) cleanup();
  process.exit(code);
}
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));

try {
  if (!(await isPortFree(port)))
    throw new Error(`port ${port} is in use: pass another with \`npm start -- --port N\``);
  let vsix = packageExtension();
  const embeddedModel = flags.sim ? null : await offerEmbeddedEngine();
  // The embedded engine's native runtime ships only in the platform-specific package.
  if (embeddedModel) vsix = packagePlatform(platformTarget(), { build: false });
  const codeServer = setupCodeServer();
  // code-server creates neither folder's parents itself.
  mkdirSync(join(userDataDir, "User"), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  openOnTheExamples();
  if (embeddedModel) useEmbeddedSettings(embeddedModel);
  // --force replaces the previous build of the same version.
  execFileSync(
    codeServer,
    [
      "--user-data-dir",
      userDataDir,
      "--extensions-dir",
      extensionsDir,
      "--install-extension",
      vsix,
      "--force",
    ],
    {
      stdio: ["ignore", "inherit", "inherit"],
    },
  );

  if (flags.sim) {
    const policyPort = await pickPort(8000);
    const rewardPort = await pickPort(policyPort === 8000 ? 8001 : 0);
    startChild(
      process.execPath,
      [
        "--import",
        "tsx",
        "test/sim/main.ts",
        "--port",
        String(policyPort),
        "--reward-port",
        String(rewardPort),
      ],
      "the simulated backend",
    );
    await waitForHttp(`http://127.0.0.1:${policyPort}/health`, "the simulated backend");
    useSimulatorSettings(policyPort, rewardPort);
  }

  const configFile = join(profile, "code-server-config.yaml");
  writeFileSync(configFile, "");
  startChild(
    codeServer,
    codeServerArgs({ configFile, port, userDataDir, extensionsDir, trusted: true, folder }),
    "code-server",
  );
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, "code-server");
  console.log("\n================================================================");
  console.log(` AceMath Studio is running in VS Code (code-server). Open:`);
  console.log(`   http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  console.log(
    flags.sim
      ? " Backend: SIMULATED (replayed real solutions; no model runs)."
      : embeddedModel
        ? ` Backend: the EMBEDDED engine (CPU, ${embeddedModel}) when no policy server answers.`
        : " Backend: your acemath.* user settings.",
  );
  console.log(` On a remote machine, forward the port first: ssh -L ${port}:127.0.0.1:${port} HOST`);
  console.log(" Ctrl-C stops everything.");
  console.log("================================================================\n");
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  await stop(1);
}
