/**
 * Cursor rules for Markdown: the block under the cursor, where list items and fenced code are blocks
 * of their own. A `$$ … $$` display that is a whole paragraph is a "math-environment". Headings,
 * thematic breaks, front matter and blank space are never a problem (issue #9): there the cursor is
 * between problems.
 */
import { stripHtmlComments, stripListMarker, stripQuoteMarkers } from "./clean";
import { locateWithGaps } from "./around";
import { innermost, lineText, tidy, trimSpan } from "./lines";
import { type Block, markdownBlocks } from "./markdownBlocks";
import { isStructuralTexLine } from "./texLines";
import { scanTex } from "./texScan";
import type { ExtractedProblem, ProblemKind, ProblemLocation } from "./types";

export function locateInMarkdown(text: string, cursor: number): ProblemLocation {
  const blocks = markdownBlocks(text);
  const frontMatterEnd = frontMatterLength(text);
  return locateWithGaps(text, cursor, {
    enclosing: () => null,
    isGapLine: (lineStart) =>
      lineStart < frontMatterEnd || isGapLine(text, blockAt(blocks, lineStart), lineStart),
    extractAt: (at) => problemInBlock(text, blockAt(blocks, at), at),
  });
}

/** The block whose lines hold `offset`, by binary search (blocks are in document order). */
function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid];
    if (!block) break;
    if (offset < block.start) high = mid - 1;
    else if (offset > block.end) low = mid + 1;
    else return block;
  }
  return undefined;
}

/**
 * Outside every block (blank, `---`), a heading, or, inside text, a Pandoc `:::` div fence, a
 * comment-only line or a LaTeX structural line.
 */
function isGapLine(text: string, block: Block | undefined, lineStart: number): boolean {
  if (!block || block.type === "heading") return true;
  if (block.type === "fence") return false;
  const line = lineText(text, lineStart).trim();
  // Pandoc documents define their macros in the body: `\newcommand` lines are preamble there too.
  return (
    /^:{3,}/.test(line) || /^<!--.*-->$/.test(line) || (line.startsWith("\\") && isStructuralTexLine(line))
  );
}

function problemInBlock(text: string, block: Block | undefined, cursor: number): ExtractedProblem | null {
  if (!block) return null;
  const source = text.slice(block.start, block.end).replace(/\r\n?/g, "\n");
  switch (block.type) {
    case "heading":
      return null;
    case "fence":
      return result(text, block, fenceBody(source), block.info === "math" ? "math-environment" : "paragraph");
    case "item":
      return result(text, block, cleanMarkdown(stripListMarker(source)), "item");
    case "paragraph":
      return standaloneMath(text, block, cursor) ?? result(text, block, cleanMarkdown(source), "paragraph");
  }
}

/** YAML front matter (`---` on the first line, up to the closing `---` or `...`): metadata, not text. */
function frontMatterLength(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(4));
  return close ? 4 + close.index + close[0].length : 0;
}

export function cleanMarkdown(source: string): string {
  return tidy(stripQuoteMarkers(stripHtmlComments(source)));
}

function fenceBody(source: string): string {
  const lines = source.split("\n").slice(1);
  if (lines.length > 0 && /^ {0,3}(`{3,}|~{3,})\s*$/.test(lines[lines.length - 1] ?? "")) lines.pop();
  return tidy(lines.join("\n"), { startsMidLine: false });
}

function standaloneMath(text: string, block: Block, cursor: number): ExtractedProblem | null {
  const source = text.slice(block.start, block.end);
  const math = innermost(
    scanTex(source, { comments: false }).envs.filter((env) => env.role === "math"),
    cursor - block.start,
  );
  if (!math || source.slice(0, math.start).trim() !== "" || source.slice(math.end).trim() !== "") return null;
  return result(text, block, tidy(source.slice(math.bodyStart, math.bodyEnd)), "math-environment");
}

function result(text: string, block: Block, problem: string, kind: ProblemKind): ExtractedProblem | null {
  const span = trimSpan(text, block);
  if (problem === "" || !span) return null;
  return { problem, start: span.start, end: span.end, kind };
}
