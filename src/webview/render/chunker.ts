/**
 * Cuts a solution into chunks that are rendered (and dropped) one at a time, so no single step of
 * the panel's work grows with the size of a candidate. A 1 MB candidate rendered in one go became
 * ~36 MB of HTML and blocked the editor for minutes; in chunks of a few KB each step is bounded.
 *
 * Chunks end at block boundaries (see blocks.ts) once they hold `targetChars`; a construct that
 * stays open longer than `maxChars` (a fence or a `\begin` that never ends, one huge line) is cut
 * anyway: it then renders less faithfully, but in bounded steps. Streaming text only grows, so the
 * chunker consumes each new complete line once: every chunk but the last is final.
 *
 * A boundary is only taken once the line after the blank one shows that a new block starts there:
 * a list item or an indented line would continue the block before it (a loose list, an item's
 * second paragraph, indented code), and cutting there would render differently. So rendering the
 * chunks one by one gives the same HTML as rendering the whole text (test/unit/webview/incremental.test.ts);
 * only the `maxChars` cuts of pathological text break that. The same boundaries inside the last
 * chunk are its `settledOfLast` prefix: blocks that can no longer change while the text grows, so
 * the panel renders them once and re-renders only what follows (view/solutionView.ts).
 */
import { advanceOpenConstructs, isOpen, noOpenConstructs, type OpenConstructs } from "./blocks";

export interface ChunkLimits {
  /** A chunk closes at the first block boundary after it holds this many characters. */
  targetChars: number;
  /** Hard cap on a chunk's size, even inside an open construct or a single line. */
  maxChars: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { targetChars: 1200, maxChars: 4000 };

const TAIL_CHECK_CHARS = 256;

/** A line that, after a blank line, continues the block before it: an indented line or a list item. */
const CONTINUES_BLOCK = /^(?:\s|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$))/;
/** An unfinished line that may still become a list marker ("-", "12", "3."). */
const MAY_BECOME_MARKER = /^(?:[-*+]|\d{1,9}[.)]?)$/;

/** Whether the (possibly unfinished) first line after a blank line already shows a new block starts. */
function startsNewBlock(line: string, complete: boolean): boolean {
  if (line === "" || CONTINUES_BLOCK.test(line)) return false;
  return complete || !MAY_BECOME_MARKER.test(line);
}

export class MarkdownChunker {
  /** Characters of the text consumed as complete lines. */
  private consumed = 0;
  /** The last characters consumed: a cheap check that the next text extends the last one. */
  private consumedTail = "";
  private readonly closed: string[] = [];
  private current: string[] = [];
  private currentChars = 0;
  private open: OpenConstructs = noOpenConstructs();
  /** Lines of `current` that are whole blocks, followed by a block boundary. */
  private settledLines = 0;
  /** Lines of `current` before a blank line that may be a block boundary, once the next line shows it. */
  private boundaryAt: number | null = null;
  /** `currentChars` before those blank lines: what the chunk would hold if cut there. */
  private boundaryChars = 0;
  /**
   * The part of the last chunk `update` returned that can no longer change as the text grows: its
   * whole blocks ("" when none). Rendering it and the rest separately gives the chunk's HTML.
   */
  settledOfLast = "";

  constructor(private readonly limits: ChunkLimits = DEFAULT_CHUNK_LIMITS) {}

  /** The chunks of `text`; the last one may still change while `text` grows. */
  update(text: string): string[] {
    // Comparing the whole prefix would cost O(text) per update; a replaced text (a new solve gets a
    // new card anyway) is caught by its length or its last consumed characters.
    if (text.length < this.consumed || !this.extends(text)) this.reset();
    let newline = text.indexOf("\n", this.consumed);
    while (newline !== -1) {
      this.addLine(text.slice(this.consumed, newline));
      this.consumed = newline + 1;
      newline = text.indexOf("\n", this.consumed);
    }
    this.consumedTail = text.slice(Math.max(0, this.consumed - TAIL_CHECK_CHARS), this.consumed);
    return this.withLast(text.slice(this.consumed));
  }

  private extends(text: string): boolean {
    return text.slice(this.consumed - this.consumedTail.length, this.consumed) === this.consumedTail;
  }

  /** The closed chunks, then the current one with the unfinished line, cut the way addLine would. */
  private withLast(partialLine: string): string[] {
    const head = [...this.closed];
    let current = this.current;
    let chars = this.currentChars;
    let settled = this.settledLines;
    if (this.boundaryAt !== null && startsNewBlock(partialLine, false)) {
      if (this.boundaryChars >= this.limits.targetChars) {
        head.push(current.join("\n").trimEnd());
        [current, chars, settled] = [[], 0, 0];
      } else settled = this.boundaryAt;
    }
    const fits = chars + partialLine.length <= this.limits.maxChars;
    const tail = fits
      ? [[...current, partialLine].join("\n")]
      : [current.join("\n"), ...splitLongLine(partialLine, this.limits.maxChars)];
    // Closed chunks are never blank (see close); only the tail needs the check.
    const last = tail.map((chunk) => chunk.trimEnd()).filter((chunk) => chunk.trim() !== "");
    this.settledOfLast = fits && last.length > 0 ? current.slice(0, settled).join("\n").trimEnd() : "";
    return [...head, ...last];
  }

  private addLine(line: string): void {
    if (line.length > this.limits.maxChars) {
      this.close();
      const pieces = splitLongLine(line, this.limits.maxChars);
      for (const piece of pieces) this.closed.push(piece);
      advanceOpenConstructs(this.open, line);
      return;
    }
    if (line.trim() === "" && !isOpen(this.open)) {
      if (this.current.length === 0) return;
      if (this.boundaryAt === null)
        [this.boundaryAt, this.boundaryChars] = [this.current.length, this.currentChars];
      this.push(line);
      return;
    }
    if (this.boundaryAt !== null) this.takeBoundary(line);
    if (this.currentChars + line.length > this.limits.maxChars) this.close();
    this.push(line);
    advanceOpenConstructs(this.open, line);
  }

  /** The first line after blank ones: a block boundary if it starts a new block. */
  private takeBoundary(line: string): void {
    if (startsNewBlock(line, true)) {
      if (this.boundaryChars >= this.limits.targetChars) this.close();
      else this.settledLines = this.boundaryAt!;
    }
    this.boundaryAt = null;
  }

  private push(line: string): void {
    this.current.push(line);
    this.currentChars += line.length + 1;
  }

  private close(): void {
    const chunk = this.current.join("\n").trimEnd();
    if (chunk.trim() !== "") this.closed.push(chunk);
    this.current = [];
    this.currentChars = 0;
    this.settledLines = 0;
    this.boundaryAt = null;
  }

  private reset(): void {
    this.consumed = 0;
    this.consumedTail = "";
    this.closed.length = 0;
    this.current = [];
    this.currentChars = 0;
    this.settledLines = 0;
    this.boundaryAt = null;
    this.settledOfLast = "";
    this.open = noOpenConstructs();
  }
}

/** Pieces of at most `max` characters, never splitting a surrogate pair. */
export function splitLongLine(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const pieces: string[] = [];
  let start = 0;
  while (start < line.length) {
    let end = Math.min(line.length, start + max);
    const code = line.charCodeAt(end - 1);
    if (end < line.length && code >= 0xd800 && code <= 0xdbff) end--;
    pieces.push(line.slice(start, end));
    start = end;
  }
  return pieces;
}

/**
 * The shortest run of `text`'s leading whole blocks that holds `minChars` (all of `text` when no
 * block boundary comes after that): where the chunker would cut, so rendering this head and the rest
 * apart gives the HTML of rendering them together.
 */
export function leadingBlocks(text: string, minChars: number): string {
  const [head] = new MarkdownChunker({ targetChars: minChars, maxChars: Infinity }).update(text);
  return head !== undefined && text.startsWith(head) ? head : text;
}
