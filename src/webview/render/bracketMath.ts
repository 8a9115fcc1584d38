/**
 * markdown-it plugin for the LaTeX delimiters models use most: `\(…\)` (inline), `\[…\]`
 * (display, also mid-paragraph and across lines) and a bare `\boxed{…}` written outside math.
 * `@vscode/markdown-it-katex` handles only `$`-style delimiters.
 *
 * In CommonMark `\(` and `\[` are escapes for `(` and `[`, so the inline rules run before the
 * `escape` rule. An escaped backslash (`\\[`) is consumed by `escape` first and stays text.
 *
 * The tokens reuse the math plugin's names (`math_inline`, `math_inline_block`) so one set of
 * renderers draws every delimiter; `math_pending` is an unclosed formula, normally one still streaming.
 */
import type MarkdownIt from "markdown-it";
import { braceGroupEnd } from "../../core/util/braces";

type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;

const BACKSLASH = 0x5c;

/**
 * Index of `closer` (a two-character `\x` sequence) at or after `from`, stepping over `\\` pairs
 * so that a LaTeX line break `\\` never hides or fakes a delimiter; -1 when absent.
 */
export function findClosing(src: string, from: number, closer: string, limit = src.length): number {
  for (let pos = from; pos < limit - 1; pos++) {
    if (src.charCodeAt(pos) !== BACKSLASH) continue;
    if (src.startsWith(closer, pos) && pos + closer.length <= limit) return pos;
    pos++; // skip the escaped character
  }
  return -1;
}

function pushMath(state: StateInline, type: string, content: string, markup: string): void {
  const token = state.push(type, "math", 0);
  token.content = content;
  token.markup = markup;
}

function bracketRule(opener: string, closer: string, tokenType: string) {
  return (state: StateInline, silent: boolean): boolean => {
    if (!state.src.startsWith(opener, state.pos)) return false;
    const start = state.pos + opener.length;
    const end = findClosing(state.src, start, closer, state.posMax);
    if (end === -1) {
      // Unclosed: the model is still writing it, or the text was cut off. Show its source.
      if (!silent) pushMath(state, "math_pending", state.src.slice(state.pos, state.posMax), opener);
      state.pos = state.posMax;
      return true;
    }
    if (!silent) pushMath(state, tokenType, state.src.slice(start, end), opener);
    state.pos = end + closer.length;
    return true;
  };
}

function boxedRule(state: StateInline, silent: boolean): boolean {
  const command = "\\boxed{";
  if (!state.src.startsWith(command, state.pos)) return false;
  const end = braceGroupEnd(state.src, state.pos + command.length - 1, { end: state.posMax });
  if (end === -1) return false;
  if (!silent) pushMath(state, "math_inline", state.src.slice(state.pos, end), "\\boxed");
  state.pos = end;
  return true;
}

/** Whether display math is still open at the end of `line`, given whether it was open at its start. */
export function displayMathOpenAfter(line: string, openAtStart: boolean): boolean {
  let open = openAtStart;
  for (let pos = 0; pos < line.length - 1; pos++) {
    if (line.charCodeAt(pos) !== BACKSLASH) continue;
    const next = line[pos + 1];
    if (next === "[") open = true;
    else if (next === "]") open = false;
    pos++;
  }
  return open;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}

/**
 * A paragraph that opens `\[` on one line and closes it on a later one. Without this rule the
 * lines in between would be parsed as markdown: a row such as `- 43.60 \\` of an array (real
 * model output) would start a bullet list and tear the formula apart. The paragraph takes every
 * line up to the closing `\]` (blank ones too), then continues like an ordinary paragraph.
 */
function multilineDisplayParagraph(state: StateBlock, startLine: number, endLine: number, silent: boolean) {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false; // indented code
  if (!displayMathOpenAfter(lineText(state, startLine), false)) return false;
  if (silent) return true;

  const terminators = state.md.block.ruler
    .getRules("paragraph")
    .filter((rule) => rule !== multilineDisplayParagraph);
  let open = false;
  let line = startLine;
  while (line < endLine) {
    open = displayMathOpenAfter(lineText(state, line), open);
    line++;
    if (open) continue;
    if (line >= endLine || state.isEmpty(line)) break;
    if (displayMathOpenAfter(lineText(state, line), false)) continue;
    if (terminators.some((rule) => rule(state, line, endLine, true))) break;
  }

  const content = state.getLines(startLine, line, state.blkIndent, false).trim();
  state.line = line;
  state.push("paragraph_open", "p", 1).map = [startLine, line];
  const inline = state.push("inline", "", 0);
  inline.content = content;
  inline.map = [startLine, line];
  inline.children = [];
  state.push("paragraph_close", "p", -1);
  return true;
}

export function bracketMathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("escape", "math_paren", bracketRule("\\(", "\\)", "math_inline"));
  md.inline.ruler.before("escape", "math_bracket", bracketRule("\\[", "\\]", "math_inline_block"));
  md.inline.ruler.before("escape", "math_boxed", boxedRule);
  // After `list` so a list item that opens `\[` keeps its bullet (the rule then runs inside the item).
  md.block.ruler.after("list", "math_bracket_paragraph", multilineDisplayParagraph, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
}
