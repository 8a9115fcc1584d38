// Issue #2 end to end: the packaged extension in a real VS Code (code-server) solves a real MATH problem
// against the simulated vLLM backend, ranks the 8 candidates by the reward model and inserts an answer.
import assert from "node:assert/strict";
import { solveChats } from "../sim/server";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { answerOfBestRewardedSolution, canonicalAnswer, fixtureRecord, PROBLEM_FILE } from "./problem";
import { solveFixtureProblem, useSimSession, waitForActivation } from "./session";
import { waitForGrownFile } from "./wait";

describe("AceMath: Solve in code-server (trusted workspace, simulated backend)", function () {
  const context = useSimSession();
  const current = context.session;

  it("installs and activates the packaged extension", async function () {
    // Show Log needs no backend, so this separates "the package loads" from "the solve works".
    await current().workbench.runCommand("AceMath: Show Log");
    await waitForActivation(current());
    await current().workbench.page.locator(".output-view", { hasText: "AceMath Studio activated" }).waitFor();
  });

  it("solves, ranks and renders 8 candidates of a real MATH problem", async function () {
    const { panel, workbench } = current();
    await solveFixtureProblem(current());
    await panel.waitForStatus("complete");
    await workbench.tab("AceMath Solutions").waitFor();

    const candidates = await panel.candidateAttributes();
    assert.equal(candidates.length, 8, "one .candidate per requested sample");
    assert.ok((await panel.frame.locator(".katex").count()) > 0, "math is rendered with KaTeX");
    const scores = candidates.map((c) => c.score);
    assert.ok(scores.every(Number.isFinite), `every candidate has a reward score: ${scores.join(", ")}`);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      "candidates appear in descending score order",
    );
    assert.deepEqual(
      candidates.map((c) => c.rank),
      candidates.map((_, i) => i + 1),
      "data-rank counts 1, 2, 3… in DOM order",
    );
    const expected = answerOfBestRewardedSolution(fixtureRecord());
    assert.equal(
      canonicalAnswer(candidates[0]?.answer ?? ""),
      canonicalAnswer(expected),
      "the best-rewarded answer comes first",
    );
    assert.ok(
      await panel.frame.locator(".backend-badge.simulated").isVisible(),
      "the panel says the backend is simulated",
    );

    const chat = solveChats(context.sim());
    assert.equal(chat.length, 1, "one chat request asks for all candidates");
    assert.equal(
      (chat[0]?.body as { n?: unknown }).n,
      8,
      "the chat request asks for acemath.samples = 8 choices",
    );
    assert.ok(
      context.sim().requests.some((r) => r.path === "/classify" || r.path === "/pooling"),
      "the reward model was asked to score the candidates",
    );
    await workbench.screenshot("solve-panel");
  });

  it("inserts the top candidate's answer into the document", async function () {
    const { panel, server } = current();
    const file = join(server.workspaceDir, PROBLEM_FILE);
    const before = readFileSync(file, "utf8");
    const [top] = await panel.candidateAttributes();
    assert.ok(top, "a candidate is shown");
    await panel.topCandidateButton("insert-answer").click();
    // files.autoSave writes the edit to disk shortly after the extension applies it.
    const after = await waitForGrownFile("the document to change on disk", file, before);
    assert.ok(after.includes(top.answer), `the inserted text contains the answer ${top.answer}`);
  });

  it("still shows candidates, ranked without a reward model, when the reward server is down", async function () {
    const { panel } = current();
    context.sim().setFaults({ rewardDown: true });
    try {
      await solveFixtureProblem(current());
      await panel.waitForStatus("complete");
      assert.equal(await panel.candidates().count(), 8, "all candidates are still shown");
      const method = (await panel.frame.locator(".ranking-method").textContent()) ?? "";
      assert.match(
        method,
        /no reward model|without (a )?reward model|majority/i,
        `ranking method: "${method}"`,
      );
    } finally {
      context.sim().setFaults({});
    }
  });
});
