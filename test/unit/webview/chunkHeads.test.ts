/**
 * A finished chunk whose box shows only its top is drawn only that far in a fresh panel's first frame
 * (view/solutionView.ts `drawHead`), with a placeholder for the rest, watched like a chunk. What the
 * head and the rest draw together must be what one render of the chunk draws, and the rest must be
 * drawn once its placeholder is seen. Real layout: firstFrame.test.ts.
 */
import { strict as assert } from "node:assert";
import { leadingBlocks, MarkdownChunker } from "../../../src/webview/render/chunker";
import { renderMarkdown } from "../../../src/webview/render/markdown";
import { FrameBudget } from "../../../src/webview/view/frameBudget";
import { DEFAULT_SOLUTION_LIMITS, SolutionView } from "../../../src/webview/view/solutionView";
import { installDom } from "./dom";
import { ListenedVisibility } from "./fakeVisibility";
import * as fx from "./solveFixture";

/** The real solutions of the fixture (math_cot_100: 4 problems × 8 samples). */
const SOLUTIONS = [0, 3, 37, 75].flatMap((idx) => fx.loadSample(idx).solutions);

/** Reports what a test tells it, when it tells it. */
class ScriptedVisibility extends ListenedVisibility {
  report(element: Element, onScreen: boolean, height = 0, shownPx = 0): void {
    this.listeners.get(element)!(true, height, onScreen, shownPx);
  }
}

const unbounded = () => new FrameBudget(() => 0, { budgetMs: Infinity, maxHtmlChars: Infinity });

/** What markdown-it draws for `text` at once, parsed by the same DOM. */
function oneRender(text: string): string {
  const element = document.createElement("div");
  element.innerHTML = renderMarkdown(text);
  return element.innerHTML;
}

describe("leadingBlocks: a chunk's head, cut where the chunker would cut", () => {
  it("is the shortest run of whole blocks that holds the characters asked for", () => {
    const text = "one\n\ntwo two\n\nthree\n\nfour";
    assert.equal(leadingBlocks(text, 1), "one");
    // Characters count as the chunker counts them: each line with its line break.
    assert.equal(leadingBlocks(text, 5), "one\n\ntwo two");
    assert.equal(leadingBlocks(text, 14), "one\n\ntwo two\n\nthree");
    assert.equal(leadingBlocks(text, 1000), text);
  });

  it("never cuts inside a construct that spans a blank line, or before a list's next item", () => {
    assert.equal(leadingBlocks("\\[\na\n\nb\n\\]\n\nafter", 1), "\\[\na\n\nb\n\\]");
    assert.equal(leadingBlocks("- a\n\n- b\n\nafter", 1), "- a\n\n- b");
  });

  it("draws, with the rest rendered apart, what one render of the chunk draws, for every real chunk", function () {
    this.timeout(60_000); // every chunk of 32 solutions, cut at three depths
    let heads = 0;
    for (const solution of SOLUTIONS) {
      for (const chunk of new MarkdownChunker(DEFAULT_SOLUTION_LIMITS).update(solution)) {
        const whole = renderMarkdown(chunk);
        for (const share of [0.1, 0.3, 0.6]) {
          const head = leadingBlocks(chunk, Math.ceil(share * chunk.length));
          if (head === chunk) continue;
          heads++;
          const apart = renderMarkdown(head) + renderMarkdown(chunk.slice(head.length));
          assert.equal(apart, whole, `head of ${head.length} of ${chunk.length}`);
        }
      }
    }
    assert.ok(heads > 50, `${heads} heads checked`);
  });
});

describe("a chunk drawn only as far as its box shows it", () => {
  let uninstall: () => void;
  beforeEach(() => ({ uninstall } = installDom()));
  afterEach(() => uninstall());

  /** A body with one real solution, finished; its first chunk measured as `heightPx` high, showing `shownPx`. */
  function setUp(text: string, heightPx: number, shownPx: number) {
    const element = document.createElement("div");
    const visibility = new ScriptedVisibility();
    let work = 0;
    const view = new SolutionView(element, visibility, () => work++);
    view.setText(text, true);
    const first = element.children[0]!;
    visibility.report(first, true, heightPx, shownPx);
    return { element, view, visibility, first, work: () => work };
  }

  const longSolution = SOLUTIONS.find(
    (s) => new MarkdownChunker(DEFAULT_SOLUTION_LIMITS).update(s)[0]!.length > 1000,
  )!;
  const firstChunk = new MarkdownChunker(DEFAULT_SOLUTION_LIMITS).update(longSolution)[0]!;

  it("draws the head that covers what shows, and a placeholder for the rest", () => {
    const h = setUp(longSolution, 800, 100);
    assert.equal(h.view.renderSome(unbounded(), "onScreen", true), 1);
    assert.ok(h.first.classList.contains("partial"));
    const rest = h.first.querySelector(".md-rest");
    assert.ok(rest, "a placeholder for the rest");
    assert.equal(rest, h.first.lastElementChild);
    // The head is the start of what the whole chunk draws, and much less of it.
    rest.remove();
    const head = h.first.innerHTML;
    h.first.append(rest);
    const whole = oneRender(firstChunk);
    assert.ok(whole.startsWith(head), "the head draws the start of the chunk");
    assert.ok(head.length < whole.length * 0.6, `${head.length} of ${whole.length} characters of HTML`);
    // The rest is watched; it is not on screen, so an on-screen pass has nothing more to draw.
    assert.ok(h.visibility.listeners.has(rest));
    assert.equal(h.view.renderSome(unbounded(), "onScreen", true), 0);
  });

  it("draws the rest once its placeholder is seen, and then holds what one render of the chunk draws", () => {
    const h = setUp(longSolution, 800, 100);
    h.view.renderSome(unbounded(), "onScreen", true);
    const rest = h.first.querySelector(".md-rest")!;
    const before = h.work();
    h.visibility.report(rest, true);
    assert.ok(h.work() > before, "the panel is asked for a frame");
    assert.equal(h.view.renderSome(unbounded(), "onScreen", true), 1);
    assert.equal(h.first.className, "md-chunk");
    assert.equal(h.first.querySelector(".md-rest"), null);
    assert.equal(h.visibility.listeners.has(rest), false, "the rest's placeholder is no longer watched");
    assert.equal(h.first.innerHTML, oneRender(firstChunk));
  });

  it("draws the rest in a pass for chunks near the screen, too (the frames after the first)", () => {
    const h = setUp(longSolution, 800, 100);
    h.view.renderSome(unbounded(), "onScreen", true);
    h.view.renderSome(unbounded(), "visible");
    assert.equal(h.first.innerHTML, oneRender(firstChunk));
  });

  it("draws the whole chunk where the screen shows all of it, or where no pass asks for heads", () => {
    const whole = setUp(longSolution, 800, 800);
    whole.view.renderSome(unbounded(), "onScreen", true);
    assert.equal(whole.first.innerHTML, oneRender(firstChunk));
    const noHeads = setUp(longSolution, 800, 100);
    noHeads.view.renderSome(unbounded(), "onScreen");
    assert.equal(noHeads.first.innerHTML, oneRender(firstChunk));
  });

  it("never cuts a streaming solution's open chunk", () => {
    const element = document.createElement("div");
    const visibility = new ScriptedVisibility();
    const view = new SolutionView(element, visibility, () => {});
    const text = longSolution.slice(0, 900);
    view.setText(text, false);
    visibility.report(element.children[0]!, true, 800, 100);
    view.renderSome(unbounded(), "onScreen", true);
    assert.equal(element.querySelector(".md-rest"), null);
    assert.equal(element.children[0]!.className, "md-chunk");
  });

  it("draws a finished solution's last chunk in part too (most solutions are one chunk)", () => {
    const text = longSolution.slice(0, 900);
    const element = document.createElement("div");
    const visibility = new ScriptedVisibility();
    const view = new SolutionView(element, visibility, () => {});
    view.setText(text, false);
    view.setText(text, true);
    assert.equal(element.children.length, 1);
    visibility.report(element.children[0]!, true, 800, 100);
    view.renderSome(unbounded(), "onScreen", true);
    assert.ok(element.querySelector(".md-rest"), "drawn in part");
    view.renderSome(unbounded(), "visible");
    assert.equal(element.children[0]!.innerHTML, oneRender(text.trimEnd()));
  });

  it("a chunk that leaves the screen in a card holding much text drops its rest with it", () => {
    const element = document.createElement("div");
    const visibility = new ScriptedVisibility();
    const limits = { ...DEFAULT_SOLUTION_LIMITS, keepRenderedChars: 0 };
    const view = new SolutionView(element, visibility, () => {}, limits);
    view.setText(longSolution, true);
    const first = element.children[0]!;
    visibility.report(first, true, 800, 100);
    view.renderSome(unbounded(), "onScreen", true);
    const rest = first.querySelector(".md-rest")!;
    visibility.listeners.get(first)!(false, 400, false, 0);
    assert.ok(first.classList.contains("pending"));
    assert.equal(first.childNodes.length, 0);
    assert.equal(visibility.listeners.has(rest), false);
  });
});
