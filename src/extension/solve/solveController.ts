/**
 * Runs one solve at a time: pipeline events go to the state (for the buttons), the panel, the
 * progress notification and the status bar. Cancel (notification or panel) aborts the HTTP
 * requests; whatever arrived stays in the panel.
 */
import vscode = require("vscode");
import type { FromWebview } from "../../contract/webviewMessages";
import { hasEnded, type SolveEvent } from "../../core/solve/events";
import type { SolveDependencies } from "../../core/solve/pipeline";
import type { SolveRequest } from "../../core/solve/request";
import { applySolveEvent, emptySolveState, type SolveState } from "../../core/solve/state";
import { lazy } from "../lazy";
import { log } from "../log";
import {
  openSetting,
  showActionFailed,
  showBrief,
  showInfo,
  showInternalError,
  showSolveError,
  showWarning,
} from "../notifications";
import {
  copyFailureMessage,
  insertFailureMessage,
  missingCandidateMessage,
  neutralisedMessage,
  retryRefusal,
} from "./actionMessages";
import { answerLatexForClipboard } from "../../core/insertion";
import { historyEntryFor, newRunId, previousSolveKept } from "../history/fromSolve";
import type { SolveHistory } from "../history/solveHistory";
import { encodeCellMetadata } from "../notebook/cellMetadata";
import { insertIntoTarget } from "./insert";
import { openCheckedLink } from "./links";
import { SolvePanel } from "./solvePanel";
import type { SolveTarget } from "./target";
import type { StatusBar } from "../statusBar";
import { CandidateStepService } from "../steps/candidateStepService";

export class SolveController implements vscode.Disposable {
  private state: SolveState = emptySolveState();
  private target: SolveTarget | null = null;
  private abort: AbortController | null = null;
  /** The last solve as it was asked, for the panel's Retry. */
  private lastRun: Parameters<SolveController["run"]> | null = null;
  private readonly panel: SolvePanel;
  /** The panel's step marks (issue #10): checked when a candidate finishes, model signals on request. */
  private readonly steps: CandidateStepService;
  /** Fires after the latest solve's state changed (the side panel follows it, throttled on its side). */
  private readonly latestChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeLatest = this.latestChanged.event;
  /** The latest solve's id: its history entry, and the notebook answer cells inserted from it. */
  private runId = "";

  constructor(
    extensionUri: vscode.Uri,
    private readonly statusBar: StatusBar,
    private readonly history?: SolveHistory,
    prmApiKey?: () => Promise<string | null>,
  ) {
    this.panel = new SolvePanel(
      extensionUri,
      () => this.state,
      (message) => this.onPanelMessage(message),
      () => this.steps.current(this.state),
    );
    this.steps = new CandidateStepService((steps) => this.panel.postSteps(steps), prmApiKey);
  }

  /** The state of the latest solve (tests and the side panel read it). */
  get latest(): SolveState {
    return this.state;
  }

  async run(target: SolveTarget, request: SolveRequest, deps: SolveDependencies): Promise<SolveState> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.target = target;
    this.lastRun = [target, request, deps];
    const previousProblem = this.state.problem;
    const runId = newRunId();
    this.runId = runId;
    const state = emptySolveState();
    this.state = state;
    this.panel.reveal();
    this.panel.reset(this.state);
    void vscode.commands.executeCommand("setContext", "acemath.solving", true);
    log().info(`Solving with n=${request.n} at ${deps.policy.baseUrl}: ${request.problem.slice(0, 80)}…`);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "AceMath: solving", cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        for await (const event of lazy().solve(request, deps, abort.signal)) {
          // A newer solve took over: this one drains quietly into its own state, which its caller
          // (e.g. Check Answer) reads, never into the newer solve's.
          if (this.abort !== abort) applySolveEvent(state, event);
          else {
            this.onEvent(event, progress, request.n);
            if (event.type === "started" && previousProblem)
              this.onEvent(previousSolveKept(previousProblem), progress, request.n);
          }
        }
      },
    );
    if (state.candidates.length > 0) this.history?.record(historyEntryFor(runId, target, state));
    if (this.abort === abort) {
      this.abort = null;
      void vscode.commands.executeCommand("setContext", "acemath.solving", false);
    }
    return state;
  }

  private onEvent(
    event: SolveEvent,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    n: number,
  ) {
    applySolveEvent(this.state, event);
    this.panel.push(event);
    this.latestChanged.fire();
    switch (event.type) {
      case "started":
        this.statusBar.showBackend(event.policy, event.reward);
        break;
      case "finished": {
        // Candidates cut off by a cancel or an error are not progress.
        if (event.finishReason === "cancelled" || event.finishReason === "error") break;
        this.steps.finished(this.state, event.index, this.lastRun?.[2].reward ?? null);
        const done = this.state.candidates.filter((c) => hasEnded(c.finishReason));
        progress.report({ message: `${done.length}/${n} candidates`, increment: 100 / n });
        break;
      }
      case "warning":
        log().warn(event.message);
        break;
      case "error":
        void showSolveError(event.error);
        break;
      case "done":
        log().info(
          `Solve ${event.outcome}: ${this.state.candidates.length} candidates, ranked by ${this.state.rankingMethod ?? "-"}`,
        );
        break;
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  /** The side panel's "Insert" (Enter): the same action as the solve panel's Insert answer. */
  acceptCandidate(index: number): Promise<void> {
    return this.onPanelMessage({ type: "insertAnswer", index });
  }

  /**
   * Shows a finished solve kept elsewhere (a notebook answer cell, the history) in the panel; `target`
   * is where its Insert goes. Refused (false) while a solve runs: that one keeps the panel.
   */
  showSnapshot(state: SolveState, target: SolveTarget | null): boolean {
    if (this.abort) return false;
    this.state = structuredClone(state);
    this.target = target;
    this.lastRun = null;
    this.panel.reveal();
    this.panel.reset(this.state);
    this.latestChanged.fire();
    return true;
  }

  /** A solve panel VS Code restored after a window reload becomes this controller's panel. */
  restorePanel(webviewPanel: vscode.WebviewPanel): void {
    this.panel.adopt(webviewPanel);
  }

  private async onPanelMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case "cancel":
        this.cancel();
        return;
      case "retry": {
        const refusal = retryRefusal({ hasLastSolve: this.lastRun !== null, solving: this.abort !== null });
        if (refusal || !this.lastRun) return showActionFailed(refusal ?? "Nothing to retry.");
        await this.run(...this.lastRun);
        return;
      }
      case "openSetting":
        await openSetting(message.setting);
        return;
      case "openLink":
        await openCheckedLink(message.href);
        return;
      case "stepSignal":
        await this.steps.signal(this.state, message.index, message.kind, this.lastRun?.[2].reward ?? null);
        return;
      case "insertAnswer":
      case "insertSolution":
      case "copyLatex":
        // Whatever goes wrong, the click must not end in silence.
        await this.candidateAction(message.type, message.index).catch((error: unknown) =>
          showInternalError(`The panel's ${message.type} action failed`, error),
        );
        return;
      case "ready":
        return;
    }
  }

  private async candidateAction(action: "insertAnswer" | "insertSolution" | "copyLatex", index: number) {
    const what = action === "insertSolution" ? "solution" : "answer";
    const candidate = this.state.candidates.find((c) => c.index === index);
    if (!candidate) return showActionFailed(missingCandidateMessage(action, index));
    if (action !== "insertSolution" && candidate.answer === null) {
      showInfo("this candidate has no \\boxed{} answer.");
      return;
    }
    if (action === "copyLatex") {
      const latex = answerLatexForClipboard(candidate.answer ?? "");
      try {
        await vscode.env.clipboard.writeText(latex.text);
      } catch (error) {
        return showActionFailed(copyFailureMessage(error instanceof Error ? error.message : String(error)));
      }
      showBrief("answer LaTeX copied");
      warnNeutralised(latex.neutralised);
      return;
    }
    if (!this.target) return showActionFailed(insertFailureMessage(what, { kind: "no-target" }));
    const outcome = await insertIntoTarget(
      this.target,
      action === "insertAnswer" ? { answer: candidate.answer ?? "" } : { solution: candidate.text },
      this.target.cell ? encodeCellMetadata(this.runId, this.state, index) : undefined,
    );
    if (!outcome.ok) return showActionFailed(insertFailureMessage(what, outcome.failure));
    warnNeutralised(outcome.neutralised);
  }

  dispose(): void {
    this.latestChanged.dispose();
    this.cancel();
    this.panel.dispose();
  }
}

/** Model output never runs as TeX: say which commands were written so as to print instead. */
function warnNeutralised(commands: readonly string[]): void {
  const message = neutralisedMessage(commands);
  if (message) showWarning(message);
}
