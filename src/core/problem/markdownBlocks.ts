/**
 * Splits Markdown into the blocks a problem can live in: paragraphs, list items, headings and fenced
 * code. One pass over the lines, because whether a line is inside a fence (or a `$$` display that
 * spans blank lines) depends on everything above it.
 */
import { isMarkdownHeading, isMarkdownListItem } from "./clean";
import { isBlank, lineEndAt, lineText } from "./lines";

export type BlockType = "paragraph" | "item" | "heading" | "fence";

export interface Block {
  type: BlockType;
  /** At the first line's start. */
  start: number;
  /** At the last line's end (before its line break). */
  end: number;
  /** The info string of a fence, e.g. "math" for GitLab-style math blocks. */
  info?: string;
}

interface Fence {
  char: string;
  length: number;
}

interface BuildState {
  blocks: Block[];
  /** The paragraph or item that a following text line continues, or the open fence. */
  current: Block | null;
  fence: Fence | null;
  inDisplayMath: boolean;
}

export function markdownBlocks(text: string): Block[] {
  const state: BuildState = { blocks: [], current: null, fence: null, inDisplayMath: false };
  for (let start = 0; start <= text.length;) {
    const end = lineEndAt(text, start);
    addLine(state, lineText(text, start), start, end);
    start = end + 1;
  }
  return state.blocks;
}

function addLine(state: BuildState, line: string, start: number, end: number): void {
  const { current } = state;
  if (state.fence && current) {
    current.end = end;
    if (closesFence(line, state.fence)) [state.fence, state.current] = [null, null];
    return;
  }
  if (state.inDisplayMath && current) {
    // Inside `$$ … $$` blank lines and `-` lines are math, not Markdown structure.
    current.end = end;
    if (hasOddDisplayDollars(line)) state.inDisplayMath = false;
    return;
  }
  const fence = fenceOpener(line);
  if (fence) {
    state.fence = fence.fence;
    state.current = push(state, { type: "fence", start, end, info: fence.info });
    return;
  }
  if (isBlank(line) || /^\s*>\s*$/.test(line) || isThematicBreak(line)) {
    state.current = null;
  } else if (isMarkdownHeading(line)) {
    push(state, { type: "heading", start, end });
    state.current = null;
  } else if (isMarkdownListItem(line)) {
    state.current = push(state, { type: "item", start, end });
  } else if (current) {
    current.end = end; // a lazy continuation line of the paragraph or item above
  } else {
    state.current = push(state, { type: "paragraph", start, end });
  }
  if (state.current && hasOddDisplayDollars(line)) state.inDisplayMath = true;
}

function push(state: BuildState, block: Block): Block {
  state.blocks.push(block);
  return block;
}

function fenceOpener(line: string): { fence: Fence; info: string } | null {
  const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  const marker = match?.[1];
  if (!marker) return null;
  const info = (match[2] ?? "").trim();
  if (marker.startsWith("`") && info.includes("`")) return null; // inline code, not a fence
  return { fence: { char: marker.charAt(0), length: marker.length }, info };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  const marker = match?.[1];
  return !!marker && marker.charAt(0) === fence.char && marker.length >= fence.length;
}

/** `---`, `***`, `___` (spaces allowed): a separator, also the underline of a setext heading. */
function isThematicBreak(line: string): boolean {
  const compact = line.replace(/[ \t]/g, "");
  return compact.length >= 3 && /^(?:-+|\*+|_+|=+)$/.test(compact);
}

/** An odd number of `$$` on a line opens or closes a display that continues on later lines. */
function hasOddDisplayDollars(line: string): boolean {
  let count = 0;
  for (let at = line.indexOf("$$"); at >= 0; at = line.indexOf("$$", at + 2)) {
    if (line.charAt(at - 1) !== "\\") count++;
  }
  return count % 2 === 1;
}
