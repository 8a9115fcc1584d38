/**
 * The solve panel: one webview beside the editor. It owns the message channel; what the buttons
 * do is the controller's business (`PanelActions`). Pipeline events are batched: a solve streams
 * thousands of deltas, and one postMessage per token would flood the webview.
 */
import * as vscode from "vscode";
import type { SolveEvent } from "../../core/solve/events";
import type { SolveState } from "../../core/solve/state";
import {
  isFromWebview,
  type CandidateSteps,
  type FromWebview,
  type ToWebview,
} from "../../contract/webviewMessages";
import { log } from "../log";
import { loggedPageWatchdog } from "../pageWatchdog";
import { renderPanelHtml } from "./panelHtml";

export type PanelActions = (message: FromWebview) => void | Promise<void>;

/**
 * About one animation frame: the panel re-renders only the open block of a streaming card, so it
 * can draw every batch in the next frame; fewer, bigger messages would only add latency.
 * bench/uiMetrics.ts batches the same way.
 */
const FLUSH_INTERVAL_MS = 16;

export class SolvePanel implements vscode.Disposable {
  static readonly viewType = "acemath.solutions";
  private panel: vscode.WebviewPanel | null = null;
  private pending: SolveEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly currentState: () => SolveState,
    private readonly actions: PanelActions,
    /** The current solve's step checks, sent again after the snapshot when the page (re)loads. */
    private readonly currentSteps: () => readonly CandidateSteps[] = () => [],
  ) {}

  /** Shows the panel beside the editor (creating it if needed) without taking focus from the document. */
  reveal(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    this.adopt(
      vscode.window.createWebviewPanel(
        SolvePanel.viewType,
        "AceMath Solutions",
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(),
      ),
    );
  }

  /**
   * Takes over a panel VS Code restored after a window reload (see `registerSolvePanelSerializer`):
   * same options, page and message handling as a new one. The page draws the state it saved with
   * `setState` and asks for the extension's with "ready" (see src/webview/state/handshake.ts).
   */
  adopt(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) {
      // One panel at a time: a live one (a solve started before the restore) wins.
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    const setHtml = () => (panel.webview.html = renderPanelHtml(panel.webview, this.extensionUri));
    // A page that never says "ready" is given its html again (see ../pageWatchdog.ts for why).
    const watchdog = loggedPageWatchdog({
      page: "The solve panel's page",
      retry: "close and reopen it to retry",
      setHtml,
      isVisible: () => panel.visible,
      warn: (message) => log().warn(message),
    });
    setHtml();
    watchdog.loading();
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isFromWebview(message) && message.type === "ready") watchdog.ready();
      this.receive(message);
    });
    panel.onDidChangeViewState(() => watchdog.viewStateChanged());
    panel.onDidDispose(() => {
      watchdog.dispose();
      this.panel = null;
      this.pending = [];
    });
    this.panel = panel;
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, "dist"),
        vscode.Uri.joinPath(this.extensionUri, "media"),
      ],
    };
  }

  /** A new solve: the webview starts over from this state. */
  reset(state: SolveState): void {
    this.pending = [];
    this.post({ type: "snapshot", state });
  }

  push(event: SolveEvent): void {
    if (!this.panel) return;
    this.pending.push(event);
    if (event.type === "done") this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.post({ type: "events", events });
  }

  /** A candidate's step checks: after the events still pending, so the panel has the text they were read from. */
  postSteps(steps: CandidateSteps): void {
    if (!this.panel) return;
    this.flush();
    this.post({ type: "steps", steps });
  }

  private receive(message: unknown): void {
    if (!isFromWebview(message)) {
      log().warn(
        `Ignored an unknown message from the solve panel: ${JSON.stringify(message)?.slice(0, 200)}`,
      );
      return;
    }
    if (message.type === "ready") {
      // The webview (re)loaded: it may have missed events, so it gets the whole state. After a window
      // reload that state is idle (the solve died with the old extension host); the webview then keeps
      // what it had saved and marks it interrupted (src/webview/state/handshake.ts).
      this.pending = [];
      this.post({ type: "snapshot", state: this.currentState() });
      for (const steps of this.currentSteps()) this.post({ type: "steps", steps });
      return;
    }
    void Promise.resolve(this.actions(message)).catch((error: unknown) => log().error(String(error)));
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.panel?.dispose();
  }
}

/**
 * Brings the panel back after "Developer: Reload Window" (VS Code keeps the webview's `setState`
 * state; without a serializer the panel would be closed and what had arrived lost).
 */
export function registerSolvePanelSerializer(adopt: (panel: vscode.WebviewPanel) => void): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(SolvePanel.viewType, {
    deserializeWebviewPanel: (panel) => {
      adopt(panel);
      return Promise.resolve();
    },
  });
}
