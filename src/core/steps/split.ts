/**
 * Splitting a solution into steps: the unit that the compare view aligns and the step checker judges.
 *
 * A step is one of:
 * - `display`: a display formula with its delimiters (`$$…$$`, `\[…\]`, `\begin{equation}…\end{equation}`,
 *   `gather`, `multline`, …), wherever it starts, even mid-line;
 * - `align-line`: one `\\`-separated row of an `align`/`aligned`/`eqnarray`/`split`/`gather`-like
 *   environment (alone or as the whole body of a display), without the delimiters, the `\\` or the
 *   environment: render it as `\begin{aligned}<text>\end{aligned}`;
 * - `heading`: a Markdown heading, a line that is wholly bold (`**Step 1: Convert**`), a `Step k:` line
 *   with nothing after the colon, or a LaTeX sectioning command;
 * - `numbered`: a list item (`1.`, `2)`, `(3)`, `\item`) or a `Step k:` / `**Step k**` line with its text,
 *   with the lines that follow it up to a blank line, a display or the next step;
 * - `paragraph`: any other run of non-blank lines (a fenced code block is one paragraph).
 *
 * Offsets are exact: `text.slice(step.start, step.end) === step.text`. The only trimming is of
 * leading and trailing whitespace, which no step keeps; empty steps are dropped.
 */

export type StepKind = "paragraph" | "numbered" | "heading" | "display" | "align-line";

export interface Step {
  /** 0-based position in the list of steps. */
  index: number;
  text: string;
  start: number;
  end: number;
  /** 0-based line of `start` in the text. */
  line: number;
  kind: StepKind;
}

interface Piece {
  start: number;
  end: number;
  kind: StepKind;
}

export function splitSteps(text: string): Step[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const block of blocks(text)) {
    proseSteps(text, cursor, block.start, pieces);
    if (block.kind === "code") pieces.push({ start: block.start, end: block.end, kind: "paragraph" });
    else displaySteps(text, block, pieces);
    cursor = block.end;
  }
  proseSteps(text, cursor, text.length, pieces);
  return finish(text, pieces);
}

// ---------------------------------------------------------------------------------------------
// Displays and code fences: found first, so prose rules never look inside them.

interface Block {
  start: number;
  end: number;
  kind: "code" | "display";
  /** Where the formula's content lies (inside the delimiters). */
  bodyStart: number;
  bodyEnd: number;
  /** The environment that delimits it, if any (`align*`, `equation`, …). */
  env?: string;
}

/** Environments whose rows (split at `\\`) are separate relations. */
const ROW_ENVS = new Set([
  "align",
  "aligned",
  "alignat",
  "alignedat",
  "eqnarray",
  "flalign",
  "gather",
  "gathered",
  "split",
]);
const DISPLAY_ENVS = new Set([...ROW_ENVS, "equation", "multline", "displaymath", "math"]);

const OPENER = /^[ \t]*```|\$\$|\\\[|\\begin\{([a-zA-Z]+)\*?\}/gm;

function blocks(text: string): Block[] {
  const found: Block[] = [];
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(text); m; m = OPENER.exec(text)) {
    const block = blockAt(text, m);
    if (!block) continue;
    found.push(block);
    OPENER.lastIndex = Math.max(block.end, m.index + 1);
  }
  return found;
}

function blockAt(text: string, m: RegExpExecArray): Block | null {
  const at = m.index;
  const token = m[0];
  if (token.trimStart().startsWith("```")) return fenceAt(text, at);
  if (isEscaped(text, at)) return null;
  if (token === "$$") return delimited(text, at, 2, "$$");
  if (token === "\\[") return delimited(text, at, 2, "\\]");
  const name = m[1] ?? "";
  if (!DISPLAY_ENVS.has(name)) return null;
  const env = token.slice("\\begin{".length, -1);
  const close = matchingEnd(text, env, at + token.length);
  const end = close < 0 ? text.length : close + `\\end{${env}}`.length;
  return {
    start: at,
    end,
    kind: "display",
    bodyStart: at + token.length,
    bodyEnd: close < 0 ? text.length : close,
    env,
  };
}

/** A fence runs to the next line that starts with ``` (or to the end of an unfinished text). */
function fenceAt(text: string, at: number): Block {
  const lineEnd = text.indexOf("\n", at);
  if (lineEnd < 0) return { start: at, end: text.length, kind: "code", bodyStart: at, bodyEnd: text.length };
  const closing = /^[ \t]*```[^\n]*$/m;
  closing.lastIndex = 0;
  const rest = text.slice(lineEnd + 1);
  const m = closing.exec(rest);
  const end = m ? lineEnd + 1 + m.index + m[0].length : text.length;
  return { start: at, end, kind: "code", bodyStart: at, bodyEnd: end };
}

/** `$$…$$` and `\[…\]`; one left open (a solution still streaming) runs to the end. */
function delimited(text: string, at: number, openLength: number, closer: string): Block {
  let close = text.indexOf(closer, at + openLength);
  while (close >= 0 && closer !== "$$" && isEscaped(text, close)) close = text.indexOf(closer, close + 1);
  const bodyEnd = close < 0 ? text.length : close;
  const end = close < 0 ? text.length : close + closer.length;
  return { start: at, end, kind: "display", bodyStart: at + openLength, bodyEnd };
}

/** The `\end{env}` that closes the environment opened before `from`, counting nested ones of the same name. */
function matchingEnd(text: string, env: string, from: number): number {
  const escaped = env.replace(/[*]/g, "\\*");
  const token = new RegExp(String.raw`\\(begin|end)\{${escaped}\}`, "g");
  token.lastIndex = from;
  let depth = 1;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    depth += m[1] === "begin" ? 1 : -1;
    if (depth === 0) return m.index;
  }
  return -1;
}

/** A backslash preceded by an odd number of backslashes is itself escaped (`\\[2pt]` is a line break). */
function isEscaped(text: string, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= 0 && text.charAt(i) === "\\"; i--) count++;
  return count % 2 === 1;
}

function displaySteps(text: string, block: Block, pieces: Piece[]): void {
  const rows = rowEnvironment(text, block);
  if (!rows) {
    pieces.push({ start: block.start, end: block.end, kind: "display" });
    return;
  }
  for (const row of splitRows(text, rows.bodyStart, rows.bodyEnd))
    pieces.push({ ...row, kind: "align-line" });
}

/** The row environment whose rows are the display's steps: the display itself, or its whole body. */
function rowEnvironment(text: string, block: Block): { bodyStart: number; bodyEnd: number } | null {
  if (block.env !== undefined) {
    return ROW_ENVS.has(block.env.replace(/\*$/, ""))
      ? { bodyStart: block.bodyStart, bodyEnd: block.bodyEnd }
      : null;
  }
  const body = text.slice(block.bodyStart, block.bodyEnd);
  const inner = /^\s*\\begin\{([a-zA-Z]+\*?)\}(?:\{\d+\})?/.exec(body);
  if (!inner || !ROW_ENVS.has((inner[1] ?? "").replace(/\*$/, ""))) return null;
  const env = inner[1] ?? "";
  const bodyStart = block.bodyStart + inner[0].length;
  const close = matchingEnd(text, env, bodyStart);
  if (close < 0 || close > block.bodyEnd) return null;
  const after = text.slice(close + `\\end{${env}}`.length, block.bodyEnd);
  return after.trim() === "" ? { bodyStart, bodyEnd: close } : null;
}

/** Rows at `\\` outside braces and nested environments (a `cases` or `matrix` row is no step). */
function splitRows(text: string, from: number, to: number): { start: number; end: number }[] {
  const rows: { start: number; end: number }[] = [];
  let rowStart = from;
  let braces = 0;
  let envs = 0;
  for (let i = from; i < to; i++) {
    const c = text.charAt(i);
    if (c === "{") braces++;
    else if (c === "}") braces = Math.max(0, braces - 1);
    else if (c === "\\") {
      if (text.startsWith("\\begin{", i)) envs++;
      else if (text.startsWith("\\end{", i)) envs = Math.max(0, envs - 1);
      else if (text.charAt(i + 1) === "\\" && braces === 0 && envs === 0) {
        rows.push({ start: rowStart, end: i });
        rowStart = skipRowSpacing(text, i + 2, to);
        i = rowStart - 1;
        continue;
      }
      i++; // a control sequence's next character never opens or closes anything
    }
  }
  rows.push({ start: rowStart, end: to });
  return rows;
}

/** `\\[4pt]` and `\\*`: spacing that belongs to the row break, not to the next row. */
function skipRowSpacing(text: string, at: number, to: number): number {
  let i = at;
  if (text.charAt(i) === "*") i++;
  const m = /^\s*\[[^\]\n]{0,20}\]/.exec(text.slice(i, Math.min(to, i + 30)));
  return m ? i + m[0].length : i;
}

// ---------------------------------------------------------------------------------------------
// Prose: paragraphs, list items, "Step k" lines and headings.

const HEADING = [
  /^\s{0,3}#{1,6}\s/, // Markdown heading
  /^\s*(\*\*|__)[^\n]*?\1\s*:?\s*$/, // a wholly bold line
  /^\s*(?:\*\*|__)?\s*step\s+\d+\s*[:.)]?\s*(?:\*\*|__)?\s*:?\s*$/i, // "Step 3:" alone
  /^\s*\\(?:sub)*(?:section|paragraph)\*?\{/, // LaTeX sectioning
];
const NUMBERED = [
  /^\s*\d{1,3}[.)]\s+\S/, // 1. / 2)
  /^\s*\(\d{1,3}\)\s+\S/, // (3)
  /^\s*\\item\b/,
  /^\s*(?:\*\*|__)?\s*step\s+\d+\b/i, // Step 3: … / **Step 2** …
];

function proseSteps(text: string, from: number, to: number, pieces: Piece[]): void {
  let open: Piece | null = null;
  const close = (): void => {
    if (open) pieces.push(open);
    open = null;
  };
  let lineStart = from;
  while (lineStart < to) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 || newline > to ? to : newline;
    const line = text.slice(lineStart, lineEnd);
    const atLineStart = lineStart === 0 || text.charAt(lineStart - 1) === "\n";
    if (line.trim() === "") close();
    else if (atLineStart && HEADING.some((re) => re.test(line))) {
      close();
      pieces.push({ start: lineStart, end: lineEnd, kind: "heading" });
    } else if (atLineStart && NUMBERED.some((re) => re.test(line))) {
      close();
      open = { start: lineStart, end: lineEnd, kind: "numbered" };
    } else if (open) (open as Piece).end = lineEnd;
    else open = { start: lineStart, end: lineEnd, kind: "paragraph" };
    lineStart = lineEnd + 1;
  }
  close();
}

// ---------------------------------------------------------------------------------------------

function finish(text: string, pieces: Piece[]): Step[] {
  const lineStarts = lineStartsOf(text);
  const steps: Step[] = [];
  for (const piece of pieces) {
    const raw = text.slice(piece.start, piece.end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === "") continue;
    const start = piece.start + lead;
    steps.push({
      index: steps.length,
      text: body,
      start,
      end: start + body.length,
      line: lineOf(lineStarts, start),
      kind: piece.kind,
    });
  }
  return steps;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
