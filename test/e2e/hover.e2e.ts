// Issue #14 end to end: hovering over a written \boxed{} answer in a .tex file shows the symbolic verdict
// (no backend request), and "Check with model" solves the problem against the simulated backend and
// caches the agreement verdict, which the next hover shows.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { showHover } from "./editorHover";
import { FIXTURE_WORKSPACE } from "./paths";
import { solveChats, startSimulator, type SimServer } from "../sim/server";
import { openSession, screenshotAfterEach, settingsFor, useSimSession, type Session } from "./session";
import { waitUntil } from "./wait";

const CHECK_FILE = "check.tex";
/** What every answer hover says (a step hover says "AceMath step check"). */
const ANSWER_HOVER = "AceMath check";
const NOTEBOOK = "check.ipynb";
/** The source of the notebook's second (answer) cell. */
const NOTEBOOK_ANSWER_LINE = "Collecting the terms gives $\\boxed{3t}$.";

/** 1-based line and column of the `\boxed` of `answer` in the fixture. */
function boxAt(answer: string): { line: number; column: number } {
  const lines = readFileSync(join(FIXTURE_WORKSPACE, CHECK_FILE), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(`\\boxed{${answer}}`));
  if (index < 0) throw new Error(`no \\boxed{${answer}} in ${CHECK_FILE}`);
  return { line: index + 1, column: (lines[index] ?? "").indexOf("\\boxed") + 3 };
}

/** Puts the cursor on the box and opens the editor hover there (Show or Focus Hover: Ctrl+K Ctrl+I). */
async function hoverOver(session: Session, answer: string): Promise<string> {
  const { workbench } = session;
  const { line, column } = boxAt(answer);
  await workbench.placeCursor(line, column);
  return showHover(workbench.page, ANSWER_HOVER);
}

describe("AceMath: hover check of written answers in code-server (simulated backend)", function () {
  const context = useSimSession();
  const current = context.session;

  it("hover over a \\boxed{} answer shows the symbolic verdict, without asking a backend", async function () {
    const { workbench } = current();
    await workbench.runCommand("View: Close All Editors");
    await workbench.openFile(CHECK_FILE);
    const before = context.sim().requests.length;

    const right = await hoverOver(current(), "3");
    assert.match(right, /symbolic: verified/, right);
    assert.match(right, /Check with model/, right);
    await workbench.screenshot("hover-verified");
    await workbench.page.keyboard.press("Escape");

    const wrong = await hoverOver(current(), "3t");
    assert.match(wrong, /symbolic: refuted/, wrong);
    assert.match(wrong, /at t = .* the original is .* but the answer is/, wrong);
    await workbench.screenshot("hover-refuted");
    await workbench.page.keyboard.press("Escape");
    assert.equal(context.sim().requests.length, before, "hovering sends no request to any backend");
  });

  it('"Check with model" solves the problem and the next hover shows the agreement verdict', async function () {
    const { workbench } = current();
    await hoverOver(current(), "3t");
    await workbench.page.locator(".monaco-hover a", { hasText: "Check with model" }).first().click();
    const toasts = workbench.page.locator(".notifications-toasts .notification-toast");
    const started = () => context.sim().requests.some((r) => r.path === "/v1/chat/completions");
    await waitUntil("the Check with model link to start a solve", started, 30_000).catch(
      async (error: unknown) => {
        await workbench.screenshot("hover-link-no-solve");
        throw new Error(`${String(error)}; notifications: ${(await toasts.allInnerTexts()).join(" | ")}`);
      },
    );
    const toast = workbench.page.locator(".notifications-toasts .notification-toast", { hasText: /AceMath/ });
    await toast
      .filter({ hasText: /AceMath: your answer|no final answer|failed/ })
      .first()
      .waitFor({ timeout: 90_000 });
    const messages = (await toast.allInnerTexts()).map((t) => t.replace(/\s+/g, " ")).join(" | ");
    assert.match(
      messages,
      // Check with model ranks by acemath.ranking.policy, whose default is the reward-weighted vote.
      /AceMath: your answer differs from the model's pick \(reward-weighted vote: 4t\)/,
      messages,
    );

    const chat = solveChats(context.sim());
    assert.equal(chat.length, 1, "one solve for one explicit check");
    const body = chat[0]?.body as { messages?: { content?: string }[] };
    assert.ok(
      body.messages?.some((m) => m.content?.includes("Simplify $3t+4-6t+7t-4$.")),
      "the problem the answer answers was sent",
    );

    await workbench.tab(CHECK_FILE).click();
    const after = await hoverOver(current(), "3t");
    assert.match(
      after,
      /Model: your answer differs from the model's pick \(reward-weighted vote: 4t\)/,
      after,
    );
    assert.match(after, /majority answer \(4t, \d of 8\)/, after);
    assert.doesNotMatch(after, /Check with model/, "the cached verdict replaces the link");
    await workbench.screenshot("hover-model-verdict");
  });
});

describe("AceMath: hover check in a notebook's Markdown cell (simulated backend)", function () {
  const context = useSimSession();

  it("hover over a \\boxed{} in a Markdown cell checks it against the problem in the cell above", async function () {
    const { workbench } = context.session();
    const before = context.sim().requests.length;
    await workbench.openNotebook(NOTEBOOK);
    // The first cell is selected: move to the answer cell and edit it, then put the cursor on its \boxed.
    await workbench.page.keyboard.press("ArrowDown");
    await workbench.page.keyboard.press("Enter");
    const cellEditor = workbench.page.locator(
      ".notebook-editor .cell-editor-focus .monaco-editor .view-lines",
    );
    await cellEditor.filter({ hasText: "boxed" }).first().waitFor();
    await workbench.page.keyboard.press("Home");
    const column = NOTEBOOK_ANSWER_LINE.indexOf("\\boxed") + 2;
    for (let i = 0; i < column; i++) await workbench.page.keyboard.press("ArrowRight");
    const text = await showHover(workbench.page, ANSWER_HOVER);
    assert.match(text, /symbolic: refuted/, text);
    assert.match(text, /at t = .* the original is .* but the answer is/, text);
    await workbench.screenshot("hover-notebook-refuted");
    assert.equal(context.sim().requests.length, before, "hovering sends no request to any backend");
  });
});

describe("AceMath: answer diagnostics in code-server (setting on)", function () {
  let sim: SimServer | undefined;
  let session: Session | undefined;
  before(async function () {
    sim = await startSimulator({ port: 0 });
    session = await openSession({
      trusted: true,
      userSettings: { ...settingsFor(sim), "acemath.check.diagnostics": true },
    });
  });
  after(async function () {
    await session?.close();
    await sim?.close();
  });
  screenshotAfterEach(() => session);

  it("a refuted written answer gets a warning squiggle with the verdict; a verified one does not", async function () {
    assert.ok(session && sim);
    const { workbench } = session;
    await workbench.openFile(CHECK_FILE);
    const squiggles = workbench.activeEditor().locator(".squiggly-warning");
    await squiggles.first().waitFor({ timeout: 60_000 });
    assert.equal(await squiggles.count(), 1, "only the refuted \\boxed{3t} is marked");
    const text = await hoverOver(session, "3t");
    assert.match(text, /AceMath check: refuted\. at t = /, text);
    assert.equal(
      sim.requests.filter((r) => r.path === "/v1/chat/completions").length,
      0,
      "diagnostics never ask the model",
    );
    await workbench.screenshot("diagnostics-refuted");
  });
});
