/** Wires answer checking into the editor: the hovers (answer and step), the optional diagnostics and "AceMath: Check Answer". */
import vscode = require("vscode");
import { showInternalError } from "../notifications";
import type { SolveDependencies } from "../../core/solve/pipeline";
import type { Grader } from "../../core/grading";
import type { SolveController } from "../solve/solveController";
import { AnswerChecker } from "./answerChecker";
import { AnswerHoverProvider, CHECK_COMMAND, CHECKED_DOCUMENTS } from "./answerHover";
import { checkAnswerCommand } from "./checkCommand";
import { AnswerDiagnostics } from "./diagnostics";
import { EditorStepChecks } from "../steps/stepChecks";
import { StepDiagnostics } from "../steps/stepDiagnostics";
import { StepHoverProvider } from "../steps/stepHover";

export function registerAnswerChecking(
  context: vscode.ExtensionContext,
  controller: SolveController,
  grader: () => Grader,
  dependencies: () => Promise<SolveDependencies>,
): AnswerChecker {
  const checker = new AnswerChecker(grader);
  const steps = new EditorStepChecks();
  context.subscriptions.push(
    new StepDiagnostics(steps),
    vscode.languages.registerHoverProvider(CHECKED_DOCUMENTS, new StepHoverProvider(steps)),
    checker,
    new AnswerDiagnostics(checker),
    vscode.languages.registerHoverProvider(
      CHECKED_DOCUMENTS,
      new AnswerHoverProvider(checker, () => controller.latest),
    ),
    vscode.commands.registerCommand(CHECK_COMMAND, async (argument?: unknown) => {
      try {
        return await checkAnswerCommand({ checker, controller, dependencies }, argument);
      } catch (error) {
        await showInternalError(`Command ${CHECK_COMMAND} failed`, error);
        return undefined;
      }
    }),
  );
  return checker;
}
