/**
 * The Content-Security-Policy of the extension's webview pages. Pure (no DOM, no VS Code API): the
 * extension builds each page with it, the tests check it. It lives with the extension, which serves the
 * page; the webview bundle only has to live within it (scripts carry the nonce).
 *
 * Decision on KaTeX's inline styles: KaTeX positions every glyph with `style="…"` attributes
 * (heights, vertical offsets, margins), and `style-src` governs those attributes as well as
 * <style>/<link> elements. A nonce cannot be attached to an attribute, and CSP ignores
 * 'unsafe-inline' in any list that also holds a nonce, so `style-src 'nonce-…' 'unsafe-inline'`
 * would still block them and fractions, roots and matrices would collapse. The policy therefore
 * splits the directive (CSP Level 3, Chromium ≥ 75, so every supported VS Code):
 *   - `style-src-elem`: stylesheets only from the extension (cspSource) or carrying the nonce;
 *   - `style-src-attr 'unsafe-inline'`: style attributes allowed, which is what KaTeX needs;
 *   - `style-src` (the fallback for older engines) stays strict: there KaTeX degrades, nothing opens.
 * Style attributes can restyle the page but cannot run script or load anything: every fetch is
 * still bound by default-src/img-src/font-src, and scripts need the nonce. Model text never reaches
 * a style attribute anyway (markdown-it runs with html off); only KaTeX's own output does.
 */

/** Nonces and source expressions that could not break out of their directive. */
const NONCE = /^[A-Za-z0-9+/_=-]{16,}$/;
const HOST_SOURCE = /^[^\s;,']+$/;
/** Sources that would open the page to any host of a scheme, or to everything. */
const TOO_BROAD = /^(\*|[a-z][a-z0-9+.-]*:)$/i;

/**
 * `webview.cspSource` is one source in desktop VS Code but several in VS Code for the web and
 * code-server (`'self' https://*.vscode-cdn.net`). Each must be `'self'` or a host source.
 */
function checkCspSource(cspSource: string): void {
  const sources = cspSource.trim().split(/\s+/);
  const valid = (source: string) =>
    source === "'self'" || (HOST_SOURCE.test(source) && !TOO_BROAD.test(source));
  if (cspSource.trim() === "" || !sources.every(valid)) {
    throw new Error(`Invalid CSP source: ${JSON.stringify(cspSource)}`);
  }
}

export function buildWebviewCsp(cspSource: string, nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error("CSP nonce must be at least 16 base64 characters");
  checkCspSource(cspSource);
  const nonceSource = `'nonce-${nonce}'`;
  return [
    "default-src 'none'",
    `script-src ${nonceSource}`,
    `style-src ${cspSource} ${nonceSource}`,
    `style-src-elem ${cspSource} ${nonceSource}`,
    "style-src-attr 'unsafe-inline'",
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
