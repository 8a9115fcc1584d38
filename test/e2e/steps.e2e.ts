// Issue #10 end to end: where a solution goes wrong. A written .tex solution with a slip gets the warning
// squiggle on that step's line (symbolic, no backend request), and the hover over a step says its verdict.
// In the panel, a candidate with a slip shows step marks with the first error outlined, and the process
// reward model (simulated /pooling with step tags) and the prefix-score heuristic can be toggled on.
import assert from "node:assert/strict";
import { DEFAULT_PRM_MODEL } from "../sim/prm";
import {
  normaliseProblemText,
  startSimulator,
  type SimDataset,
  type SimProblem,
  type SimServer,
} from "../sim/server";
import { showHover } from "./editorHover";
import { openSession, screenshotAfterEach, settingsFor, type Session } from "./session";
import { waitUntil } from "./wait";

const WRITTEN = "steps.tex";
/** The line of `17 \times 4 = 78` in the fixture. */
const SLIP_LINE = 10;
const SOLVE_FILE = "steps-solve.md";
/** A Markdown homework with a written slip, `144 - 4 = 130`, on line 7. */
const WRITTEN_MD = "steps-written.md";
const WRITTEN_MD_SLIP_LINE = 7;
const PROBLEM = "A box holds 17 rows of 4 apples. How many apples are in the box?";

/** A one-problem dataset: the simulator's candidates are these two texts (one with a slip), alternating. */
function applesDataset(): SimDataset {
  const solution = (product: number, correct: boolean, reward: number) => ({
    text: `There are $17$ rows of $4$ apples each.\n\nSo there are $17 \\times 4 = ${product}$ apples.\n\nThe answer is $\\boxed{${product}}$.`,
    answer: String(product),
    correct,
    reward,
    rewardSource: "recorded" as const,
  });
  const problem: SimProblem = {
    id: "steps/apples",
    source: "gsm8k",
    problem: PROBLEM,
    goldAnswer: "68",
    solutions: [solution(68, true, 3.5), solution(78, false, -1.5)],
  };
  return { problems: [problem], byNormalisedText: new Map([[normaliseProblemText(PROBLEM), problem]]) };
}

describe("AceMath: step checks in code-server (simulated backend with a PRM)", function () {
  let sim: SimServer | undefined;
  let session: Session | undefined;
  before(async function () {
    sim = await startSimulator({ port: 0, dataset: applesDataset(), prmModel: DEFAULT_PRM_MODEL });
    session = await openSession({
      trusted: true,
      userSettings: {
        ...settingsFor(sim),
        "acemath.check.diagnostics": true,
        "acemath.prm.baseUrl": sim.rewardBaseUrl,
        "acemath.prm.model": DEFAULT_PRM_MODEL,
      },
    });
  });
  after(async function () {
    await session?.close();
    await sim?.close();
  });
  screenshotAfterEach(() => session);

  it("a .tex with a wrong step shows the squiggle on that step's line, and the hover says its verdict", async function () {
    assert.ok(session && sim);
    const { workbench } = session;
    await workbench.openFile(WRITTEN);
    const squiggles = workbench.activeEditor().locator(".squiggly-warning");
    await squiggles.first().waitFor({ timeout: 60_000 });
    await workbench.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    const row = workbench.page.locator(".markers-panel .monaco-list-row", { hasText: "AceMath step check" });
    await row.first().waitFor({ timeout: 30_000 });
    const problem = (await row.first().innerText()).replace(/\s+/g, " ");
    assert.match(problem, /AceMath step check: refuted\./, problem);
    assert.match(problem, new RegExp(`\\[Ln ${SLIP_LINE}, Col \\d+\\]`), problem);
    assert.equal(await row.count(), 1, "one squiggle: the first refuted step only");
    await workbench.screenshot("steps-diagnostic-problems");

    await workbench.tab(WRITTEN).click();
    await workbench.placeCursor(SLIP_LINE, 3);
    const slip = await showHover(session.workbench.page, "AceMath step check");
    assert.match(slip, /step 2 of \d+: refuted/, slip);
    assert.match(slip, /first error in this solution/, slip);
    await workbench.screenshot("steps-hover-refuted");
    await workbench.page.keyboard.press("Escape");
    const asked = sim.requests.filter((r) =>
      ["/v1/chat/completions", "/classify", "/pooling"].includes(r.path),
    );
    assert.deepEqual(asked, [], "step checks in the editor never ask a model");
  });

  it("a Markdown file with a written slip gets the diagnostic on that line", async function () {
    assert.ok(session);
    const { workbench } = session;
    await workbench.runCommand("View: Close All Editors");
    await workbench.openFile(WRITTEN_MD);
    await workbench.activeEditor().locator(".squiggly-warning").first().waitFor({ timeout: 60_000 });
    await workbench.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    const row = workbench.page
      .locator(".markers-panel .monaco-list-row", { hasText: "AceMath step check" })
      .filter({ hasText: "130" });
    await row.first().waitFor({ timeout: 30_000 });
    const problem = (await row.first().innerText()).replace(/\s+/g, " ");
    assert.match(problem, /AceMath step check: refuted/, problem);
    assert.match(problem, new RegExp(`\\[Ln ${WRITTEN_MD_SLIP_LINE}, Col \\d+\\]`), problem);
    await workbench.screenshot("steps-diagnostic-markdown");
  });

  it("the panel marks the steps of a candidate with a slip, and the PRM and prefix signals come on request", async function () {
    assert.ok(session && sim);
    const { workbench, panel } = session;
    await workbench.runCommand("View: Close All Editors");
    await workbench.openFile(SOLVE_FILE);
    await workbench.selectLines(3, 3);
    await workbench.runCommand("AceMath: Solve");
    await panel.waitForStatus("complete");
    const slipCard = panel.frame.locator('.candidate[data-answer="78"]').first();
    const firstError = slipCard.locator(".step-marks .step-mark.refuted.first-error");
    await firstError.waitFor({ timeout: 30_000 });
    assert.equal(await firstError.innerText(), "2", "the second step is the first error");
    const tooltip = (await firstError.getAttribute("title")) ?? "";
    assert.match(tooltip, /^refuted: .*78/, tooltip);
    assert.match(await slipCard.locator(".step-summary").innerText(), /First error: step 2 \(line 3\)/);
    const rightCard = panel.frame.locator('.candidate[data-answer="68"]').first();
    assert.equal(await rightCard.locator(".step-mark.refuted").count(), 0, "no false alarm on the right one");
    await slipCard.scrollIntoViewIfNeeded();
    await workbench.screenshot("steps-panel-marks");

    const pooling = () => sim?.requests.filter((r) => r.path === "/pooling").length ?? 0;
    await slipCard.locator('button[data-action="step-signal"][data-kind="prm"]').click();
    await slipCard.locator(".step-mark .step-signal").first().waitFor({ timeout: 30_000 });
    assert.equal(pooling(), 1, "one /pooling request for the candidate's steps");
    assert.match(await slipCard.locator(".step-signal-note").innerText(), /Suspect step: 2/);
    await workbench.screenshot("steps-panel-prm");

    const before = sim.requests.length;
    await slipCard.locator('button[data-action="step-signal"][data-kind="prefix"]').click();
    await waitUntil("the prefix scores to be shown", async () =>
      /Prefix scores/.test(
        await slipCard
          .locator(".step-signal-note")
          .innerText()
          .catch(() => ""),
      ),
    );
    const scoring = sim.requests.slice(before).filter((r) => r.path === "/classify" || r.path === "/pooling");
    assert.equal(scoring.length, 1, "every prefix in one batched request");
    assert.equal((scoring[0]?.body as { input?: unknown[] }).input?.length, 3, "one prefix per step");
    await workbench.screenshot("steps-panel-prefix");
  });
});
