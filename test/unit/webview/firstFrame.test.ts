/**
 * A fresh panel given a whole solve in one message draws, in the frame that handles it, every chunk
 * on screen and none off screen (view/panel.ts, measureFreshCards): its observer would report what
 * is on screen only after that frame. In chromium (real layout); skipped where it is not installed.
 */
import { strict as assert } from "node:assert";
import type { Page } from "playwright-core";
import { usePanelBrowser } from "./chromiumPanel";
import * as fx from "./solveFixture";

interface Census {
  drawnOnScreen: number;
  pendingOnScreen: number;
  drawnOffScreen: number;
  firstLayoutCards: number;
  /** Cards left lazy (`content-visibility: auto`) in that frame that meet the viewport: none may. */
  lazyOnScreen: number;
  /** Chunks drawn only down to what the screen shows (a placeholder for their rest after it). */
  partial: number;
}

/**
 * Posts `message` and counts the chunks in the frame that draws it: from an animation frame callback
 * queued after the panel's own (a listener added after the panel's), so nothing has been painted yet
 * that this frame did not draw. A chunk is on screen where it meets the viewport and its card's box.
 */
function censusOfFirstFrame(page: Page, message: unknown): Promise<Census> {
  return page.evaluate(
    (posted) =>
      new Promise<Census>((resolve) => {
        const meets = (a: DOMRect, b: { top: number; bottom: number }) =>
          a.bottom > b.top && a.top < b.bottom;
        const census = (): Census => {
          const counts = {
            drawnOnScreen: 0,
            pendingOnScreen: 0,
            drawnOffScreen: 0,
            firstLayoutCards: 0,
            lazyOnScreen: 0,
            partial: 0,
          };
          // A chunk's rest after its drawn head is a placeholder too.
          for (const chunk of document.querySelectorAll(".md-chunk, .md-rest")) {
            const box = chunk.closest(".solution")!.getBoundingClientRect();
            const rect = chunk.getBoundingClientRect();
            const onScreen = meets(rect, box) && meets(rect, { top: 0, bottom: window.innerHeight });
            const drawn = !chunk.classList.contains("pending") && !chunk.classList.contains("md-rest");
            if (chunk.classList.contains("partial")) counts.partial++;
            if (onScreen && drawn) counts.drawnOnScreen++;
            if (onScreen && !drawn) counts.pendingOnScreen++;
            if (!onScreen && drawn) counts.drawnOffScreen++;
          }
          counts.firstLayoutCards = document.querySelectorAll(".candidate.first-layout").length;
          for (const card of document.querySelectorAll(".candidate:not(.first-layout)")) {
            if (meets(card.getBoundingClientRect(), { top: 0, bottom: window.innerHeight }))
              counts.lazyOnScreen++;
          }
          return counts;
        };
        window.addEventListener("message", () => requestAnimationFrame(() => resolve(census())), {
          once: true,
        });
        window.postMessage(posted, "*");
      }),
    message,
  );
}

const PLACEHOLDERS = ".md-chunk.pending, .md-rest, .md-chunk.partial";

/** Waits (bounded) until no chunk of any card is a placeholder or drawn in part; throws if that never happens. */
async function allDrawn(page: Page): Promise<void> {
  for (let frame = 0; frame < 300; frame++) {
    const pending = await page.locator(PLACEHOLDERS).count();
    if (pending === 0) return;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  assert.fail(`${await page.locator(PLACEHOLDERS).count()} chunks never drawn`);
}

describe("a fresh panel's first frame in a real browser", function () {
  this.timeout(60_000);
  const panel = usePanelBrowser("acemath-first-frame-");

  for (const viewport of [
    { width: 600, height: 900 },
    { width: 320, height: 700 },
  ]) {
    it(`draws every chunk on screen and none off screen in one frame (${viewport.width}×${viewport.height})`, async () => {
      const page = await panel.browser.newPage({ viewport });
      try {
        await page.goto(panel.url);
        // tsx names the functions of the page script with an `__name` helper that the page does not have.
        await page.evaluate("window.__name = (f) => f");
        const events = fx.completeSolve(fx.loadSample(37));
        const first = await censusOfFirstFrame(page, { type: "events", events });
        assert.equal(first.pendingOnScreen, 0, "a chunk on screen still a placeholder");
        assert.ok(first.drawnOnScreen > 0, "nothing drawn on screen");
        assert.equal(first.drawnOffScreen, 0, "a chunk off screen drawn in the first frame");
        // Only the cards down to the first that reaches below the viewport are laid out in full.
        assert.ok(
          first.firstLayoutCards >= 1 && first.firstLayoutCards < 8,
          `${first.firstLayoutCards} cards`,
        );
        assert.equal(first.lazyOnScreen, 0, "a card on screen left lazy");
        // The second card's box shows only the top of its first chunk: that much is drawn, not the chunk.
        assert.ok(first.partial > 0, "every chunk on screen drawn whole");
        // The frames after draw the rest (the solutions are ordinary-size) and the cards are lazy again.
        await allDrawn(page);
        assert.equal(await page.locator(".candidate.first-layout").count(), 0);
        assert.equal(await page.locator(".candidate").count(), 8);
      } finally {
        await page.close();
      }
    });
  }
});
