// Cancelling a solve mid-stream keeps what arrived so far and really closes the HTTP stream.
import assert from "node:assert/strict";
import { solveUntilPartialText, useSimSession } from "./session";
import { waitUntil } from "./wait";

describe("AceMath: Solve cancelled mid-stream (slow simulated backend)", function () {
  // A few tokens a second per choice: a solution takes well over a minute, so the test cancels mid-stream.
  const context = useSimSession({ tokensPerSecond: 4 });

  it("keeps the partial candidates and the simulator sees the client abort", async function () {
    const session = context.session();
    const sim = context.sim();
    const { panel } = session;
    const chat = await solveUntilPartialText(session, sim);
    assert.ok(!chat.completed, "the stream is still running when the test cancels");

    await panel.frame.locator("#cancel").click();
    await panel.waitForStatus("cancelled", 30_000);
    const candidates = await panel.candidateAttributes();
    assert.ok(candidates.length > 0, "the partial candidates stay in the panel");
    assert.ok(
      candidates.some((c) => c.solutionText.trim() !== ""),
      "at least one partial candidate keeps its streamed text",
    );
    await waitUntil("the simulator to record the client's abort", () => chat.aborted, 15_000);
    assert.ok(chat.eventsSent < chat.eventsPlanned, "the stream ended before all its events were sent");
    await session.workbench.screenshot("cancelled-panel");
  });
});
