/**
 * Cursor rules for Markdown: the block under the cursor, where list items, headings and fenced code
 * are blocks of their own. A `$$ … $$` display that is a whole paragraph is a "math-environment".
 */
import { stripHeadingHashes, stripHtmlComments, stripListMarker, stripQuoteMarkers } from "./clean";
import { innermost, tidy, trimSpan } from "./lines";
import { type Block, markdownBlocks } from "./markdownBlocks";
import { scanTex } from "./texScan";
import type { ExtractedProblem, ProblemKind } from "./types";

export function extractFromMarkdown(text: string, cursor: number): ExtractedProblem | null {
  const block = blockNear(markdownBlocks(text), cursor);
  if (!block) return null;
  const source = text.slice(block.start, block.end).replace(/\r\n?/g, "\n");
  switch (block.type) {
    case "heading":
      return result(text, block, stripHeadingHashes(source), "paragraph");
    case "fence":
      return result(text, block, fenceBody(source), block.info === "math" ? "math-environment" : "paragraph");
    case "item":
      return result(text, block, cleanMarkdown(stripListMarker(source)), "item");
    case "paragraph":
      return standaloneMath(text, block, cursor) ?? result(text, block, cleanMarkdown(source), "paragraph");
  }
}

/**
 * The block under the cursor; from a gap between blocks, the block above (the problem just typed),
 * unless that is a heading, which is a title rather than a problem: then the block below.
 */
function blockNear(blocks: readonly Block[], cursor: number): Block | undefined {
  const above = blocks.filter((block) => block.start <= cursor).pop();
  if (above && cursor <= above.end) return above;
  const below = blocks.find((block) => block.start > cursor);
  if (above?.type === "heading") return below ?? above;
  return above ?? below;
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
