/**
 * A candidate's solution body, rendered lazily and in bounded steps. The text is cut into chunks
 * (render/chunker.ts); each chunk has one element in the page, an empty placeholder of about the
 * right height until it comes near the viewport, then rendered, one chunk per step, as the panel's
 * frame budget allows. A finished ordinary-size solution ("eager") is rendered even off screen,
 * after every visible chunk of the panel: only long and streaming ones wait to be seen. A chunk
 * whose source changed keeps its old HTML until re-rendered, so a streaming tail does not flicker.
 * When a card holds much rendered text, chunks that leave the viewport become placeholders again,
 * so the panel's memory follows what is on screen, not what arrived.
 */
import { DEFAULT_CHUNK_LIMITS, MarkdownChunker, type ChunkLimits } from "../render/chunker";
import { renderChunk } from "../render/chunkCache";
import { setRenderedHtml } from "./dom";
import type { FrameBudget } from "./frameBudget";
import type { Visibility } from "./visibility";

export interface SolutionLimits extends ChunkLimits {
  /** A finished text up to this size is rendered whole, exactly as markdown-it renders it. */
  wholeMaxChars: number;
  /** Rendered source a card keeps off screen before it empties chunks that leave the view. */
  keepRenderedChars: number;
}

export const DEFAULT_SOLUTION_LIMITS: SolutionLimits = {
  ...DEFAULT_CHUNK_LIMITS,
  wholeMaxChars: 12_000,
  keepRenderedChars: 24_000,
};

interface Slot {
  source: string;
  element: HTMLElement;
  /** The source whose HTML the element holds; null while it is a placeholder. */
  rendered: string | null;
  visible: boolean;
}

/** Which chunks a rendering pass takes: those near the viewport first, then the rest of eager cards. */
export type RenderPass = "visible" | "eager";

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
    const whole = finished && text.length <= this.limits.wholeMaxChars;
    // Only a finished text: re-rendering the growing tail of a solution nobody sees is wasted work.
    this.eager = this.mayBeEager && whole;
    const chunks = whole ? (text.trim() === "" ? [] : [text]) : this.chunker.update(text);
    const kept = Math.min(chunks.length, this.slots.length);
    for (let i = 0; i < kept; i++) this.slots[i]!.source = chunks[i]!;
    for (const slot of this.slots.splice(chunks.length)) this.removeSlot(slot);
    for (const source of chunks.slice(kept)) this.addSlot(source);
  }

  /** Whether a chunk still waits for rendering (a visible one, or any of an eager card). */
  hasWork(): boolean {
    return this.slots.some((slot) => this.needsRender(slot, "eager"));
  }

  /** Renders the pass's chunks, one per step, until none is left or the frame's budget is used up. */
  renderSome(budget: FrameBudget, pass: RenderPass): void {
    for (const slot of this.slots) {
      if (!this.needsRender(slot, pass)) continue;
      if (budget.exhausted()) return;
      budget.step(this.render(slot));
    }
  }

  private needsRender(slot: Slot, pass: RenderPass): boolean {
    const wanted = slot.visible || (pass === "eager" && this.eager);
    return wanted && slot.rendered !== slot.source;
  }

  dispose(): void {
    for (const slot of this.slots) this.visibility.unobserve(slot.element);
    this.slots = [];
  }

  private addSlot(source: string): void {
    const element = document.createElement("div");
    const slot: Slot = { source, element, rendered: null, visible: false };
    this.showPlaceholder(slot, `${estimatedHeightEm(source)}em`);
    this.slots.push(slot);
    this.element.append(element);
    this.visibility.observe(element, (visible, height) => this.onVisibility(slot, visible, height));
  }

  private removeSlot(slot: Slot): void {
    this.visibility.unobserve(slot.element);
    if (slot.rendered !== null) this.renderedChars -= slot.rendered.length;
    slot.element.remove();
  }

  /** Renders one chunk; returns the length of the HTML it inserted. */
  private render(slot: Slot): number {
    if (slot.rendered !== null) this.renderedChars -= slot.rendered.length;
    const html = renderChunk(slot.source);
    setRenderedHtml(slot.element, html);
    slot.element.className = "md-chunk";
    slot.element.style.removeProperty("min-height");
    slot.rendered = slot.source;
    this.renderedChars += slot.source.length;
    this.renderCount++;
    return html.length;
  }

  /**
   * An empty element of `height` (estimated, or measured before it was emptied). Empty rather than
   * the source as text: a megabyte of text nodes costs layout and memory too.
   */
  private showPlaceholder(slot: Slot, height: string): void {
    slot.element.replaceChildren();
    slot.element.className = "md-chunk pending";
    slot.element.style.minHeight = height;
    if (slot.rendered !== null) this.renderedChars -= slot.rendered.length;
    slot.rendered = null;
  }

  private onVisibility(slot: Slot, visible: boolean, height: number): void {
    slot.visible = visible;
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
