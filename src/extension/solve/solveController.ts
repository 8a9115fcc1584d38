/**
 * Runs one solve at a time: pipeline events go to the state (for the buttons), the panel, the
 * progress notification and the status bar. Cancel (notification or panel) aborts the HTTP
 * requests; whatever arrived stays in the panel.
 */
import * as vscode from "vscode";
import type { FromWebview } from "../../contract/webviewMessages";
import type { SolveEvent } from "../../core/solve/events";
import { solve, type SolveDependencies } from "../../core/solve/pipeline";
import type { SolveRequest } from "../../core/solve/request";
import { applySolveEvent, emptySolveState, type SolveState } from "../../core/solve/state";
import { log } from "../log";
import { openSetting, showSolveError } from "../notifications";
import { insertIntoTarget } from "./insert";
import { SolvePanel } from "./solvePanel";
import type { SolveTarget } from "./target";
import type { StatusBar } from "../statusBar";

export class SolveController implements vscode.Disposable {
  private state: SolveState = emptySolveState();
  private target: SolveTarget | null = null;
  private abort: AbortController | null = null;
  private readonly panel: SolvePanel;

  constructor(
    extensionUri: vscode.Uri,
    private readonly statusBar: StatusBar,
  ) {
    this.panel = new SolvePanel(
      extensionUri,
      () => this.state,
      (message) => this.onPanelMessage(message),
    );
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
    this.state = emptySolveState();
    this.panel.reveal();
    this.panel.reset(this.state);
    void vscode.commands.executeCommand("setContext", "acemath.solving", true);
    log().info(`Solving with n=${request.n} at ${deps.policy.baseUrl}: ${request.problem.slice(0, 80)}…`);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "AceMath: solving", cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        for await (const event of solve(request, deps, abort.signal)) {
          if (this.abort !== abort) continue; // a newer solve took over; drain quietly
          this.onEvent(event, progress, request.n);
        }
      },
    );
    if (this.abort === abort) {
      this.abort = null;
      void vscode.commands.executeCommand("setContext", "acemath.solving", false);
    }
    return this.state;
  }

  private onEvent(
    event: SolveEvent,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    n: number,
  ) {
    applySolveEvent(this.state, event);
    this.panel.push(event);
    switch (event.type) {
      case "started":
        this.statusBar.showBackend(event.policy, event.reward);
        break;
      case "finished": {
        // Candidates cut off by a cancel or an error are not progress.
        if (event.finishReason === "cancelled" || event.finishReason === "error") break;
        const done = this.state.candidates.filter(
          (c) => c.finishReason === "stop" || c.finishReason === "length",
        );
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

  private async onPanelMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case "cancel":
        this.cancel();
        return;
      case "openSetting":
        await openSetting(message.setting);
        return;
      case "openLink":
        await openCheckedLink(message.href);
        return;
      case "insertAnswer":
      case "insertSolution":
      case "copyLatex":
        await this.candidateAction(message.type, message.index);
        return;
      case "ready":
        return;
    }
  }

  private async candidateAction(action: "insertAnswer" | "insertSolution" | "copyLatex", index: number) {
    const candidate = this.state.candidates.find((c) => c.index === index);
    if (!candidate) return;
    if (action !== "insertSolution" && candidate.answer === null) {
      void vscode.window.showInformationMessage("AceMath: this candidate has no \\boxed{} answer.");
      return;
    }
    if (action === "copyLatex") {
      await vscode.env.clipboard.writeText(candidate.answer ?? "");
      vscode.window.setStatusBarMessage("AceMath: answer LaTeX copied", 2000);
      return;
    }
    if (!this.target) return;
    await insertIntoTarget(
      this.target,
      action === "insertAnswer" ? { answer: candidate.answer ?? "" } : { solution: candidate.text },
    );
  }

  dispose(): void {
    this.cancel();
    this.panel.dispose();
  }
}

/** Only web links open, and VS Code's own trusted-domain prompt still applies. */
async function openCheckedLink(href: string): Promise<void> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    log().warn(`Refused to open a ${url.protocol} link from model output.`);
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url.toString()));
}
