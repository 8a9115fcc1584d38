/** The side panel's HTML shell: the same nonce CSP as the solve panel, local resources only. */
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import { buildWebviewCsp } from "../csp";

export function renderSidePanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString("base64");
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
<link rel="stylesheet" nonce="${nonce}" href="${asset("media", "side.css")}">
<title>AceMath</title>
</head>
<body>
<main id="app"></main>
<script nonce="${nonce}" src="${asset("dist", "sideview.js")}"></script>
</body>
</html>`;
}
