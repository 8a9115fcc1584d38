/** The side panel's HTML shell: the same nonce CSP as the solve panel, local resources only. */
import type * as vscode from "vscode";
import { renderWebviewPage } from "../webviewPage";

export function renderSidePanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return renderWebviewPage(webview, extensionUri, {
    title: "AceMath",
    stylesheet: "side.css",
    script: "sideview.js",
    rootTag: "main",
  });
}
