/**
 * A candidate's solution body, rendered lazily and in bounded steps. The text is cut into chunks
 * (render/chunker.ts); each chunk has one element in the page, an empty placeholder of about the
 * right height until it comes near the viewport, then rendered, one chunk per step, as the panel's
 * frame budget allows. A finished ordinary-size solution ("eager") is rendered even off screen,
 * after every visible chunk of the panel: only long and streaming ones wait to be seen.
 *
 * A growing chunk (the streaming tail) is rendered block by block: the blocks that can no longer
 * change (the chunker's settled prefix) are appended once and kept, and only the open block after
 * them is replaced, so a streamed delta costs the size of that block, not of the text so far. The
 * chunker cuts only where rendering the parts apart gives the HTML of rendering them together, so
 * the finished body is the one a fresh render of the whole text draws (incremental.test.ts).
 * When a card holds much rendered text, chunks that leave the viewport become placeholders again,
 * so the panel's memory follows what is on screen, not what arrived. In a fresh panel's first frame
 * a finished chunk that the screen shows only the top of is drawn only that far (`drawHead`).
 */
import { DEFAULT_CHUNK_LIMITS, leadingBlocks, MarkdownChunker, type ChunkLimits } from "../render/chunker";
import { renderChunk } from "../render/chunkCache";
import { renderMarkdown } from "../render/markdown";
import { appendRenderedHtml, setRenderedHtml } from "./dom";
import type { FrameBudget } from "./frameBudget";
import type { Visibility } from "./visibility";

export interface SolutionLimits extends ChunkLimits {
  /** A finished text up to this size is rendered even off screen (in a card that may be eager). */
  eagerMaxChars: number;
  /** Rendered source a card keeps off screen before it empties chunks that leave the view. */
  keepRenderedChars: number;
}

export const DEFAULT_SOLUTION_LIMITS: SolutionLimits = {
  ...DEFAULT_CHUNK_LIMITS,
  eagerMaxChars: 12_000,
  keepRenderedChars: 24_000,
};

interface Slot {
  source: string;
  /** A prefix of `source` made of whole blocks that can no longer change (all of it once the chunk is closed). */
  settled: string;
  element: HTMLElement;
  /** The source whose HTML the element holds; null while it is a placeholder. */
  rendered: string | null;
  /** The settled prefix whose HTML the element's first `nodes` children are; null when none. */
  kept: { source: string; nodes: number } | null;
  visible: boolean;
  onScreen: boolean;
  /** The element's height and how far down from its top it showed on screen, when last measured. */
  heightPx: number;
  shownPx: number;
  /**
   * A chunk drawn only as far as the screen showed it (`drawHead`): the placeholder of the rest of
   * its source, after the blocks drawn, and whether that placeholder is on screen.
   */
  rest: HTMLElement | null;
  restOnScreen: boolean;
}

/** A block boundary: a line break, then a blank line. */
const BLANK_LINE_AT = /^\n[ \t]*\n/;

/**
 * Which chunks a rendering pass takes: those on screen first, then those near it, then the rest of
 * eager cards. What is on screen is bounded by the viewport, so its pass may stretch the frame's
 * limits (`ON_SCREEN_SCALE`): the panel then shows what is in view in one frame, not over several.
 */
export type RenderPass = "onScreen" | "visible" | "eager";

const ON_SCREEN_SCALE = 4;

/**
 * A chunk's head is drawn this much beyond the share of its placeholder the screen shows: the
 * placeholder's height is an estimate, and a head that falls short is completed in the same frame.
 */
const HEAD_MARGIN = 1.3;

/** Rough height of unrendered source, so placeholders give the scrollbar about the right size. */
function estimatedHeightEm(source: string): number {
  let lines = 1;
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lines++;
  return Math.ceil((lines + source.length / 90) * 1.5);
}

export class SolutionView {
  private slots: Slot[] = [];
  private readonly chunker: MarkdownChunker;
  private renderedChars = 0;
  /** Whether off-screen chunks are rendered too (an ordinary-size text in one of the first cards). */
  private eager = false;
  /** Chunks rendered since creation (tests and the benchmark count steps with it). */
  renderCount = 0;

  constructor(
    readonly element: HTMLElement,
    private readonly visibility: Visibility,
    /** Called when a chunk needs rendering outside of a text change (it scrolled into view). */
    private readonly onWork: () => void,
    private readonly limits: SolutionLimits = DEFAULT_SOLUTION_LIMITS,
    /** Whether this card may render off screen while its text is ordinary-size. */
    private readonly mayBeEager = true,
  ) {
    this.chunker = new MarkdownChunker(limits);
  }

  /** Takes the latest text. Cheap: splits new lines into chunks, renders nothing. */
  setText(text: string, finished: boolean): void {
    // Only a finished text: re-rendering the growing tail of a solution nobody sees is wasted work.
    this.eager = this.mayBeEager && finished && text.length <= this.limits.eagerMaxChars;
    const chunks = this.chunker.update(text);
    const kept = Math.min(chunks.length, this.slots.length);
    for (let i = 0; i < kept; i++) this.slots[i]!.source = chunks[i]!;
    for (const slot of this.slots.splice(chunks.length)) this.removeSlot(slot);
    for (const source of chunks.slice(kept)) this.addSlot(source);
    for (const slot of this.slots) slot.settled = slot.source;
    // A finished text no longer grows: its last chunk is settled too (and may be drawn in part).
    const last = this.slots.at(-1);
    if (last && !finished) last.settled = this.chunker.settledOfLast;
  }

  /** Whether a chunk still waits for rendering (a visible one, or any of an eager card). */
  hasWork(): boolean {
    return this.slots.some((slot) => this.needsRender(slot, "eager"));
  }

  /**
   * Renders the pass's chunks, one per step, until none is left or the frame's budget is used up;
   * how many it rendered.
   */
  renderSome(budget: FrameBudget, pass: RenderPass, heads = false): number {
    let rendered = 0;
    while (this.renderNext(budget, pass, heads)) rendered++;
    return rendered;
  }

  /**
   * Whether a chunk is on screen or near it, as last reported. A card far from the viewport is
   * skipped by the browser (`content-visibility: auto`) until reading its layout forces it.
   */
  isNearViewport(): boolean {
    return this.slots.some((slot) => slot.visible);
  }

  /** Whether the text has any chunk (an element in the page) yet. */
  hasChunks(): boolean {
    return this.slots.length > 0;
  }

  /**
   * Renders the pass's first chunk still to render, if the budget allows; whether it did. With
   * `heads`, a finished chunk the screen shows only the top of is drawn only that far (`drawHead`).
   */
  renderNext(budget: FrameBudget, pass: RenderPass, heads = false): boolean {
    const slot = this.slots.find((candidate) => this.needsRender(candidate, pass));
    if (!slot || budget.exhausted(pass === "onScreen" ? ON_SCREEN_SCALE : 1)) return false;
    const head = heads ? this.headToShow(slot) : null;
    budget.step(head === null ? this.render(slot) : this.drawHead(slot, head));
    return true;
  }

  private needsRender(slot: Slot, pass: RenderPass): boolean {
    // A chunk drawn down to what the screen showed is on screen, but only its rest's placeholder waits.
    const onScreen = slot.rest ? slot.restOnScreen : slot.onScreen;
    const wanted = pass === "onScreen" ? onScreen : slot.visible || (pass === "eager" && this.eager);
    return wanted && slot.rendered !== slot.source;
  }

  dispose(): void {
    for (const slot of this.slots) {
      this.visibility.unobserve(slot.element);
      this.dropRest(slot);
    }
    this.slots = [];
  }

  private addSlot(source: string): void {
    const element = document.createElement("div");
    const slot: Slot = {
      source,
      settled: "",
      element,
      rendered: null,
      kept: null,
      visible: false,
      onScreen: false,
      heightPx: 0,
      shownPx: 0,
      rest: null,
      restOnScreen: false,
    };
    this.showPlaceholder(slot, `${estimatedHeightEm(source)}em`);
    this.slots.push(slot);
    this.element.append(element);
    this.visibility.observe(
      element,
      (visible, height, onScreen = false, shownPx = 0) =>
        this.onVisibility(slot, visible, height, onScreen, shownPx),
      this.element,
    );
  }

  private removeSlot(slot: Slot): void {
    this.visibility.unobserve(slot.element);
    this.dropRest(slot);
    if (slot.rendered !== null) this.renderedChars -= slot.rendered.length;
    slot.element.remove();
  }

  /** Renders one chunk (the rest of it after a head); returns the length of the HTML it inserted. */
  private render(slot: Slot): number {
    this.dropRest(slot); // after a head: the rest is drawn where its placeholder was
    if (slot.rendered !== null) this.renderedChars -= slot.rendered.length;
    const html = this.canExtend(slot) ? this.extend(slot) : this.renderWhole(slot);
    slot.element.className = "md-chunk";
    slot.element.style.removeProperty("min-height");
    slot.rendered = slot.source;
    this.renderedChars += slot.source.length;
    this.renderCount++;
    return html;
  }

  /**
   * Whether the element's kept blocks begin the chunk's settled part (the chunk only grew since):
   * the settled part starts with them, followed by the blank line that ended them.
   */
  private canExtend(slot: Slot): boolean {
    const { kept, settled } = slot;
    if (slot.rendered === null || kept === null || !settled.startsWith(kept.source)) return false;
    return (
      kept.source === "" || settled === kept.source || BLANK_LINE_AT.test(settled.slice(kept.source.length))
    );
  }

  /** A chunk seen for the first time (or changed otherwise than by growing), in one piece. */
  private renderWhole(slot: Slot): number {
    if (slot.settled === slot.source) {
      const html = renderChunk(slot.source); // memoised: a closed chunk that scrolls back in view
      setRenderedHtml(slot.element, html);
      slot.kept = { source: slot.source, nodes: slot.element.childNodes.length };
      return html.length;
    }
    slot.element.replaceChildren();
    slot.kept = { source: "", nodes: 0 };
    return this.extend(slot);
  }

  /** Drops the open block, appends the newly settled blocks, then the open block again. */
  private extend(slot: Slot): number {
    const { element } = slot;
    const kept = slot.kept!;
    while (element.childNodes.length > kept.nodes) element.lastChild!.remove();
    let inserted = 0;
    const newlySettled = slot.settled.slice(kept.source.length);
    if (newlySettled.trim() !== "") inserted += this.append(element, newlySettled);
    slot.kept = { source: slot.settled, nodes: element.childNodes.length };
    const open = slot.source.slice(slot.settled.length);
    if (open.trim() !== "") inserted += this.append(element, open);
    return inserted;
  }

  /**
   * The leading blocks of a finished chunk drawn for the first time that cover what the screen shows
   * of it, when that is less than the whole chunk; null otherwise. The chunk's placeholder gave its
   * height and how far down it showed: a chunk's box shows 22em of a chunk that is often three times that.
   */
  private headToShow(slot: Slot): string | null {
    const { heightPx, shownPx, source } = slot;
    if (slot.rendered !== null || slot.settled !== source) return null;
    if (!(heightPx > 0 && shownPx > 0 && shownPx < heightPx)) return null;
    const share = Math.min(1, (HEAD_MARGIN * shownPx) / heightPx);
    const head = leadingBlocks(source, Math.ceil(share * source.length));
    return head.length < source.length ? head : null;
  }

  /**
   * Draws `head` and, after it, a placeholder for the rest of the chunk, watched like a chunk: the
   * rest is drawn once that placeholder comes on screen or near it (extend then replaces it), so
   * what the screen shows is final and the first frame draws little that the box hides.
   */
  private drawHead(slot: Slot, head: string): number {
    const html = renderMarkdown(head);
    setRenderedHtml(slot.element, html);
    slot.kept = { source: head, nodes: slot.element.childNodes.length };
    const rest = document.createElement("div");
    rest.className = "md-rest";
    rest.style.minHeight = `${estimatedHeightEm(slot.source.slice(head.length))}em`;
    slot.element.append(rest);
    slot.element.className = "md-chunk partial";
    slot.element.style.removeProperty("min-height");
    slot.rest = rest;
    slot.restOnScreen = false;
    this.visibility.observe(
      rest,
      (visible, _height, onScreen = false) => {
        slot.restOnScreen = visible && onScreen;
        if (visible) this.onWork();
      },
      this.element,
    );
    slot.rendered = head;
    this.renderedChars += head.length;
    this.renderCount++;
    return html.length;
  }

  private dropRest(slot: Slot): void {
    if (slot.rest === null) return;
    this.visibility.unobserve(slot.rest);
    slot.rest.remove();
    slot.rest = null;
    slot.restOnScreen = false;
  }

  private append(element: HTMLElement, blocks: string): number {
    const html = renderMarkdown(blocks);
    appendRenderedHtml(element, html);
    return html.length;
  }

  /**
   * An empty element of `height` (estimated, or measured before it was emptied). Empty rather than
   * the source as text: a megabyte of text nodes costs layout and memory too.
   */
  private showPlaceholder(slot: Slot, height: string): void {
    this.dropRest(slot);
    slot.element.replaceChildren();
    slot.element.className = "md-chunk pending";
    slot.element.style.minHeight = height;
    if (slot.rendered !== null) this.renderedChars -= slot.rendered.length;
    slot.rendered = null;
    slot.kept = null;
  }

  private onVisibility(
    slot: Slot,
    visible: boolean,
    height: number,
    onScreen: boolean,
    shownPx: number,
  ): void {
    slot.visible = visible;
    slot.onScreen = visible && onScreen;
    slot.heightPx = height;
    slot.shownPx = shownPx;
    if (visible) {
      if (this.needsRender(slot, "visible")) this.onWork();
      return;
    }
    // Off screen: back to a placeholder if this card holds a lot, keeping its height so nothing jumps.
    if (slot.rendered !== null && this.renderedChars > this.limits.keepRenderedChars && height > 0) {
      this.showPlaceholder(slot, `${height}px`);
    }
  }
}
