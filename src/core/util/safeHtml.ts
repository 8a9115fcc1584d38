/**
 * Untrusted text (model output, dataset text) → HTML, the pure part shared by the panel's webview
 * and the eval report: escaping, and the KaTeX settings for untrusted LaTeX. Pure, so the webview
 * (no Node) and the backends (no webview) may both import it.
 */
import type { KatexOptions } from "katex";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * KaTeX for untrusted LaTeX. `trust: false` turns \href, \url, \includegraphics and \htmlClass-style
 * commands into plain error-coloured text; no throwing (a bad formula renders as red source);
 * `maxExpand` stops macro bombs such as `\def\a{\a\a}\a`; `maxSize` caps user-given dimensions
 * (\rule, \kern) so a formula cannot cover the page. KaTeX escapes everything it emits.
 */
export const KATEX_SAFE_OPTIONS = {
  trust: false,
  throwOnError: false,
  strict: "ignore",
  maxExpand: 1000,
  maxSize: 20,
} as const satisfies KatexOptions;
