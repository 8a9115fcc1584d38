/**
 * Activation: one table of commands, one log channel, one status bar item. Activation failures
 * are caught and shown, because VS Code does not show a notification when an extension fails to
 * activate.
 */
import vscode = require("vscode");
import type { Grader } from "../core/grading";
import type { AnswerGrouper } from "../core/solve/ranking";
import { EndpointBackends } from "./backends";
import { EmbeddedEngine } from "./embedded/embeddedEngine";
import { registerAnswerChecking } from "./hover/register";
import { testConnection } from "./connection/testConnection";
import { openEvalReport } from "./evalReport/openEvalReport";
import { lazy } from "./lazy";
import { readLimitSettings, readRankingPolicy, readSamplingSettings } from "./config";
import { log } from "./log";
import { showInfo, showInternalError } from "./notifications";
import { ApiKeyStore } from "./secrets";
import { SolveHistory } from "./history/solveHistory";
import { sideHistoryOf } from "./sidePanel/historyAdapter";
import { registerSidePanel } from "./sidePanel/register";
import { SolveController } from "./solve/solveController";
import { problemSpans } from "./solve/problemSpans";
import { registerSolvePanelSerializer } from "./solve/solvePanel";
import { FocusTracker } from "./solve/focusTracker";
import { resolveSolveTarget } from "./solve/target";
import { registerNotebookSupport } from "./notebook/register";
import { StatusBar } from "./statusBar";

/** What the commands share; created once per activation. */
interface Services {
  apiKeys: ApiKeyStore;
  /** One long-lived backend per endpoint, rebuilt only when its settings or key change. */
  backends: EndpointBackends;
  statusBar: StatusBar;
  controller: SolveController;
  history: SolveHistory;
  /** The last editor or notebook cell the user worked in, for Solve run while a panel has focus. */
  focus: FocusTracker;
  /** The one grading worker, started on first use. */
  grader: () => Grader;
  groupAnswers: AnswerGrouper;
  extensionUri: vscode.Uri;
  /** The offline fallback: a local GGUF model in llama.cpp, used only when enabled. */
  embedded: EmbeddedEngine;
}

type CommandHandler = (services: Services, ...args: unknown[]) => unknown;

const COMMANDS: Record<string, CommandHandler> = {
  "acemath.solve": solveCommand,
  "acemath.cancel": (services) => services.controller.cancel(),
  "acemath.setApiKey": async (services) => {
    if (await services.apiKeys.promptAndStore()) showInfo("API key saved in secret storage.");
  },
  "acemath.clearApiKey": async (services) => {
    await services.apiKeys.clear();
    showInfo("API key removed.");
  },
  "acemath.showLog": () => log().show(),
  "acemath.testConnection": (services) => testConnection(services.backends, services.statusBar),
  "acemath.setUpEmbeddedEngine": (services) => services.embedded.setUp(),
  "acemath.openEvalReport": (services, target) => openEvalReport(services.extensionUri, target),
};

export function activate(context: vscode.ExtensionContext) {
  try {
    const services = createServices(context);
    for (const [id, handler] of Object.entries(COMMANDS)) {
      context.subscriptions.push(
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          try {
            return await handler(services, ...args);
          } catch (error) {
            await showInternalError(`Command ${id} failed`, error);
            return undefined;
          }
        }),
      );
    }
    registerAnswerChecking(context, services.controller, services.grader, async () => {
      const { policy, reward } = await services.backends.current();
      return { policy, reward, groupAnswers: services.groupAnswers };
    });
    registerSidePanel(context, services.controller, sideHistoryOf(services.history));
    registerNotebookSupport(context, services.controller, services.history);
    log().info(`AceMath Studio activated (workspace trusted: ${vscode.workspace.isTrusted}).`);
    // Only extension tests (run with extensionMode Test) may read the latest solve: another extension
    // must not read the user's problems and outputs.
    return context.extensionMode === vscode.ExtensionMode.Test
      ? { latestSolve: () => services.controller.latest }
      : undefined;
  } catch (error) {
    void showInternalError("AceMath Studio failed to activate", error);
    throw error;
  }
}

function createServices(context: vscode.ExtensionContext): Services {
  const statusBar = new StatusBar();
  // The workspace's solve history: the controller records every solve, the side panel lists them.
  const history = new SolveHistory(context.workspaceState);
  const apiKeys = new ApiKeyStore(context.secrets);
  const controller = new SolveController(context.extensionUri, statusBar, history, () => apiKeys.get("prm"));
  // One grading worker (and its CAS) for solves and answer checks, started on first use, not at activation.
  let grader: Grader | null = null;
  const sharedGrader = (): Grader => (grader ??= lazy().createGrader());
  const groupAnswers: AnswerGrouper = (answers) => sharedGrader().clusterAnswers(answers);
  const focus = new FocusTracker();
  context.subscriptions.push(statusBar, controller, history, focus, problemSpans, log(), {
    dispose: () => grader?.dispose(),
  });
  context.subscriptions.push(registerSolvePanelSerializer((panel) => controller.restorePanel(panel)));
  const embedded = new EmbeddedEngine(context.globalStorageUri);
  context.subscriptions.push(embedded);
  return {
    apiKeys,
    embedded,
    backends: new EndpointBackends(apiKeys, embedded),
    statusBar,
    controller,
    history,
    focus,
    grader: sharedGrader,
    groupAnswers,
    extensionUri: context.extensionUri,
  };
}

async function solveCommand(services: Services, ...args: unknown[]): Promise<void> {
  const target = await resolveSolveTarget(args[0], services.focus);
  if (!target) return;
  const sampling = readSamplingSettings();
  const { endpoints, policy, reward } = await services.backends.current();
  const deps = { policy, reward, groupAnswers: services.groupAnswers };
  await services.controller.run(
    target,
    {
      problem: target.problem,
      ...sampling,
      policyModel: endpoints.policyModel,
      rewardModel: endpoints.rewardModel,
      limits: readLimitSettings(),
      rankingPolicy: readRankingPolicy(),
    },
    deps,
  );
}

export function deactivate(): void {}
