/**
 * The solve panel: one webview beside the editor. It owns the message channel; what the buttons
 * do is the controller's business (`PanelActions`). Pipeline events are batched (./eventBatcher.ts).
 */
import vscode = require("vscode");
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
import { EventBatcher } from "./eventBatcher";
import { renderPanelHtml } from "./panelHtml";

export type PanelActions = (message: FromWebview) => void | Promise<void>;

export class SolvePanel implements vscode.Disposable {
  static readonly viewType = "acemath.solutions";
  private panel: vscode.WebviewPanel | null = null;
  private readonly batcher = new EventBatcher<SolveEvent>((events) => this.post({ type: "events", events }));

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
      this.batcher.drop();
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
    this.batcher.drop();
    this.post({ type: "snapshot", state });
  }

  push(event: SolveEvent): void {
    if (!this.panel) return;
    this.batcher.push(event);
    if (event.type === "done") this.batcher.flush();
  }

  /** A candidate's step checks: after the events still pending, so the panel has the text they were read from. */
  postSteps(steps: CandidateSteps): void {
    if (!this.panel) return;
    this.batcher.flush();
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
      this.batcher.drop();
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
    this.batcher.drop();
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
