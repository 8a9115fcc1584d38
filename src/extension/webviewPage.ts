/**
 * The HTML shell of every AceMath webview (the solve panel, the side panel): the nonce CSP from
 * `csp.ts`, KaTeX's stylesheet, the shared one (base.css) and the page's own, one script, all local;
 * a fresh nonce per load.
 */
import vscode = require("vscode");
import { newCspNonce } from "../core/util/cspNonce";
import { buildWebviewCsp } from "./csp";

/** Under media/: what the pages share, before each page's own stylesheet so that one may refine it. */
export const SHARED_STYLESHEET = "base.css";

export interface WebviewPageParts {
  title: string;
  /** Under media/; loaded after media/base.css, the rules every AceMath page shares. */
  stylesheet: string;
  /** Under dist/. */
  script: string;
  /** The element the bundle draws into, `<tag id="app">`. */
  rootTag: "div" | "main";
}

export function renderWebviewPage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  parts: WebviewPageParts,
): string {
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
<link rel="stylesheet" nonce="${nonce}" href="${asset("media", SHARED_STYLESHEET)}">
<link rel="stylesheet" nonce="${nonce}" href="${asset("media", parts.stylesheet)}">
<title>${parts.title}</title>
</head>
<body>
<${parts.rootTag} id="app"></${parts.rootTag}>
<script nonce="${nonce}" src="${asset("dist", parts.script)}"></script>
</body>
</html>`;
}
