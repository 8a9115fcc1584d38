/**
 * Activation: one table of commands, one log channel, one status bar item. Activation failures
 * are caught and shown, because VS Code does not show a notification when an extension fails to
 * activate.
 */
import * as vscode from "vscode";
import { createGrader } from "../backends/grading";
import { type Grader } from "../core/grading";
import type { AnswerGrouper } from "../core/solve/ranking";
import { EndpointBackends } from "./backends";
import { registerAnswerChecking } from "./hover/register";
import { testConnection } from "./connection/testConnection";
import { readLimitSettings, readSamplingSettings } from "./config";
import { log } from "./log";
import { showInfo, showInternalError, showWarning } from "./notifications";
import { ApiKeyStore } from "./secrets";
import { SolveController } from "./solve/solveController";
import { problemSpans } from "./solve/problemSpans";
import { registerSolvePanelSerializer } from "./solve/solvePanel";
import { targetFromCell, targetFromEditor, type SolveTarget } from "./solve/target";
import { StatusBar } from "./statusBar";

/** What the commands share; created once per activation. */
interface Services {
  apiKeys: ApiKeyStore;
  /** One long-lived backend per endpoint, rebuilt only when its settings or key change. */
  backends: EndpointBackends;
  statusBar: StatusBar;
  controller: SolveController;
  /** The one grading worker, started on first use. */
  grader: () => Grader;
  groupAnswers: AnswerGrouper;
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
  const controller = new SolveController(context.extensionUri, statusBar);
  // One grading worker (and its CAS) for solves and answer checks, started on first use, not at activation.
  let grader: Grader | null = null;
  const sharedGrader = (): Grader => (grader ??= createGrader());
  const groupAnswers: AnswerGrouper = (answers) => sharedGrader().clusterAnswers(answers);
  context.subscriptions.push(statusBar, controller, problemSpans, log(), {
    dispose: () => grader?.dispose(),
  });
  context.subscriptions.push(registerSolvePanelSerializer((panel) => controller.restorePanel(panel)));
  const apiKeys = new ApiKeyStore(context.secrets);
  return {
    apiKeys,
    backends: new EndpointBackends(apiKeys),
    statusBar,
    controller,
    grader: sharedGrader,
    groupAnswers,
  };
}

async function solveCommand(services: Services, ...args: unknown[]): Promise<void> {
  const target = resolveTarget(args[0]);
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
    },
    deps,
  );
}

function resolveTarget(argument: unknown): SolveTarget | null {
  if (isNotebookCell(argument)) {
    const target = targetFromCell(argument);
    if (!target) showWarning("This cell is empty: write a problem in it first.");
    return target;
  }
  const editor = vscode.window.activeTextEditor;
  const notebookCell = selectedNotebookCell();
  // A rendered Markdown cell has no text editor: the notebook's selected cell is the problem.
  if (!editor && notebookCell) return resolveTarget(notebookCell);
  if (!editor) {
    showWarning(
      "Open a .tex, .md or text file and put the cursor in a problem (or select it), then run AceMath: Solve.",
    );
    return null;
  }
  const target = targetFromEditor(editor);
  if (!target)
    showWarning("No problem found at the cursor: select the problem text, then run AceMath: Solve.");
  return target;
}

function selectedNotebookCell(): vscode.NotebookCell | undefined {
  const notebook = vscode.window.activeNotebookEditor;
  if (!notebook || notebook.selection.isEmpty) return undefined;
  return notebook.notebook.cellAt(notebook.selection.start);
}

function isNotebookCell(value: unknown): value is vscode.NotebookCell {
  return (
    typeof value === "object" &&
    value !== null &&
    "notebook" in value &&
    "document" in value &&
    "kind" in value
  );
}

export function deactivate(): void {}
