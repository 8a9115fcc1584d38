// One code-server plus one browser page on it, started for a describe block and closed after it.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  solveChats,
  startSimulator,
  type RecordedRequest,
  type SimOptions,
  type SimServer,
} from "../sim/server";
import { startCodeServer, type CodeServer } from "./codeServer";
import { FIXTURE_WORKSPACE } from "./paths";
import { PROBLEM_FILE, problemLine } from "./problem";
import { SolvePanel } from "./solvePanel";
import { waitUntil } from "./wait";
import { Workbench } from "./workbench";

export interface SessionOptions {
  /** Merged into the user settings, where the extension's application-scope endpoint settings live. */
  userSettings: Record<string, unknown>;
  /** Written to the workspace's .vscode/settings.json before VS Code opens the folder. */
  workspaceSettings?: Record<string, unknown>;
  trusted: boolean;
  /** Another package than the universal .vsix (the platform package with the embedded engine). */
  vsix?: string;
}

export interface Session {
  server: CodeServer;
  workbench: Workbench;
  panel: SolvePanel;
  close(): Promise<void>;
}

export const EXTENSION_ID = "acemath.acemath-studio";

/** Settings that point the extension at a simulator (8 samples, as the scenario asks). */
export function settingsFor(sim: { policyBaseUrl: string; rewardBaseUrl: string }): Record<string, unknown> {
  return {
    "acemath.policy.baseUrl": sim.policyBaseUrl,
    "acemath.reward.baseUrl": sim.rewardBaseUrl,
    "acemath.samples": 8,
  };
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const server = await startCodeServer({
    workspaceTemplate: FIXTURE_WORKSPACE,
    userSettings: options.userSettings,
    trusted: options.trusted,
    ...(options.vsix ? { vsix: options.vsix } : {}),
  });
  try {
    if (options.workspaceSettings) {
      mkdirSync(join(server.workspaceDir, ".vscode"), { recursive: true });
      writeFileSync(
        join(server.workspaceDir, ".vscode", "settings.json"),
        JSON.stringify(options.workspaceSettings, null, 2),
      );
    }
    const workbench = await Workbench.open(server.url);
    return {
      server,
      workbench,
      panel: new SolvePanel(workbench.webview(EXTENSION_ID), workbench.page),
      async close() {
        await workbench.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Starts from a clean editor area, opens the fixture problem, selects its text and runs AceMath: Solve. */
export async function solveFixtureProblem(session: Session): Promise<void> {
  const { workbench, server } = session;
  // Old notifications would be mistaken for this solve's errors; an old panel for this solve's panel.
  await workbench.runCommand("Notifications: Clear All Notifications");
  await workbench.runCommand("View: Close All Editors");
  await workbench.openFile(PROBLEM_FILE);
  const line = problemLine(server.workspaceDir);
  await workbench.selectLines(line, line);
  await workbench.runCommand("AceMath: Solve");
}

/**
 * Solves the fixture problem against a slow simulator and returns its solve stream's record once some
 * text has streamed into a candidate, so there is something partial to keep when the test interrupts it.
 */
export async function solveUntilPartialText(session: Session, sim: SimServer): Promise<RecordedRequest> {
  const { panel } = session;
  await solveFixtureProblem(session);
  await panel.waitForStatus("running", 60_000);
  await panel.frame
    .locator(".candidate .solution")
    .filter({ hasText: /\S/ })
    .first()
    .waitFor({ timeout: 60_000 });
  return waitUntil("the chat request to reach the simulator", () => solveChats(sim)[0]);
}

/** Resolves once the extension host has activated the extension (the log line VS Code writes then). */
export function waitForActivation(session: Session, timeoutMs = 60_000): Promise<true> {
  return waitUntil(
    `${EXTENSION_ID} to activate (see the extension host log)`,
    () => session.server.extensionHostLog().includes(`ExtensionService#_doActivateExtension ${EXTENSION_ID}`),
    timeoutMs,
  );
}

/**
 * Registers an afterEach hook in the calling describe block that screenshots the page after every test,
 * passed or failed, as test-artifacts/e2e/<test title>-<state>.png.
 */
export function screenshotAfterEach(session: () => Session | undefined): void {
  afterEach(async function () {
    const test = this.currentTest;
    const current = session();
    if (!test || !current) return;
    const name = `${test.title.slice(0, 80)}-${test.state ?? "unknown"}`;
    const path = await current.workbench.screenshot(name).catch(() => null);
    if (path && test.state === "failed") console.log(`      screenshot: ${path}`);
  });
}

export interface SimSession {
  sim(): SimServer;
  session(): Session;
}

/**
 * The usual describe-block lifecycle: a simulator, a trusted code-server session pointed at it (plus
 * `extraUserSettings`, in place before VS Code starts),
 * screenshots after every test, and both closed at the end.
 */
export function useSimSession(
  simOptions: SimOptions = {},
  extraUserSettings: Record<string, unknown> = {},
): SimSession {
  let sim: SimServer | undefined;
  let session: Session | undefined;
  before(async function () {
    sim = await startSimulator({ port: 0, ...simOptions });
    session = await openSession({
      trusted: true,
      userSettings: { ...settingsFor(sim), ...extraUserSettings },
    });
  });
  after(async function () {
    await session?.close();
    await sim?.close();
  });
  screenshotAfterEach(() => session);
  return {
    sim: () => sim ?? fail("the simulator did not start"),
    session: () => session ?? fail("the code-server session did not start"),
  };
}

function fail(message: string): never {
  throw new Error(message);
}
