/**
 * The side panel (a webview view in the "AceMath" activity-bar container). It follows the cursor
 * (./chooseShown.ts), sends the shown solve as plain data (./sideProblem.ts) and carries out what the
 * view asks, after validating every message (src/contract/sidePanelMessages.ts). The view keeps its
 * own state with `setState` (`retainContextWhenHidden` is off) and asks for the extension's with
 * "ready" whenever it (re)loads; a page that never does is given its html again (../pageWatchdog.ts).
 */
import vscode = require("vscode");
import {
  isFromSidePanel,
  type FromSidePanel,
  type SideHistoryItem,
  type ToSidePanel,
} from "../../contract/sidePanelMessages";
import type { SolveState } from "../../core/solve/state";
import { readRankingPolicy } from "../config";
import { log } from "../log";
import { loggedPageWatchdog, type PageWatchdog } from "../pageWatchdog";
import { showActionFailed, showInternalError } from "../notifications";
import type { SolveController } from "../solve/solveController";
import { chooseShown, hasSolve, LATEST_KEY, type Pin, type ShownSolve } from "./chooseShown";
import { problemAtCursor } from "./cursorProblem";
import { sameProblem, type SideHistory } from "./historyPort";
import { judgementRecord } from "./judgementRecord";
import type { JudgementStore } from "./judgementStore";
import { renderSidePanelHtml } from "./sidePanelHtml";
import { sideProblemOf } from "./sideProblem";

/** Streaming changes the latest solve hundreds of times a second; the view needs a few updates a second. */
const REFRESH_INTERVAL_MS = 300;

export class SidePanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = "acemath.sidePanel";
  private view: vscode.WebviewView | null = null;
  private pin: Pin | null = null;
  private shown: ShownSolve | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Reloads the page when it never says "ready" (see ../pageWatchdog.ts: code-server's shared worker). */
  private watchdog: PageWatchdog | null = null;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: SolveController,
    private readonly history: SideHistory,
    private readonly judgements: JudgementStore,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, "dist"),
        vscode.Uri.joinPath(this.extensionUri, "media"),
      ],
    };
    const setHtml = () => (view.webview.html = renderSidePanelHtml(view.webview, this.extensionUri));
    this.watchdog?.dispose();
    const watchdog = (this.watchdog = loggedPageWatchdog({
      page: "The side panel's page",
      retry: "hide and show the view to retry",
      setHtml,
      isVisible: () => view.visible,
      warn: (message) => log().warn(message),
    }));
    setHtml();
    watchdog.loading();
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromSidePanel(message) && message.type === "ready") watchdog.ready();
        this.receive(message);
      }),
      view.onDidChangeVisibility(() => {
        watchdog.viewStateChanged();
        this.scheduleRefresh();
      }),
    );
    view.onDidDispose(() => {
      watchdog.dispose();
      if (this.view === view) this.view = null;
    });
    this.view = view;
  }

  /** Something the view depends on changed (cursor, solve, history): redraw soon, at most a few times a second. */
  scheduleRefresh(): void {
    if (!this.view?.visible || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, REFRESH_INTERVAL_MS);
  }

  private refresh(): void {
    const choice = chooseShown({
      pin: this.pin,
      cursorProblem: safely(problemAtCursor, null),
      latest: this.controller.latest,
      history: this.history.list(),
    });
    this.shown = choice.shown;
    const problem = choice.shown
      ? sideProblemOf(choice.shown.state, {
          key: choice.shown.key,
          configured: readRankingPolicy(),
          solvedAt: choice.shown.solvedAt,
        })
      : null;
    this.post({
      type: "show",
      problem,
      source: choice.shown?.source ?? "latest",
      pinned: this.pin !== null,
      note: choice.note,
    });
  }

  private postHistory(): void {
    const items: SideHistoryItem[] = this.history.list().map((entry) => ({
      id: entry.id,
      problem: entry.problem,
      answer: topAnswer(entry.state),
      candidates: entry.state.candidates.length,
      solvedAt: entry.solvedAt,
    }));
    this.post({ type: "history", items, bound: this.history.bound });
  }

  historyChanged(): void {
    this.postHistory();
    this.scheduleRefresh();
  }

  private receive(message: unknown): void {
    if (!isFromSidePanel(message)) {
      log().warn(`Ignored an unknown message from the side panel: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    void this.handle(message).catch((error: unknown) =>
      showInternalError(`The side panel's ${message.type} action failed`, error),
    );
  }

  private async handle(message: FromSidePanel): Promise<void> {
    switch (message.type) {
      case "ready":
        this.postHistory();
        this.refresh();
        this.post({ type: "judged", count: (await this.judgements.all()).length });
        return;
      case "pin":
        this.pin = message.pinned && this.shown ? this.pinFor(this.shown) : null;
        this.refresh();
        return;
      case "openHistory":
        this.pin = { kind: "entry", id: message.id };
        this.refresh();
        return;
      case "accept":
        return this.accept(message.key, message.index);
      case "judge":
        return this.judge(message);
      case "exportJudgements":
        await vscode.commands.executeCommand("acemath.exportJudgements");
        return;
    }
  }

  private pinFor(shown: ShownSolve): Pin {
    return shown.source === "history" && shown.key !== LATEST_KEY
      ? { kind: "entry", id: shown.key }
      : { kind: "problem", problem: shown.state.problem };
  }

  /** Insert works for the solve the controller knows (it remembers where the problem is). */
  private async accept(key: string, index: number): Promise<void> {
    const latest = this.controller.latest;
    const state = this.stateOf(key);
    if (!state || !hasSolve(latest) || !sameProblem(state.problem, latest.problem)) {
      showActionFailed(
        "Insert works for the latest solve only: this one is from the history. Solve the problem again to insert its answer.",
      );
      return;
    }
    await this.controller.acceptCandidate(index);
  }

  private async judge(message: Extract<FromSidePanel, { type: "judge" }>): Promise<void> {
    const state = this.stateOf(message.key);
    const record = state ? judgementRecord(state, message, new Date()) : null;
    if (!record) {
      showActionFailed("That pair is no longer available: the judgement was not stored.");
      return;
    }
    const count = await this.judgements.append(record);
    this.post({ type: "judged", count });
  }

  private stateOf(key: string): SolveState | null {
    if (key === LATEST_KEY) return hasSolve(this.controller.latest) ? this.controller.latest : null;
    return this.history.get(key)?.state ?? null;
  }

  private post(message: ToSidePanel): void {
    void this.view?.webview.postMessage(message);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watchdog?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The answer the solve's ranking puts first. */
function topAnswer(state: SolveState): string | null {
  const byIndex = new Map(state.candidates.map((c) => [c.index, c]));
  for (const index of state.order) {
    const answer = byIndex.get(index)?.answer;
    if (answer) return answer;
  }
  return null;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    log().warn(`Could not read the problem under the cursor: ${String(error)}`);
    return fallback;
  }
}
