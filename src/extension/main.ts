/**
 * Activation: one table of commands, one log channel, one status bar item. Activation failures
 * are caught and shown, because VS Code does not show a notification when an extension fails to
 * activate.
 */
import * as vscode from "vscode";
import { createGrader, type Grader } from "../core/grading";
import type { AnswerGrouper } from "../core/solve/ranking";
import { createBackends } from "./backends";
import { readEndpointSettings, readLimitSettings, readSamplingSettings } from "./config";
import { log } from "./log";
import { showInfo, showInternalError, showWarning } from "./notifications";
import { ApiKeyStore } from "./secrets";
import { SolveController } from "./solve/solveController";
import { targetFromCell, targetFromEditor, type SolveTarget } from "./solve/target";
import { StatusBar } from "./statusBar";

/** What the commands share; created once per activation. */
interface Services {
  apiKeys: ApiKeyStore;
  controller: SolveController;
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
    log().info(`AceMath Studio activated (workspace trusted: ${vscode.workspace.isTrusted}).`);
    // Tests drive the extension through this API; it exposes state, never secrets.
    return { latestSolve: () => services.controller.latest };
  } catch (error) {
    void showInternalError("AceMath Studio failed to activate", error);
    throw error;
  }
}

function createServices(context: vscode.ExtensionContext): Services {
  const statusBar = new StatusBar();
  const controller = new SolveController(context.extensionUri, statusBar);
  // The grader's worker (and its CAS) starts on first use, not at activation.
  let grader: Grader | null = null;
  const groupAnswers: AnswerGrouper = (answers) => {
    grader ??= createGrader();
    return grader.clusterAnswers(answers);
  };
  context.subscriptions.push(statusBar, controller, log(), { dispose: () => grader?.dispose() });
  return { apiKeys: new ApiKeyStore(context.secrets), controller, groupAnswers };
}

async function solveCommand(services: Services, ...args: unknown[]): Promise<void> {
  const target = resolveTarget(args[0]);
  if (!target) return;
  const endpoints = readEndpointSettings();
  const sampling = readSamplingSettings();
  const deps = createBackends(endpoints, await services.apiKeys.get(), services.groupAnswers);
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
