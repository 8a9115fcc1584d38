import { strict as assert } from "node:assert";
import type { SolveEvent } from "../../../src/core/solve/events";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import { applyMessage } from "../../../src/webview/state/messages";
import { bindActions } from "../../../src/webview/view/actions";
import { emptyDirty, isClean } from "../../../src/webview/view/dirty";
import { Panel } from "../../../src/webview/view/panel";
import { DEFAULT_SOLUTION_LIMITS } from "../../../src/webview/view/solutionView";
import { installDom } from "./dom";
import { ListenedVisibility } from "./fakeVisibility";
import * as fx from "./solveFixture";

/** A viewport the test moves by hand: `show` decides which chunk elements count as on screen. */
class FakeViewport extends ListenedVisibility {
  /** Reports `visible` for the elements `pick` selects and not visible for the others. */
  show(pick: (element: Element) => boolean): void {
    for (const [element, listener] of [...this.listeners]) listener(pick(element), 400);
  }
}

const MB = 1024 * 1024;
const problem = fx.loadSample(37);

/** About 1 MB of real model solutions (prose, lists, inline and display math), back to back. */
function megabyteOfSolutions(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < MB; i++) {
    const text = problem.solutions[i % problem.solutions.length]!;
    parts.push(text);
    size += text.length + 2;
  }
  return parts.join("\n\n");
}

/** A hostile candidate: 1 MB on one line, half of it an unclosed display formula. */
function megabyteOneLine(): string {
  return "Let \\[ x = " + "\\frac{1}{2} + a_{1} ".repeat(MB / 40) + "*emph _x_ `c` ".repeat(MB / 28);
}

class HugeHarness {
  state: SolveState = emptySolveState();
  readonly dirty = emptyDirty();
  readonly root = document.getElementById("app")!;
  readonly viewport = new FakeViewport();
  // A card keeps at most ~10 KB of rendered source off screen (less than the default, to keep jsdom quick).
  readonly panel = new Panel(this.root, {
    visibility: this.viewport,
    limits: { ...DEFAULT_SOLUTION_LIMITS, keepRenderedChars: 10_000 },
  });
  clock = 0;
  /** Chunks rendered by each frame. */
  readonly stepsPerFrame: number[] = [];

  constructor() {
    bindActions(this.root, () => {});
  }

  send(...events: SolveEvent[]): void {
    this.state = applyMessage(this.state, { type: "events", events }, this.dirty);
  }

  /** One animation frame; every read of the clock costs 5 ms, as if each step were slow. */
  frame(): void {
    const before = this.renderCount();
    this.clock += 100;
    this.panel.render(this.state, this.dirty, { now: () => (this.clock += 5), frameBudgetMs: 12 });
    this.stepsPerFrame.push(this.renderCount() - before);
  }

  /** Frames until nothing is left to draw (bounded, so a bug cannot hang the test). */
  settle(): number {
    let frames = 0;
    do {
      this.frame();
      frames++;
    } while ((!isClean(this.dirty) || this.panel.hasPendingWork()) && frames < 5000);
    return frames;
  }

  /** Chunks rendered so far, over all cards (the panel's cards are private: read through a cast). */
  renderCount(): number {
    const cards = (this.panel as unknown as { cards: Map<number, { body: { renderCount: number } }> }).cards;
    return Array.from(cards.values()).reduce((sum, card) => sum + card.body.renderCount, 0);
  }

  cards(): HTMLElement[] {
    return Array.from(this.root.querySelectorAll<HTMLElement>(".candidate"));
  }

  chunks(index: number): HTMLElement[] {
    return Array.from(this.root.querySelectorAll<HTMLElement>(`.candidate[data-index="${index}"] .md-chunk`));
  }

  renderedChunks(index: number): HTMLElement[] {
    return this.chunks(index).filter((chunk) => !chunk.classList.contains("pending"));
  }

  elementCount(): number {
    return this.root.getElementsByTagName("*").length;
  }

  /** Streams `text` into candidate 0 in `pieces` deltas, one frame after each, then finishes it. */
  stream(text: string, pieces: number): void {
    this.send(fx.started(problem));
    const size = Math.ceil(text.length / pieces);
    for (let i = 0; i < text.length; i += size) {
      this.send({ type: "delta", index: 0, text: text.slice(i, i + size) });
      this.frame();
      // The followed tail of the collapsed card is what is on screen.
      const chunks = this.chunks(0);
      this.viewport.show((element) => chunks.slice(-2).includes(element as HTMLElement));
      this.frame();
    }
    this.send({ type: "finished", index: 0, finishReason: "stop", answer: "1\\frac{1}{10}" });
    this.send({ type: "done", outcome: "complete" });
    this.settle();
  }
}

describe("a huge candidate (1 MB) in the panel", function () {
  this.timeout(60_000);
  let uninstall: () => void;
  beforeEach(() => ({ uninstall } = installDom()));
  afterEach(() => uninstall());

  for (const [name, makeText] of [
    ["real solutions back to back", megabyteOfSolutions],
    ["one hostile line", megabyteOneLine],
  ] as const) {
    it(`${name}: cut into bounded chunks, rendered only where visible, in bounded steps`, () => {
      const text = makeText();
      assert.ok(text.length >= MB * 0.95, `${text.length} characters`);
      const h = new HugeHarness();
      h.stream(text, 4);

      const chunks = h.chunks(0);
      assert.ok(chunks.length >= text.length / DEFAULT_SOLUTION_LIMITS.maxChars, `${chunks.length} chunks`);
      // Only the chunks reported visible were rendered: the DOM does not grow with the text.
      const rendered = h.renderedChunks(0);
      const renderedChars = rendered.reduce((sum, chunk) => sum + (chunk.textContent?.length ?? 0), 0);
      assert.ok(rendered.length >= 1 && rendered.length <= 8, `${rendered.length} chunks rendered`);
      assert.ok(renderedChars < text.length / 20, `${renderedChars} characters of text in the page`);
      assert.ok(h.elementCount() < 30_000, `${h.elementCount()} elements`);
      // At 5 ms per clock read and a 12 ms budget, a frame renders at most a couple of chunks.
      assert.ok(Math.max(...h.stepsPerFrame) <= 2, `steps per frame: ${Math.max(...h.stepsPerFrame)}`);
      assert.equal(h.cards()[0]!.dataset.finish, "stop");
      assert.equal(h.cards()[0]!.querySelector(".answer .katex") !== null, true);
    });
  }

  it("renders more of it only as it scrolls into view, and drops what scrolled far away", () => {
    const h = new HugeHarness();
    h.stream(megabyteOfSolutions(), 4);
    const chunks = h.chunks(0);
    h.viewport.show((element) => chunks.slice(0, 8).includes(element as HTMLElement));
    const frames = h.settle();
    assert.ok(frames >= 4, `rendered over ${frames} frames, not in one block`);
    assert.deepEqual(
      chunks.slice(0, 8).map((chunk) => chunk.classList.contains("pending")),
      new Array(8).fill(false),
    );
    assert.ok(Math.max(...h.stepsPerFrame) <= 2);

    // Scrolled on: the first 8 leave the view and are emptied again (this card holds over 10 KB).
    h.viewport.show((element) => chunks.slice(20, 22).includes(element as HTMLElement));
    h.settle();
    assert.ok(chunks.slice(20, 22).every((chunk) => !chunk.classList.contains("pending")));
    const kept = chunks.slice(0, 8).filter((chunk) => !chunk.classList.contains("pending"));
    assert.ok(kept.length <= 4, `${kept.length} of the first 8 kept`);
    assert.equal(
      chunks[0]!.style.minHeight,
      "400px",
      "a chunk turned back into a placeholder keeps its height",
    );
    assert.equal(chunks[0]!.childNodes.length, 0, "a placeholder is empty");
  });

  it("builds no solution DOM for a huge candidate that is off screen", () => {
    const h = new HugeHarness();
    h.send(fx.started(problem), { type: "delta", index: 5, text: megabyteOfSolutions() });
    h.settle();
    const chunks = h.chunks(5);
    assert.ok(chunks.length > 100);
    assert.equal(h.renderedChunks(5).length, 0);
    assert.equal(h.renderCount(), 0);
    assert.ok(chunks.every((chunk) => chunk.childNodes.length === 0));
    assert.ok(
      chunks.every((chunk) => chunk.style.minHeight.endsWith("em")),
      "placeholders of estimated height",
    );
  });

  it("renders ordinary-size candidates completely even off screen, after the visible work", () => {
    const h = new HugeHarness();
    h.send(fx.started(problem), ...fx.deltas(problem, 1), ...fx.finishedAll(problem));
    h.send({ type: "delta", index: 7, text: megabyteOfSolutions() });
    const frames = h.settle();
    for (const index of [0, 1, 2, 3, 4, 5, 6]) {
      const chunks = h.chunks(index);
      assert.ok(chunks.length > 0);
      assert.equal(h.renderedChunks(index).length, chunks.length, `candidate ${index} rendered completely`);
      assert.ok(chunks.some((chunk) => chunk.querySelector(".katex")));
    }
    assert.equal(h.renderedChunks(7).length, 0, "the huge one waits until it is seen");
    assert.ok(frames >= 4, `over ${frames} frames`);
  });

  it("expands and collapses without rendering anything by itself", () => {
    const h = new HugeHarness();
    h.stream(megabyteOfSolutions(), 2);
    const before = h.renderCount();
    const expand = h.cards()[0]!.querySelector<HTMLElement>('[data-action="toggle-expand"]')!;
    expand.dispatchEvent(new window.MouseEvent("click", { bubbles: true }));
    assert.ok(h.cards()[0]!.classList.contains("expanded"));
    assert.equal(h.renderCount(), before);
    expand.dispatchEvent(new window.MouseEvent("click", { bubbles: true }));
    assert.equal(h.cards()[0]!.classList.contains("expanded"), false);
    assert.equal(h.renderCount(), before);
  });
});
