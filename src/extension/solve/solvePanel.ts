/**
 * The solve panel: one webview beside the editor. It owns the message channel; what the buttons
 * do is the controller's business (`PanelActions`). Pipeline events are batched: a solve streams
 * thousands of deltas, and one postMessage per token would flood the webview.
 */
import * as vscode from "vscode";
import type { SolveEvent } from "../../core/solve/events";
import type { SolveState } from "../../core/solve/state";
import { isFromWebview, type FromWebview, type ToWebview } from "../../contract/webviewMessages";
import { log } from "../log";
import { renderPanelHtml } from "./panelHtml";

export type PanelActions = (message: FromWebview) => void | Promise<void>;

const FLUSH_INTERVAL_MS = 40;

export class SolvePanel implements vscode.Disposable {
  static readonly viewType = "acemath.solutions";
  private panel: vscode.WebviewPanel | null = null;
  private pending: SolveEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly currentState: () => SolveState,
    private readonly actions: PanelActions,
  ) {}

  /** Shows the panel beside the editor (creating it if needed) without taking focus from the document. */
  reveal(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      SolvePanel.viewType,
      "AceMath Solutions",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [
          vscode.Uri.joinPath(this.extensionUri, "dist"),
          vscode.Uri.joinPath(this.extensionUri, "media"),
        ],
      },
    );
    panel.webview.html = renderPanelHtml(panel.webview, this.extensionUri);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    panel.onDidDispose(() => {
      this.panel = null;
      this.pending = [];
    });
    this.panel = panel;
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

  private receive(message: unknown): void {
    if (!isFromWebview(message)) {
      log().warn(
        `Ignored an unknown message from the solve panel: ${JSON.stringify(message)?.slice(0, 200)}`,
      );
      return;
    }
    if (message.type === "ready") {
      // The webview (re)loaded: it may have missed events, so it gets the whole state.
      this.pending = [];
      this.post({ type: "snapshot", state: this.currentState() });
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
