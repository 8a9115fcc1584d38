/**
 * Cursor rules for LaTeX (issue #2), in order: the innermost problem-like environment; else the
 * innermost `\item`; else a standalone display equation; else the paragraph.
 *
 * A display equation counts as standalone only when it is the whole paragraph: "Solve
 * \[x^2=4\] for $x$" needs its words, so the cursor inside that `\[…\]` still sends the paragraph.
 */
import { stripCommandWithArg, stripTexComments } from "./clean";
import { innermost, isBlank, offBlankLine, paragraphAt, tidy, trimSpan } from "./lines";
import { isMathLike } from "./texNames";
import { scanTex, type TexEnv, type TexItem, type TrackedRole } from "./texScan";
import type { ExtractedProblem, ProblemKind, Span } from "./types";

export function extractFromLatex(text: string, at: number): ExtractedProblem | null {
  const cursor = offBlankLine(text, at);
  const { envs, items } = scanTex(text, { comments: true });
  const problemEnv = innermost(withRole(envs, "problem"), cursor);
  if (problemEnv) return fromBody(text, problemEnv, bodyOf(problemEnv), "problem-environment");
  const item = innermost(items, cursor);
  if (item) return fromBody(text, item, bodyOf(item), "item");
  const paragraph = paragraphAt(text, cursor, isLatexBoundary);
  const math = innermost(withRole(envs, "math"), cursor);
  if (math && (!paragraph || isWholeParagraph(text, math, paragraph))) {
    return fromBody(text, math, bodyOf(math), "math-environment");
  }
  return paragraph ? fromBody(text, paragraph, paragraph, "paragraph") : null;
}

function withRole(envs: readonly TexEnv[], role: TrackedRole): TexEnv[] {
  return envs.filter((env) => env.role === role);
}

function bodyOf(span: TexEnv | TexItem): Span {
  return "bodyEnd" in span
    ? { start: span.bodyStart, end: span.bodyEnd }
    : { start: span.bodyStart, end: span.end };
}

/** The answer goes after the whole construct; the model gets the cleaned body. */
function fromBody(text: string, outer: Span, body: Span, kind: ProblemKind): ExtractedProblem | null {
  const problem = cleanLatex(text.slice(body.start, body.end));
  const span = trimSpan(text, outer);
  if (problem === "" || !span) return null;
  return { problem, start: span.start, end: span.end, kind };
}

export function cleanLatex(source: string): string {
  return tidy(stripCommandWithArg(stripTexComments(source.replace(/\r\n?/g, "\n")), "label"));
}

function isWholeParagraph(text: string, math: Span, paragraph: Span): boolean {
  const before = text.slice(paragraph.start, Math.max(paragraph.start, math.start));
  const after = text.slice(Math.min(paragraph.end, math.end), paragraph.end);
  return cleanLatex(before) === "" && cleanLatex(after) === "";
}

/** Commands that stand on their own line and are never part of a problem's prose. */
const STRUCTURAL_COMMANDS = new Set([
  "part",
  "chapter",
  "section",
  "subsection",
  "subsubsection",
  "documentclass",
  "usepackage",
  "newtheorem",
  "newcommand",
  "renewcommand",
  "title",
  "author",
  "date",
  "maketitle",
  "tableofcontents",
  "newpage",
  "clearpage",
  "item",
]);

/**
 * A paragraph ends at a blank line, a sectioning command, or the `\begin`/`\end` line of a text
 * environment. Math environments do not end it: their lines are part of the paragraph's sentence.
 */
function isLatexBoundary(line: string): boolean {
  if (isBlank(line)) return true;
  const command = /^\s*\\([a-zA-Z]+)\*?/.exec(line);
  if (!command?.[1]) return false;
  if (command[1] === "begin" || command[1] === "end") {
    const name = /^\s*\{([^{}\n]*)\}/.exec(line.slice(command[0].length));
    return !name?.[1] || !isMathLike(name[1].trim());
  }
  return STRUCTURAL_COMMANDS.has(command[1]);
}
