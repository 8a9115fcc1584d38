/**
 * The panel's lazy rendering in a real browser (Debian's chromium through playwright-core): chunks
 * are drawn when an IntersectionObserver reports them near the viewport, which jsdom cannot show.
 * A programmatic scroll (focus moving to a card with the keyboard, `scrollIntoView`, a scroll of
 * the solution box) must draw what it brings on screen, as a wheel scroll does. Skipped where
 * chromium is not installed.
 */
import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import type { SolveEvent } from "../../../src/core/solve/events";
import { usePanelBrowser } from "./chromiumPanel";
import * as fx from "./solveFixture";

/** A finished solve whose last-ranked candidate is long (~40 KB): too long to render off screen. */
function solveWithALongLastCandidate(): SolveEvent[] {
  const problem = fx.loadSample(37);
  const long = Array.from({ length: 3 }, () => problem.solutions.join("\n\n")).join("\n\n");
  const solutions = problem.solutions.map((text, i) => (i === 7 ? long : text));
  const scores = problem.scores.map((score, i) => (i === 7 ? -100 : score));
  return fx.completeSolve({ ...problem, solutions, scores });
}

/** Unrendered chunks that a person would see now: inside the viewport and the card's solution box. */
function placeholdersOnScreen(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => {
    const solution = document.querySelector(`.candidate[data-index="${i}"] .solution`)!;
    const box = solution.getBoundingClientRect();
    const top = Math.max(0, box.top);
    const bottom = Math.min(window.innerHeight, box.bottom);
    return Array.from(solution.querySelectorAll(".md-chunk.pending")).filter((chunk) => {
      const rect = chunk.getBoundingClientRect();
      return rect.bottom > top && rect.top < bottom;
    }).length;
  }, index);
}

const renderedChunks = (page: Page, index: number) =>
  page.locator(`.candidate[data-index="${index}"] .md-chunk:not(.pending)`).count();

/** Waits (bounded) until every chunk of card `index` on screen is drawn; throws if it never is. */
async function onScreenDrawn(page: Page, index: number): Promise<void> {
  for (let frame = 0; frame < 120; frame++) {
    if ((await placeholdersOnScreen(page, index)) === 0) return;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  assert.fail(`candidate ${index}: ${await placeholdersOnScreen(page, index)} chunks on screen never drawn`);
}

describe("lazy solution chunks in a real browser", function () {
  this.timeout(60_000);
  const panel = usePanelBrowser("acemath-lazy-");
  let page: Page;
  beforeEach(async () => {
    page = await panel.browser.newPage({ viewport: { width: 600, height: 700 } });
    await page.goto(panel.url);
    await page.evaluate(
      (events) => window.postMessage({ type: "events", events }, "*"),
      solveWithALongLastCandidate(),
    );
    await page.waitForSelector('#status[data-status="complete"]');
    await onScreenDrawn(page, 0);
  });
  afterEach(() => page.close());

  it("leaves the long candidate off screen undrawn until it is brought into view", async () => {
    assert.equal(await renderedChunks(page, 7), 0);
    assert.ok((await page.locator('.candidate[data-index="7"] .md-chunk.pending').count()) > 5);
  });

  it("draws a card that keyboard focus scrolls into view", async () => {
    await page.locator('.candidate[data-index="7"] .solution').focus();
    await onScreenDrawn(page, 7);
    assert.ok((await renderedChunks(page, 7)) > 0);
  });

  it("draws a card brought into view by scrollIntoView, and the chunks a scroll of its box reveals", async () => {
    await page.evaluate(() => document.querySelector('.candidate[data-index="7"]')!.scrollIntoView());
    await onScreenDrawn(page, 7);
    const before = await renderedChunks(page, 7);
    assert.ok(before > 0);
    await page.evaluate(() => {
      const solution = document.querySelector<HTMLElement>('.candidate[data-index="7"] .solution')!;
      solution.scrollTop = solution.scrollHeight / 2;
    });
    await onScreenDrawn(page, 7);
    assert.ok((await renderedChunks(page, 7)) > before, "the middle of the solution drawn too");
  });
});
