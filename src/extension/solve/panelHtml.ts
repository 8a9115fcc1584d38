/** The solve panel's HTML shell: local resources only, scripts only with this load's nonce. */
import * as vscode from "vscode";
import { newCspNonce } from "../../core/util/cspNonce";
import { buildWebviewCsp } from "../csp";

export function renderPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = newCspNonce();
  const asset = (...path: string[]) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = buildWebviewCsp(webview.cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${asset("media", "katex", "katex.min.css")}">
<link rel="stylesheet" nonce="${nonce}" href="${asset("media", "panel.css")}">
<title>AceMath Solutions</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${asset("dist", "webview.js")}"></script>
</body>
</html>`;
}
