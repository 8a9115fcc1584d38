/**
 * "AceMath: Check Answer" (and the hover's "Check with model" link): solves the problem the written
 * answer answers, through the same controller and panel as Solve, then caches whether the answer
 * agrees with the model's pick and majority, and the reward model's score of the user's solution.
 * Runs only on explicit action; a new check or solve cancels the one before (the controller's rule).
 */
import vscode = require("vscode");
import type { CheckTarget, ModelVerdict } from "../../core/check";
import type { SolveDependencies } from "../../core/solve/pipeline";
import type { SolveState } from "../../core/solve/state";
import { readEndpointSettings, readLimitSettings, readRankingPolicy, readSamplingSettings } from "../config";
import { lazy } from "../lazy";
import { log } from "../log";
import { showInfo, showWarning } from "../notifications";
import { problemSpans } from "../solve/problemSpans";
import type { SolveController } from "../solve/solveController";
import type { AnswerChecker } from "./answerChecker";

export interface CheckAnswerServices {
  checker: AnswerChecker;
  controller: SolveController;
  /** The backends from the user's settings and keys, as Solve uses them. */
  dependencies: () => Promise<SolveDependencies>;
}

interface Location {
  document: vscode.TextDocument;
  offset: number;
}

export async function checkAnswerCommand(
  services: CheckAnswerServices,
  argument?: unknown,
): Promise<ModelVerdict | undefined> {
  const location = await resolveLocation(argument);
  const target = location && (await services.checker.targetAt(location.document, location.offset));
  if (!location || !target) {
    showWarning(
      'Put the cursor on a written answer (a \\boxed{…}, an "Answer:" line or a solution\'s last display), then run AceMath: Check Answer.',
    );
    return undefined;
  }
  if (target.problemText === "") {
    showWarning("No problem was found before this answer, so there is nothing to solve and compare with.");
    return undefined;
  }
  const deps = await services.dependencies();
  const state = await solveFor(services.controller, location.document, target, deps);
  if (!state.candidates.some((c) => c.answer !== null)) {
    showWarning("AceMath: the model gave no final answer to compare with; see the panel.");
    return undefined;
  }
  const { agreementWith, modelVerdictOf } = lazy();
  const agreement = await agreementWith(state, target.answerExpanded, services.checker.equivalence);
  const reward = await rewardOfUserSolution(target, state, deps);
  const verdict = modelVerdictOf(agreement, reward);
  services.checker.recordModelVerdict(location.document.uri, target, verdict);
  showInfo(`${verdict.summary}.`);
  return verdict;
}

async function resolveLocation(argument: unknown): Promise<Location | null> {
  if (isLinkArgument(argument)) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(argument.uri));
    return { document, offset: argument.offset };
  }
  const editor = vscode.window.activeTextEditor;
  return editor
    ? { document: editor.document, offset: editor.document.offsetAt(editor.selection.active) }
    : null;
}

function isLinkArgument(value: unknown): value is { uri: string; offset: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { uri?: unknown }).uri === "string" &&
    typeof (value as { offset?: unknown }).offset === "number"
  );
}

function solveFor(
  controller: SolveController,
  document: vscode.TextDocument,
  target: CheckTarget,
  deps: SolveDependencies,
): Promise<SolveState> {
  const endpoints = readEndpointSettings();
  const span = target.problem
    ? { start: target.problem.start, end: target.problem.statementEnd }
    : { start: target.answer.start, end: target.answer.end };
  return controller.run(
    {
      uri: document.uri,
      languageId: document.languageId,
      span: problemSpans.track(document.uri, span),
      problem: target.problemText,
    },
    {
      problem: target.problemText,
      ...readSamplingSettings(),
      policyModel: endpoints.policyModel,
      rewardModel: endpoints.rewardModel,
      limits: readLimitSettings(),
      rankingPolicy: readRankingPolicy(),
    },
    deps,
  );
}

/** The reward model's score of the user's own solution (problem + their work + their answer). */
async function rewardOfUserSolution(
  target: CheckTarget,
  state: SolveState,
  deps: SolveDependencies,
): Promise<string | undefined> {
  const model = state.reward?.model;
  if (!deps.reward || !model) return undefined;
  const solution = `${target.solution}\n\n\\boxed{${target.answerExpanded}}`.trim();
  try {
    const { scores } = await deps.reward.score(
      model,
      target.problemText,
      [solution],
      new AbortController().signal,
    );
    const score = scores[0];
    return score === null || score === undefined
      ? undefined
      : `${score.toFixed(3)}, ${lazy().scoreContext(score, state)}`;
  } catch (error) {
    log().warn(
      `Reward score of the written solution failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
