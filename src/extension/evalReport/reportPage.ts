/**
 * An `acemath eval` report.html made into a page for a VS Code webview. Pure (no VS Code API), so
 * it is unit-tested. The report carries its own CSP with its own nonce; in the webview the
 * extension's CSP replaces it (`buildWebviewCsp`: nothing remote, scripts and stylesheets only with
 * this load's nonce), the report's inline script and style get this load's nonce, and KaTeX's CSS
 * with inlined data: fonts is swapped for the extension's own copy (the webview's font-src allows the
 * extension's files, not data:). Model text in the report is escaped (`"` as `&quot;`), so the
 * report's nonce attribute cannot occur inside it and only the report's own tags are touched.
 */
import { buildWebviewCsp } from "../csp";

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
const REPORT_NONCE = /'nonce-([A-Za-z0-9+/=]{16,})'/;
const KATEX_STYLE = /<style nonce="[^"]*" id="katex-css">[\s\S]*?<\/style>/;

export class NotAReportError extends Error {}

export function reportPage(
  html: string,
  page: { cspSource: string; nonce: string; katexCssHref: string },
): string {
  const head = html.slice(0, html.indexOf("</head>") + 1 || html.length);
  const meta = CSP_META.exec(head);
  const reportNonce = meta ? REPORT_NONCE.exec(meta[1]!)?.[1] : undefined;
  if (!meta || !reportNonce || !head.includes("<title>AceMath eval report</title>"))
    throw new NotAReportError("This file is not a report written by acemath eval (report.html).");
  const csp = buildWebviewCsp(page.cspSource, page.nonce);
  let result = html.replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  result = result.replace(
    KATEX_STYLE,
    `<link rel="stylesheet" nonce="${page.nonce}" href="${escapeAttribute(page.katexCssHref)}">`,
  );
  return result.split(`nonce="${reportNonce}"`).join(`nonce="${page.nonce}"`);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
