/**
 * The panel's first frame for fresh cards (view/panel.ts, measureFreshCards), with a visibility that
 * measures on request as the browser's does from a layout: the frame draws the chunks measured on
 * screen, measures again after drawing (a drawn chunk is seldom as high as its placeholder), draws
 * nothing else, and the cards go back to lazy in the next frame. Real geometry: firstFrame.test.ts.
 */
import { strict as assert } from "node:assert";
import type { SolveEvent } from "../../../src/core/solve/events";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import { applyMessage } from "../../../src/webview/state/messages";
import { emptyDirty } from "../../../src/webview/view/dirty";
import { Panel } from "../../../src/webview/view/panel";
import type { Visibility, VisibilityListener } from "../../../src/webview/view/visibility";
import { installDom } from "./dom";
import * as fx from "./solveFixture";

/**
 * Answers a measure with `onScreen(element)` for every element not reported yet; reports nothing on
 * its own (an observer's first report comes after the frame).
 */
class MeasuredViewport implements Visibility {
  readonly listeners = new Map<Element, VisibilityListener>();
  readonly clips = new Map<Element, Element | undefined>();
  private readonly reported = new Set<Element>();
  measures = 0;

  constructor(public onScreen: (element: Element) => boolean) {}

  observe(element: Element, listener: VisibilityListener, clip?: Element): void {
    this.listeners.set(element, listener);
    this.clips.set(element, clip);
  }
  unobserve(element: Element): void {
    this.listeners.delete(element);
  }
  measureUnreported(): boolean {
    this.measures++;
    const unreported = [...this.listeners].filter(([element]) => !this.reported.has(element));
    for (const [element, listener] of unreported) {
      const seen = this.onScreen(element);
      listener(seen, 100, seen);
    }
    return unreported.length > 0;
  }
  /** The observer's first report after the frame: the same answer, and no more measuring. */
  report(): void {
    for (const [element, listener] of this.listeners) {
      this.reported.add(element);
      const seen = this.onScreen(element);
      listener(seen, 100, seen);
    }
  }
}

const problem = fx.loadSample(37);
/** The best-ranked candidate (its card comes first). */
const best = problem.scores.indexOf(Math.max(...problem.scores));

describe("the first frame of fresh cards, measured", () => {
  let uninstall: () => void;
  beforeEach(() => ({ uninstall } = installDom()));
  afterEach(() => uninstall());

  function setUp(onScreen: (element: Element, chunks: (index: number) => HTMLElement[]) => boolean) {
    const root = document.getElementById("app")!;
    const chunks = (index: number) =>
      Array.from(root.querySelectorAll<HTMLElement>(`.candidate[data-index="${index}"] .md-chunk`));
    const viewport = new MeasuredViewport((element) => onScreen(element, chunks));
    const panel = new Panel(root, { visibility: viewport });
    const dirty = emptyDirty();
    let state: SolveState = emptySolveState();
    const drawn = (index: number) => chunks(index).filter((chunk) => !chunk.classList.contains("pending"));
    return {
      viewport,
      panel,
      chunks,
      drawn,
      send(events: SolveEvent[]) {
        state = applyMessage(state, { type: "events", events }, dirty);
      },
      frame() {
        panel.render(state, dirty, { now: () => 0, frameBudgetMs: 12 });
      },
      cards: () => Array.from(root.querySelectorAll<HTMLElement>(".candidate")),
    };
  }

  it("draws the chunks measured on screen, and nothing off screen, in the frame that creates the cards", () => {
    const h = setUp((element, chunks) => chunks(best)[0] === element);
    h.send(fx.completeSolve(problem));
    h.frame();
    assert.equal(h.drawn(best).length, 1);
    assert.ok(h.chunks(best).length > 1, "the best solution has more than one chunk");
    for (const card of h.cards()) {
      if (card.dataset.index !== String(best))
        assert.equal(card.querySelectorAll(".md-chunk:not(.pending)").length, 0);
    }
    // The cards are laid out in full for this frame (no content-visibility), and the panel knows it.
    assert.equal(h.cards().filter((card) => card.classList.contains("first-layout")).length, 8);
    assert.equal(h.panel.hasPendingWork(), true);
    // A measure reports against the chunk's scrolling box: its card's solution.
    assert.equal(h.viewport.clips.get(h.chunks(best)[0]!), h.chunks(best)[0]!.closest(".solution"));
  });

  it("measures again after drawing, and draws what a drawn chunk brought on screen, in the same frame", () => {
    // A drawn chunk is shorter than its placeholder: the next one comes on screen, up to the third.
    const h = setUp((element, chunks) => {
      const mine = chunks(best);
      const at = mine.indexOf(element as HTMLElement);
      return at === 0 || (at > 0 && at < 3 && !mine[at - 1]!.classList.contains("pending"));
    });
    h.send(fx.completeSolve(problem));
    h.frame();
    assert.equal(h.drawn(best).length, Math.min(3, h.chunks(best).length));
    assert.ok(h.viewport.measures >= 3);
  });

  it("makes the cards lazy again in the next frame, and draws the rest over the frames after", () => {
    const h = setUp((element, chunks) => chunks(best)[0] === element);
    h.send(fx.completeSolve(problem));
    h.frame();
    h.viewport.report(); // the observer's first report, after the frame
    h.frame();
    assert.equal(h.cards().filter((card) => card.classList.contains("first-layout")).length, 0);
    // Ordinary-size finished solutions are drawn off screen too, over the next frames.
    for (let frames = 0; frames < 200 && h.panel.hasPendingWork(); frames++) h.frame();
    for (const card of h.cards()) assert.equal(card.querySelectorAll(".md-chunk.pending").length, 0);
  });

  it("a streamed solve measures in the frame its cards come with their first text, and not for later deltas", () => {
    const h = setUp(() => true);
    h.send([fx.started(problem)]);
    h.frame();
    assert.equal(h.viewport.measures, 0, "no card has text yet");
    const stream = fx.deltas(problem, 8);
    h.send(stream.slice(0, 8));
    h.frame();
    const measures = h.viewport.measures;
    assert.ok(measures > 0);
    assert.ok(h.drawn(0).length > 0, "the first deltas, on screen, are drawn in that frame");
    h.viewport.report();
    h.frame();
    h.send(stream.slice(8, 16));
    h.frame();
    assert.equal(h.viewport.measures, measures, "the cards exist: their observer reports");
  });
});
