// Reloading the window mid-solve closes the HTTP stream, and the restored panel keeps what had arrived
// without pretending the solve still runs.
import assert from "node:assert/strict";
import { solveUntilPartialText, useSimSession } from "./session";
import { waitUntil } from "./wait";

/** The webview saves its state at most every 500 ms (src/webview/main.ts); one interval and some margin. */
const SAVE_INTERVAL_MARGIN_MS = 1_200;

/** Whitespace-normalised start of a rendered solution, to recognise the same candidate after the reload. */
function opening(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 12);
}

describe("AceMath: window reloaded mid-solve (slow simulated backend)", function () {
  // A few tokens a second per choice: a solution takes well over a minute, so the reload lands mid-stream.
  const context = useSimSession({ tokensPerSecond: 4 });

  it("aborts the request and restores the panel with the partial candidates, not running", async function () {
    const session = context.session();
    const sim = context.sim();
    const { panel, workbench } = session;
    const chat = await solveUntilPartialText(session, sim);
    const before = await panel.candidateAttributes();
    // What the panel showed must be in the state it saved before the reload.
    await new Promise((resolve) => setTimeout(resolve, SAVE_INTERVAL_MARGIN_MS));
    assert.ok(!chat.completed, "the stream is still running when the window reloads");

    await workbench.reloaded();

    await waitUntil("the simulator to record the closed stream", () => chat.aborted, 30_000);
    assert.ok(chat.eventsSent < chat.eventsPlanned, "the stream ended before all its events were sent");
    // The restored page first draws its saved (running) state; the extension's answer ends it.
    await panel.waitForStatus("cancelled", 90_000);
    assert.notEqual(await panel.status().getAttribute("data-status"), "running");
    assert.match(await panel.status().innerText(), /^Cancelled/);
    await panel.frame.locator(".notices", { hasText: "window reloaded" }).waitFor({ timeout: 10_000 });
    assert.equal(
      await panel.frame.locator("#cancel").isVisible(),
      false,
      "no Cancel for a solve that is gone",
    );

    const after = await panel.candidateAttributes();
    assert.deepEqual(
      after.map((c) => c.index).sort((a, b) => a - b),
      before.map((c) => c.index).sort((a, b) => a - b),
      "the same candidates are back",
    );
    for (const earlier of before.filter((c) => c.solutionText.trim() !== "")) {
      const restored = after.find((c) => c.index === earlier.index);
      assert.ok(restored && restored.solutionText.trim() !== "", `candidate ${earlier.index} keeps its text`);
      // The saved state is at least as recent as what the panel showed before the wait.
      assert.ok(
        opening(restored.solutionText).startsWith(opening(earlier.solutionText)),
        `candidate ${earlier.index}: "${opening(restored.solutionText)}" continues "${opening(earlier.solutionText)}"`,
      );
    }
    assert.ok(
      after.every((c) => c.finish !== ""),
      "no candidate is left streaming (each is finished or cancelled)",
    );
    await workbench.screenshot("reload-restored");
  });
});
