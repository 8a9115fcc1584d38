import { strict as assert } from "node:assert";
import { MarkdownChunker } from "../../../src/webview/render/chunker";
import { renderMarkdown } from "../../../src/webview/render/markdown";
import { FrameBudget } from "../../../src/webview/view/frameBudget";
import { DEFAULT_SOLUTION_LIMITS, SolutionView } from "../../../src/webview/view/solutionView";
import { AlwaysVisible } from "../../../src/webview/view/visibility";
import { installDom } from "./dom";
import * as fx from "./solveFixture";

/** The real solutions of the fixture (math_cot_100: 4 problems × 8 samples). */
const SOLUTIONS = [0, 3, 37, 75].flatMap((idx) => fx.loadSample(idx).solutions);

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `text` cut into pieces of random length (1 to `max` characters), as a stream delivers it. */
function randomPieces(text: string, seed: number, max: number): string[] {
  const next = random(seed);
  const pieces: string[] = [];
  for (let at = 0; at < text.length;) {
    const length = 1 + Math.floor(next() * max);
    pieces.push(text.slice(at, at + length));
    at += length;
  }
  return pieces;
}

/** Renders everything the view has, with no frame limit. */
function renderAll(view: SolutionView): void {
  view.renderSome(new FrameBudget(() => 0, { budgetMs: Infinity, maxHtmlChars: Infinity }), "visible");
}

/** A body that renders every chunk it has (no viewport), with small chunks to exercise many cuts. */
function newView(targetChars = 300) {
  const element = document.createElement("div");
  const limits = { ...DEFAULT_SOLUTION_LIMITS, targetChars };
  return { element, view: new SolutionView(element, new AlwaysVisible(), () => {}, limits) };
}

/** Streams `text` into a fresh body piece by piece, rendering after each piece, then finishes it. */
function streamed(pieces: string[], targetChars?: number): HTMLElement {
  const { element, view } = newView(targetChars);
  let text = "";
  for (const piece of pieces) {
    text += piece;
    view.setText(text, false);
    renderAll(view);
  }
  view.setText(text, true);
  renderAll(view);
  return element;
}

/** What markdown-it draws for the whole text at once, parsed by the same DOM. */
function oneFullRender(text: string): string {
  const element = document.createElement("div");
  element.innerHTML = renderMarkdown(text);
  return element.innerHTML;
}

/** The body's rendered HTML without the chunk wrappers. */
const chunksHtml = (element: HTMLElement) =>
  Array.from(element.children, (chunk) => chunk.innerHTML).join("");

describe("incremental rendering of a streaming solution", () => {
  let dom: ReturnType<typeof installDom>;
  beforeEach(() => (dom = installDom()));
  afterEach(() => dom.uninstall());

  it("draws every real solution, streamed in random pieces, as one full render draws it", function () {
    this.timeout(60_000); // 32 solutions, each rendered after every piece
    SOLUTIONS.forEach((text, k) => {
      const fresh = newView();
      fresh.view.setText(text, true);
      renderAll(fresh.view);
      assert.equal(chunksHtml(fresh.element), oneFullRender(text), `solution ${k}: chunked whole text`);
      // Pieces of a few characters (tokens) for some, of up to a batch's worth for others.
      const element = streamed(randomPieces(text, k, k % 2 ? 16 : 120));
      assert.equal(element.innerHTML, fresh.element.innerHTML, `solution ${k}, seed ${k}`);
    });
  });

  it("keeps the rendered blocks of the growing chunk and replaces only the open one", () => {
    const { element, view } = newView(10_000);
    view.setText("First paragraph \\(x^2\\).\n\nSecond", false);
    renderAll(view);
    const first = element.querySelector("p");
    assert.equal(first?.textContent?.startsWith("First paragraph"), true);
    view.setText("First paragraph \\(x^2\\).\n\nSecond grows.\n\nThird", false);
    renderAll(view);
    const paragraphs = element.querySelectorAll("p");
    assert.equal(paragraphs[0], first, "a settled block is not rendered again");
    assert.deepEqual(
      Array.from(paragraphs, (p) => p.textContent),
      ["First paragraph x2x^2x2.", "Second grows.", "Third"],
    );
  });

  const continuations: [string, string][] = [
    ["a loose list", "1. one\n\n2. two\n\n3. three"],
    ["a bullet list with blank lines", "- a\n\n- b\n\n* c"],
    ["a list item's second paragraph", "- item\n\n  more of the item\n\nafter"],
    ["indented code with a blank line", "    code one\n\n    code two\n\ntext"],
    ["a reference-style link", "see [the note][n]\n\n[n]: https://example.com"],
    ["display math across a blank line", "\\[\na\n\nb\n\\]\n\nafter"],
  ];
  for (const [name, text] of continuations) {
    it(`does not cut where the next block would change the one before: ${name}`, () => {
      for (let max = 1; max <= 5; max++) {
        const element = streamed(randomPieces(text, max, max), 1);
        assert.equal(chunksHtml(element), oneFullRender(text), `pieces of up to ${max}`);
      }
    });
  }

  it("settles nothing while the next line may still become a list item", () => {
    const chunker = new MarkdownChunker({ targetChars: 10_000, maxChars: 20_000 });
    chunker.update("1. one\n\n2");
    assert.equal(chunker.settledOfLast, "", "“2” may become “2. two”");
    chunker.update("1. one\n\n2 apples");
    assert.equal(chunker.settledOfLast, "1. one");
  });
});
