/**
 * The hover over a written answer (`\boxed{…}`, "Answer: …", a solution's last display): the
 * symbolic verdict and cached model verdicts only. It never calls a backend: checking with the
 * model is the link's (and the command's) job.
 */
import vscode = require("vscode");
import type { CheckTarget, ModelVerdict } from "../../core/check";
import { SUPPORTED_LANGUAGE_IDS } from "../../core/problem";
import type { SolveState } from "../../core/solve/state";
import { lazy } from "../lazy";
import type { AnswerChecker } from "./answerChecker";
import { segmentHover } from "./segmentHover";

export const CHECK_COMMAND = "acemath.checkAnswer";

export class AnswerHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly checker: AnswerChecker,
    /** The latest solve: when it solved this very problem, its answers are compared without a new request. */
    private readonly latestSolve: () => SolveState,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const offset = document.offsetAt(position);
    const target = await this.checker.targetAt(document, offset);
    if (!target || token.isCancellationRequested) return undefined;
    const symbolic = await this.checker.symbolic(target);
    if (token.isCancellationRequested) return undefined;
    const args = encodeURIComponent(JSON.stringify([{ uri: document.uri.toString(), offset }]));
    const model = this.checker.cached(target)?.model ?? (await this.fromLatestSolve(target));
    if (token.isCancellationRequested) return undefined;
    const segments = lazy().hoverSegments(target, symbolic, model, `command:${CHECK_COMMAND}?${args}`);
    // Only our own command may run from this hover.
    return segmentHover(document, target.answer, segments, { enabledCommands: [CHECK_COMMAND] });
  }

  private fromLatestSolve(target: CheckTarget): Promise<ModelVerdict | undefined> {
    return agreementFromState(this.checker, target, this.latestSolve());
  }
}

/** Grading only (the CAS worker), no backend: the solve already happened. */
async function agreementFromState(
  checker: AnswerChecker,
  target: CheckTarget,
  state: SolveState,
): Promise<ModelVerdict | undefined> {
  if (state.status !== "complete" || state.problem.trim() !== target.problemText.trim()) return undefined;
  const { agreementWith, modelVerdictOf } = lazy();
  const verdict = modelVerdictOf(await agreementWith(state, target.answerExpanded, checker.equivalence));
  checker.cache.update(target.problemText, target.answerExpanded, { model: verdict });
  return verdict;
}

/** Every editor where written solutions live (the core's table); notebook markdown cells are `markdown` documents. */
export const CHECKED_DOCUMENTS: vscode.DocumentSelector = SUPPORTED_LANGUAGE_IDS.map((language) => ({
  language,
}));
