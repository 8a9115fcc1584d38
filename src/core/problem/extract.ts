/**
 * Entry point of "AceMath: Solve": which part of the document is the problem. Pure: the extension
 * passes the text and offsets in, and uses `start`/`end` to place the answer.
 */
import { cleanLatex, extractFromLatex } from "./latex";
import { tidy, trimSpan } from "./lines";
import { cleanMarkdown, extractFromMarkdown } from "./markdown";
import { extractFromPlainText } from "./plaintext";
import { scanTex } from "./texScan";
import type { CursorRange, ExtractedProblem, ProblemSource } from "./types";

export type Dialect = "latex" | "markdown" | "plaintext";

const LATEX_IDS = new Set(["latex", "tex", "doctex", "latex-expl3"]);
const MARKDOWN_IDS = new Set(["markdown", "quarto", "rmd", "rmarkdown", "mdx"]);

export function dialectOf(languageId: string): Dialect {
  if (LATEX_IDS.has(languageId)) return "latex";
  if (MARKDOWN_IDS.has(languageId)) return "markdown";
  return "plaintext";
}

/**
 * A non-empty (after trimming) selection wins; otherwise the structure around the cursor decides.
 * Null means there is nothing to send (an empty or blank document, an empty environment, a selection
 * of comments only); the caller explains that to the user.
 */
export function extractProblem(source: ProblemSource, range: CursorRange): ExtractedProblem | null {
  const { text } = source;
  const dialect = dialectOf(source.languageId);
  const start = clamp(Math.min(range.selectionStart, range.selectionEnd), text.length);
  const end = clamp(Math.max(range.selectionStart, range.selectionEnd), text.length);
  const selected = trimSpan(text, { start, end });
  if (selected) {
    const problem = cleanSelection(text.slice(selected.start, selected.end), dialect);
    return problem === "" ? null : { problem, ...selected, kind: "selection" };
  }
  return extractAtCursor(text, start, dialect);
}

function extractAtCursor(text: string, cursor: number, dialect: Dialect): ExtractedProblem | null {
  switch (dialect) {
    case "latex":
      return extractFromLatex(text, cursor);
    case "markdown":
      return extractFromMarkdown(text, cursor);
    case "plaintext":
      return extractFromPlainText(text, cursor);
  }
}

/** A selection keeps its structure; only what the model must not see (comments, labels) goes. */
function cleanSelection(selected: string, dialect: Dialect): string {
  switch (dialect) {
    case "latex":
      return cleanLatex(unwrapWholeEnvironment(selected));
    case "markdown":
      return cleanMarkdown(selected);
    case "plaintext":
      return tidy(selected);
  }
}

/** Selecting exactly `\begin{problem}…\end{problem}` means the problem, not its wrapper. */
function unwrapWholeEnvironment(selected: string): string {
  const whole = scanTex(selected, { comments: true }).envs.find(
    (env) => env.start === 0 && env.end === selected.length && env.role !== "list",
  );
  return whole ? selected.slice(whole.bodyStart, whole.bodyEnd) : selected;
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(Math.max(0, Math.trunc(offset)), length) : 0;
}
