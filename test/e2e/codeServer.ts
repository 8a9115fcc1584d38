// Starts one code-server (VS Code for the web) per call with its own user-data and extensions folders under a
// temporary directory, so runs never share state with each other or with the developer's own setup.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { codeServerArgs } from "../../scripts/codeServerArgs.cjs";
import { e2ePaths } from "./paths";

const execFileAsync = promisify(execFile);

/** Settings every run gets: no welcome page or tips racing the test for focus, no lines wrapped mid-problem. */
const BASE_USER_SETTINGS: Record<string, unknown> = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "editor.wordWrap": "off",
  "editor.minimap.enabled": false,
  "telemetry.telemetryLevel": "off",
  // Saved on every change, so a test reads what the extension wrote from the file on disk.
  "files.autoSave": "afterDelay",
  "files.autoSaveDelay": 100,
  // A restricted-mode run must open without the modal trust prompt, which would block the workbench.
  "security.workspace.trust.startupPrompt": "never",
  "security.workspace.trust.banner": "never",
};

export interface CodeServerOptions {
  /** Copied into the temporary directory, so the tests may edit files without touching the repository. */
  workspaceTemplate: string;
  /** Merged over the base settings and written to the USER settings (application-scope settings live there). */
  userSettings: Record<string, unknown>;
  /** false: Workspace Trust stays on and the folder opens in Restricted Mode. */
  trusted: boolean;
  /** Defaults to the packaged extension from `npm run package`. */
  vsix?: string;
}

export interface CodeServer {
  /** Opens the copied workspace folder. */
  url: string;
  workspaceDir: string;
  userDataDir: string;
  writeUserSettings(settings: Record<string, unknown>): void;
  /** The extension host's log (empty until the workbench has connected). */
  extensionHostLog(): string;
  /** code-server's own stdout and stderr so far. */
  serverOutput(): string;
  close(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { codeServerBin, vsix } = e2ePaths();
  const root = mkdtempSync(join(tmpdir(), "acemath-e2e-"));
  const userDataDir = join(root, "user-data");
  const extensionsDir = join(root, "extensions");
  const workspaceDir = join(root, "workspace");
  cpSync(options.workspaceTemplate, workspaceDir, { recursive: true });
  mkdirSync(join(userDataDir, "User"), { recursive: true });
  const configFile = join(root, "config.yaml");
  writeFileSync(configFile, "");

  const settingsFile = join(userDataDir, "User", "settings.json");
  const writeUserSettings = (settings: Record<string, unknown>) =>
    writeFileSync(settingsFile, JSON.stringify({ ...BASE_USER_SETTINGS, ...settings }, null, 2));
  writeUserSettings(options.userSettings);

  await execFileAsync(
    codeServerBin,
    [
      "--extensions-dir",
      extensionsDir,
      "--user-data-dir",
      userDataDir,
      "--install-extension",
      options.vsix ?? vsix,
    ],
    { timeout: 120_000 },
  );

  const port = await freePort();
  const args = codeServerArgs({
    configFile,
    port,
    userDataDir,
    extensionsDir,
    trusted: options.trusted,
    folder: workspaceDir,
  });
  // Its own process group, so that stopping it also stops the server process and extension hosts it forks.
  const child = spawn(codeServerBin, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child, () => output);
  } catch (error) {
    await stop(child);
    throw error;
  }

  return {
    url: `${base}/?folder=${encodeURIComponent(workspaceDir)}`,
    workspaceDir,
    userDataDir,
    writeUserSettings,
    extensionHostLog: () => readExtensionHostLog(userDataDir),
    serverOutput: () => output,
    async close() {
      await stop(child);
      // Keep the folder when asked to, for reading logs after a failed run.
      if (!process.env.ACEMATH_E2E_KEEP) rmSync(root, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer on ${base} within 60 s:\n${output()}`);
}

/** SIGTERM to the process group of the pid we started, then SIGKILL if it has not exited after 5 s. */
async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup("SIGTERM");
    const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  // Extension hosts may outlive the wrapper by a moment; nothing of this run may stay behind.
  signalGroup("SIGKILL");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** UD/logs/<time>/exthost1/remoteexthost.log of the newest session. */
function readExtensionHostLog(userDataDir: string): string {
  const logs = join(userDataDir, "logs");
  let sessions: string[];
  try {
    sessions = readdirSync(logs).sort();
  } catch {
    return "";
  }
  for (const session of sessions.reverse()) {
    try {
      return readFileSync(join(logs, session, "exthost1", "remoteexthost.log"), "utf8");
    } catch {
      // This session has no extension host yet; try an older one.
    }
  }
  return "";
}
