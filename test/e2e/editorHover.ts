/** The editor hover in code-server, as the hover and step-check tests open and read it. */
import type { Page } from "playwright-core";

/**
 * Opens the editor hover at the cursor (Show or Focus Hover: Ctrl+K Ctrl+I), waits for one that
 * contains `contains`, and returns its text with whitespace collapsed.
 */
export async function showHover(page: Page, contains: string): Promise<string> {
  const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: contains });
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press("Control+K");
    await page.keyboard.press("Control+I");
    try {
      await hover.first().waitFor({ timeout: 15_000 });
      break;
    } catch (error) {
      // The first hover waits for the extension to activate and the grading worker to start.
      if (attempt >= 3) throw error;
      await page.keyboard.press("Escape");
    }
  }
  // Screenshots after the hover's fade-in, not halfway through it (finite animations only).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  return (await hover.first().innerText()).replace(/\s+/g, " ");
}
