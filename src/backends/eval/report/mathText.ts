/**
 * Model and dataset text → HTML for the report, rendered once when the report is written: the text
 * is escaped (model output never becomes markup), and the math in it ($…$, $$…$$, \(…\), \[…\]) is
 * rendered by KaTeX with the panel's safety settings: `trust: false` (no \href, \url, \includegraphics,
 * \html…), no throwing, bounded macro expansion and sizes. KaTeX escapes what it emits.
 */
// `require`, as in the panel: KaTeX's CommonJS build, one copy in the bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import katex = require("katex");
import { escapeHtml, KATEX_SAFE_OPTIONS } from "../../../core/util/safeHtml";
import { stripTerminalControls } from "../../../core/util/terminalSafe";

/**
 * "html": KaTeX's own typesetting (needs its CSS and fonts), for the problem, the gold and the answers.
 * "mathml": the browser typesets (about a third of the size: on math_cot_100's 800 solutions, 0.93 MB
 * of text gives 12.1 MB as html, 3.8 MB as mathml), for the solutions.
 */
export type MathOutput = "html" | "mathml";

/** Formulas longer than this stay as escaped source: one huge formula must not blow up the report. */
const MAX_FORMULA_CHARS = 4000;

const MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$((?:\\\$|[^$\n])+?)\$/g;

export function renderFormula(latex: string, displayMode: boolean, output: MathOutput = "html"): string {
  if (latex.length > MAX_FORMULA_CHARS) return `<code>${escapeHtml(latex)}</code>`;
  return katex.renderToString(latex, { ...KATEX_SAFE_OPTIONS, displayMode, output });
}

/**
 * Text with its math rendered; everything else escaped (newlines kept by the report's CSS). Control
 * and bidirectional characters are removed first: they could reorder what the reader sees.
 */
export function renderMathText(raw: string, output: MathOutput = "html"): string {
  const text = stripTerminalControls(raw);
  let html = "";
  let last = 0;
  for (const match of text.matchAll(MATH)) {
    const display = match[1] ?? match[2];
    let before = text.slice(last, match.index);
    // A display formula is a block of its own: the line breaks around it would add blank lines.
    if (display !== undefined) before = before.replace(/\n[ \t]*$/, "");
    html += escapeHtml(before);
    const latex = display ?? match[3] ?? match[4] ?? "";
    html += renderFormula(latex.trim(), display !== undefined, output);
    last = match.index + match[0].length;
    if (display !== undefined && text.startsWith("\n", last)) last++;
  }
  return html + escapeHtml(text.slice(last));
}

/** An answer as extracted (bare LaTeX, no delimiters). */
export function renderAnswer(answer: string | null): string {
  return answer === null ? `<span class="none">no answer</span>` : renderFormula(answer, false);
}

/**
 * Typesetting remembered for one report: a live run typesets each problem as it finishes (its
 * samples are known then), so writing the report after the last sample only assembles the page.
 * Bounded: past `maxChars` of output, texts are typeset again when the report is written.
 */
export class Typesetter {
  private readonly done = new Map<string, string>();
  private chars = 0;
  /** Texts typeset (not found remembered): what a report written after warming still had to typeset. */
  typesetCount = 0;

  constructor(private readonly maxChars = 48_000_000) {}

  mathText(raw: string, output: MathOutput = "html"): string {
    return this.remember(`${output}\u0000${raw}`, () => renderMathText(raw, output));
  }

  answer(answer: string | null): string {
    return answer === null
      ? renderAnswer(null)
      : this.remember(`answer\u0000${answer}`, () => renderAnswer(answer));
  }

  private remember(key: string, typeset: () => string): string {
    const kept = this.done.get(key);
    if (kept !== undefined) return kept;
    const html = typeset();
    this.typesetCount++;
    if (this.chars + html.length <= this.maxChars) {
      this.done.set(key, html);
      this.chars += html.length;
    }
    return html;
  }
}
