// The fault matrix's end-to-end rows (issue 8) in code-server: what the user sees in the panel when the
// policy server is down, when the reward server goes down mid-solve, and when a server ignores `n`.
import assert from "node:assert/strict";
import { unlinkSync } from "node:fs";
import { join } from "node:path";
import { closedPort } from "./ports";
import { REWARD_FALLBACK_NOTICE } from "../../src/webview/view/text";
import { PROBLEM_FILE } from "./problem";
import { solveFixtureProblem, useSimSession } from "./session";

describe("fault matrix in code-server: policy server down", function () {
  let CLOSED_POLICY_URL = "";
  const settings: Record<string, unknown> = {};
  // Runs before the session's own hook, which reads `settings` when it starts code-server.
  before(async () => {
    CLOSED_POLICY_URL = `http://127.0.0.1:${await closedPort()}/v1`;
    settings["acemath.policy.baseUrl"] = CLOSED_POLICY_URL;
  });
  const context = useSimSession({}, settings);

  it("policy server down: the error card names the URL, offers Open setting and Retry; nothing half-drawn", async function () {
    const session = context.session();
    const { panel, workbench } = session;
    await solveFixtureProblem(session);
    // Not panel.waitForStatus: the error notification it guards against is expected here.
    await panel.frame
      .locator('#status[data-status="failed"]')
      .waitFor({ state: "attached", timeout: 90_000 });
    const card = panel.frame.locator(".notice.error");
    await card.waitFor();
    const text = (await card.locator(".notice-text").textContent()) ?? "";
    assert.match(text, new RegExp(`Cannot reach the policy model server at ${CLOSED_POLICY_URL}`));
    assert.match(text, /point acemath\.policy\.baseUrl at a running server/);
    const openSetting = card.locator('button[data-action="open-setting"]');
    assert.equal(await openSetting.textContent(), "Open setting");
    assert.equal(await openSetting.getAttribute("data-setting"), "acemath.policy.baseUrl");
    assert.equal(await card.locator('button[data-action="retry"]').count(), 1, "a Retry button");
    assert.equal(await panel.candidates().count(), 0, "no candidate card, not even an empty one");
    assert.equal(await panel.frame.locator(".ranking-method").isVisible(), false, "no ranking label");
    assert.equal(await panel.frame.locator("#cancel").isVisible(), false, "nothing left to cancel");
    assert.equal(
      context.sim().requests.filter((r) => r.path === "/v1/chat/completions").length,
      0,
      "no generation was attempted anywhere",
    );
    await workbench.screenshot("faults-policy-down");

    // The button opens the Settings editor on the setting that fixes it.
    await openSetting.click();
    await workbench.tab("Settings").waitFor({ timeout: 30_000 });
    await workbench.page
      .locator(".settings-editor .setting-item-contents", { hasText: "acemath.policy.baseUrl" })
      .or(workbench.page.locator(".settings-editor .setting-item-contents", { hasText: "Policy: Base Url" }))
      .first()
      .waitFor({ timeout: 30_000 });
    await workbench.screenshot("faults-policy-down-open-setting");
  });
});

describe("fault matrix in code-server: reward server down mid-solve", function () {
  // The fresh extension probes the reward dialect with two /classify requests; the third scores the first
  // candidates to finish. After that the reward server closes every connection.
  const context = useSimSession({ tokensPerSecond: 300, faults: { rewardDown: "close", after: 3 } });

  it("reward server down mid-solve: candidates kept, ranked by vote, and the label says why", async function () {
    const session = context.session();
    const { panel, workbench } = session;
    await solveFixtureProblem(session);
    await panel.waitForStatus("complete");
    const candidates = await panel.candidateAttributes();
    assert.equal(candidates.length, 8, "every candidate is kept");
    assert.ok(candidates.every((c) => c.finish === "stop" && c.solutionText.length > 0));
    const scored = candidates.filter((c) => Number.isFinite(c.score)).length;
    assert.ok(scored >= 1 && scored < 8, `scored before the reward server went down: ${scored} of 8`);
    assert.equal(await panel.frame.locator(".ranking-method").textContent(), REWARD_FALLBACK_NOTICE);
    const warning = panel.frame.locator(".notice.warning", {
      hasText: "Reward scoring failed, ranked by majority vote instead",
    });
    assert.equal(await warning.count(), 1, "one warning says why");
    assert.ok(context.sim().requests.some((r) => r.path === "/classify" && r.dropped));
    await workbench.screenshot("faults-reward-down-mid-solve");
  });

  it("an Insert whose document was closed and deleted says so instead of doing nothing", async function () {
    const { panel, workbench, server } = context.session();
    const tab = workbench.tab("problem.tex");
    await tab.hover();
    await tab.locator(".codicon-close").click();
    await tab.waitFor({ state: "detached" });
    unlinkSync(join(server.workspaceDir, PROBLEM_FILE));
    await panel.topCandidateButton("insert-answer").click();
    const toast = workbench.page.locator(".notifications-toasts .notification-toast", {
      hasText: "Could not insert the answer",
    });
    await toast.waitFor({ timeout: 30_000 });
    assert.match(
      await toast.innerText(),
      /Could not insert the answer: problem\.tex could not be opened \(it no longer exists on disk\)/,
    );
    await workbench.screenshot("faults-insert-into-deleted-file");
  });
});

describe("fault matrix in code-server: a server that ignores n (Ollama-like)", function () {
  const context = useSimSession({ family: "ollama" }, { "acemath.samples": 4, "acemath.reward.baseUrl": "" });

  it("n ignored: the candidates are fanned out and the panel says so once", async function () {
    const session = context.session();
    const { panel, workbench } = session;
    await solveFixtureProblem(session);
    await panel.waitForStatus("complete");
    assert.equal(await panel.candidates().count(), 4);
    const notes = panel.frame.locator(".notice.warning", { hasText: 'ignores "n"' });
    assert.equal(await notes.count(), 1, "said once, not once per request");
    assert.match(
      (await notes.textContent()) ?? "",
      /so the 4 candidates go out as 4 separate requests \(seed \+ i each, at most 4 at a time\)/,
    );
    await workbench.screenshot("faults-n-ignored");
  });
});
