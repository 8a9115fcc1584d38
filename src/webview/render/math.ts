/**
 * LaTeX → HTML with KaTeX, configured for untrusted model output. DOM-free, so it runs in Node tests.
 *
 * Safety: the shared untrusted-LaTeX settings (core/util/safeHtml.ts: no \href or \url, bounded macro
 * expansion and sizes). KaTeX escapes everything it emits, so its output is the only non-markdown
 * HTML the panel assigns to innerHTML.
 */
// `require`, not `import`: @vscode/markdown-it-katex requires KaTeX, which resolves to KaTeX's CommonJS
// build, while an ES import would resolve to its ES build and bundle a second copy (+270 KB).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import katex = require("katex");
import { escapeHtml, KATEX_SAFE_OPTIONS } from "../../core/util/safeHtml";

/** The shared safety settings; the panel emits MathML too, for screen readers and copying. */
export const KATEX_OPTIONS = {
  ...KATEX_SAFE_OPTIONS,
  output: "htmlAndMathml",
} as const satisfies katex.KatexOptions;

/** Environments KaTeX refuses outside display mode. */
const DISPLAY_ONLY_ENVIRONMENT =
  /\\begin\s*\{(?:align|alignat|equation|gather|multline|flalign|eqnarray|CD)\*?\}/i;

/**
 * Environments models emit that KaTeX does not implement, mapped to the closest one it does.
 * multline has no KaTeX equivalent; gather keeps its lines and centres them, which reads fine.
 */
const UNSUPPORTED_ENVIRONMENTS: [RegExp, string][] = [
  [/\\(begin|end)\s*\{multline(\*?)\}/g, "\\$1{gather$2}"],
  [/\\(begin|end)\s*\{flalign(\*?)\}/g, "\\$1{align$2}"],
  [/\\begin\s*\{eqnarray\*?\}/g, "\\begin{array}{rcl}"],
  [/\\end\s*\{eqnarray\*?\}/g, "\\end{array}"],
];

export function needsDisplayMode(latex: string): boolean {
  return DISPLAY_ONLY_ENVIRONMENT.test(latex);
}

export function normalizeLatex(latex: string): string {
  return UNSUPPORTED_ENVIRONMENTS.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    latex,
  );
}

// Streaming re-renders the same formulas many times a second; KaTeX is by far the costliest step,
// so finished formulas are memoised. A Map iterates in insertion order, which gives a cheap FIFO cap.
const CACHE_LIMIT = 4000;
const cache = new Map<string, string>();

export interface MathOptions {
  displayMode: boolean;
}

export function renderMath(latex: string, options: MathOptions): string {
  const displayMode = options.displayMode || needsDisplayMode(latex);
  const key = (displayMode ? "D" : "I") + latex;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const html = renderUncached(latex.trim(), displayMode);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, html);
  return html;
}

function renderUncached(latex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(normalizeLatex(latex), { ...KATEX_OPTIONS, displayMode });
  } catch (error) {
    // throwOnError:false covers parse errors; anything else (an internal KaTeX error) lands here
    // and must not take the panel down either.
    return mathErrorHtml(latex, error instanceof Error ? error.message : String(error));
  }
}

export function mathErrorHtml(latex: string, message: string): string {
  return `<span class="katex-error" title="${escapeHtml(message)}">${escapeHtml(latex)}</span>`;
}
