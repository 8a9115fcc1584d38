/**
 * Streaming cards in a real browser (Debian's chromium through playwright-core), where layout and
 * `content-visibility` are real: a followed solution box shows its end while it streams, also a card
 * that streamed far below the viewport (the panel leaves it alone there: scrolling its box forced the
 * browser to lay out a card it skips) once it comes near, when its chunks are laid out for real and
 * the text below the box's position grows without any scroll; and a streamed delta writes nothing
 * outside the solution it extends. Skipped where chromium is not installed.
 */
import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import type { SolveEvent } from "../../../src/core/solve/events";
import { usePanelBrowser } from "./chromiumPanel";
import * as fx from "./solveFixture";

const PIECES = 12;
const sample = fx.loadSample(37);
/** Every solution twice: each box overflows its 22em height well before the end. */
const long = { ...sample, solutions: sample.solutions.map((text) => `${text}\n\n${text}`) };

const post = (page: Page, events: SolveEvent[]) =>
  page.evaluate((list) => window.postMessage({ type: "events", events: list }, "*"), events);

/** Two frames, each followed by a task: what the panel drew after the last message is painted. */
const frames = (page: Page) =>
  page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  });

/** Posts piece `piece` (of `PIECES`) of every solution, as the stream would, and lets the panel draw it. */
async function streamPiece(page: Page, piece: number): Promise<void> {
  await post(
    page,
    long.solutions.map((text, index) => {
      const size = Math.ceil(text.length / PIECES);
      return { type: "delta", index, text: text.slice(piece * size, (piece + 1) * size) } as SolveEvent;
    }),
  );
  await frames(page);
}

/** How far the box of card `index` is from showing its end, in pixels (0: at the end). */
const distanceFromEnd = (page: Page, index: number) =>
  page.evaluate((i) => {
    const box = document.querySelector(`.candidate[data-index="${i}"] .solution`)!;
    return box.scrollHeight - box.scrollTop - box.clientHeight;
  }, index);

/** Waits (bounded: a slow render backs the card off for up to 600 ms) until card `index` shows its end. */
async function atEndWithin(page: Page, index: number): Promise<void> {
  for (let frame = 0; frame < 120; frame++) {
    if ((await distanceFromEnd(page, index)) <= 1) return;
    await frames(page);
  }
  assert.fail(`candidate ${index}: ${await distanceFromEnd(page, index)} px from the end`);
}

const scrollTopOf = (page: Page, index: number) =>
  page.evaluate((i) => document.querySelector(`.candidate[data-index="${i}"] .solution`)!.scrollTop, index);

describe("streaming cards in a real browser", function () {
  this.timeout(60_000);
  const panel = usePanelBrowser("acemath-streaming-");
  let page: Page;
  beforeEach(async () => {
    page = await panel.browser.newPage({ viewport: { width: 600, height: 700 } });
    await page.goto(panel.url);
    await post(page, [fx.started(long)]);
    for (let piece = 0; piece < PIECES / 2; piece++) await streamPiece(page, piece);
  });
  afterEach(() => page.close());

  it("keeps the box of a card on screen at its end while it streams", async () => {
    assert.ok((await scrollTopOf(page, 0)) > 0, "the box overflows and was scrolled");
    await atEndWithin(page, 0);
  });

  it("stops following when the user scrolls a box up, and follows again once it is back at the end", async () => {
    const scrollBox = (to: "top" | "end") =>
      page.evaluate((where) => {
        const box = document.querySelector<HTMLElement>('.candidate[data-index="0"] .solution')!;
        box.scrollTop = where === "top" ? 0 : box.scrollHeight;
      }, to);
    await scrollBox("top");
    await frames(page);
    await streamPiece(page, PIECES / 2);
    assert.equal(await scrollTopOf(page, 0), 0, "left where the user put it");
    await scrollBox("end");
    await frames(page);
    await streamPiece(page, PIECES / 2 + 1);
    await atEndWithin(page, 0);
  });

  it("follows the end of a card that streamed far below the viewport once it is scrolled near", async () => {
    await page.evaluate(() => document.querySelector('.candidate[data-index="7"]')!.scrollIntoView());
    for (let piece = PIECES / 2; piece < PIECES; piece++) await streamPiece(page, piece);
    await atEndWithin(page, 7);
    assert.ok((await scrollTopOf(page, 7)) > 0);
  });

  it("a streamed delta writes no attribute outside the solutions (buttons, the empty-state note)", async () => {
    await page.evaluate(() => {
      const names: string[] = [];
      (window as unknown as { __written: string[] }).__written = names;
      new MutationObserver((records) => {
        for (const r of records) {
          const element = r.target as Element;
          if (!element.closest(".solution"))
            names.push(`${element.tagName}.${element.className}@${r.attributeName}`);
        }
      }).observe(document.getElementById("app")!, { subtree: true, attributes: true });
    });
    await streamPiece(page, PIECES / 2);
    await streamPiece(page, PIECES / 2 + 1);
    const names = await page.evaluate(() => (window as unknown as { __written: string[] }).__written);
    assert.deepEqual(names, []);
  });
});
