/** The solve panel's HTML shell: local resources only, scripts only with this load's nonce. */
import type * as vscode from "vscode";
import { renderWebviewPage } from "../webviewPage";

export function renderPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return renderWebviewPage(webview, extensionUri, {
    title: "AceMath Solutions",
    stylesheet: "panel.css",
    script: "webview.js",
    rootTag: "div",
  });
}
