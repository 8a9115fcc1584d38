/**
 * Cuts a solution into chunks that are rendered (and dropped) one at a time, so no single step of
 * the panel's work grows with the size of a candidate. A 1 MB candidate rendered in one go became
 * ~36 MB of HTML and blocked the editor for minutes; in chunks of a few KB each step is bounded.
 *
 * Chunks end at block boundaries (see blocks.ts) once they hold `targetChars`; a construct that
 * stays open longer than `maxChars` (a fence or a `\begin` that never ends, one huge line) is cut
 * anyway: it then renders less faithfully, but in bounded steps. Streaming text only grows, so the
 * chunker consumes each new complete line once: every chunk but the last is final.
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

export class MarkdownChunker {
  /** Characters of the text consumed as complete lines. */
  private consumed = 0;
  /** The last characters consumed: a cheap check that the next text extends the last one. */
  private consumedTail = "";
  private readonly closed: string[] = [];
  private current: string[] = [];
  private currentChars = 0;
  private open: OpenConstructs = noOpenConstructs();

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
    const fits = this.currentChars + partialLine.length <= this.limits.maxChars;
    const tail = fits
      ? [[...this.current, partialLine].join("\n")]
      : [this.current.join("\n"), ...splitLongLine(partialLine, this.limits.maxChars)];
    // Closed chunks are never blank (see close); only the tail needs the check.
    const last = tail.map((chunk) => chunk.replace(/\s+$/, "")).filter((chunk) => chunk.trim() !== "");
    return [...this.closed, ...last];
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
      if (this.currentChars >= this.limits.targetChars) this.close();
      else if (this.current.length > 0) this.push(line);
      return;
    }
    if (this.currentChars + line.length > this.limits.maxChars) this.close();
    this.push(line);
    advanceOpenConstructs(this.open, line);
  }

  private push(line: string): void {
    this.current.push(line);
    this.currentChars += line.length + 1;
  }

  private close(): void {
    const chunk = this.current.join("\n").replace(/\s+$/, "");
    if (chunk.trim() !== "") this.closed.push(chunk);
    this.current = [];
    this.currentChars = 0;
  }

  private reset(): void {
    this.consumed = 0;
    this.consumedTail = "";
    this.closed.length = 0;
    this.current = [];
    this.currentChars = 0;
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
