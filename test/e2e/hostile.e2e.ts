// Issue #6 end to end: a server that streams hostile and huge candidates (the simulator's `hostile` fault:
// HTML and scripts, text imitating the panel, links to a loopback canary, TeX primitives, terminal escapes and
// a 1 MB candidate). Nothing executes, no link is followed without the user's say, the editor keeps up with
// typing while the huge candidate streams, and Insert answer writes cleaned text.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROBLEM_FILE } from "./problem";
import { solveFixtureProblem, useSimSession } from "./session";
import { waitForGrownFile } from "./wait";

/** Typing must show within this, even while a megabyte of model output streams into the panel. */
const TYPING_BOUND_MS = 5_000;
/** The limits raised so that the whole 1 MB candidate reaches the panel (the defaults would cut it at 64 KB). */
const HUGE_LIMITS = { "acemath.limits.candidateChars": 2_000_000, "acemath.limits.solveChars": 8_000_000 };

describe("AceMath: hostile and huge model output (code-server, simulated backend)", function () {
  // Slow enough that the stream is still running while the test types (the huge candidate streams in 4 KB pieces).
  const context = useSimSession({ faults: { hostile: true }, tokensPerSecond: 30 }, HUGE_LIMITS);
  const dialogs: string[] = [];

  before(function () {
    const { workbench } = context.session();
    // alert()/confirm() from anything on the page would show up here.
    workbench.page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  it("renders hostile candidates as text while the editor keeps up with typing", async function () {
    const session = context.session();
    const { panel, workbench } = session;
    await solveFixtureProblem(session);
    await panel.candidates().first().waitFor({ timeout: 60_000 });
    // Type on the document's last line while the candidates stream in.
    const editor = workbench.activeEditor();
    await editor.locator(".view-lines").click();
    await workbench.page.keyboard.press("Control+End");
    const marker = "typedwhilestreaming";
    const typed = Date.now();
    await workbench.page.keyboard.type(marker);
    await editor.locator(".view-lines", { hasText: marker }).waitFor({ timeout: 60_000 });
    const typingMs = Date.now() - typed;
    assert.equal(
      await panel.status().getAttribute("data-status"),
      "running",
      "the typing was measured while the candidates streamed",
    );
    assert.ok(typingMs < TYPING_BOUND_MS, `typing showed after ${typingMs} ms (bound ${TYPING_BOUND_MS} ms)`);

    await panel.waitForStatus("complete", 180_000);
    const { frame } = panel;
    const candidates = await panel.candidateAttributes();
    assert.equal(candidates.length, 8, "every hostile candidate is shown");
    const huge = candidates.find((c) => c.answer === "42");
    assert.ok(huge, "the 1 MB candidate finished with its answer");
    assert.notEqual(huge.finish, "client-limit", "with raised limits the huge candidate is not cut");

    const active = await frame
      .locator(".candidate script, .candidate img, .candidate iframe, .candidate style")
      .count();
    assert.equal(active, 0, "no script, image, iframe or style element comes from model output");
    assert.equal(
      await frame.locator(".candidate h1, .candidate h2").count(),
      0,
      "model headings are demoted",
    );
    await frame.locator(".candidate .solution", { hasText: "<script>alert(1)</script>" }).first().waitFor();
    assert.deepEqual(dialogs, [], "no alert or confirm dialog opened");
    assert.deepEqual(context.sim().canaryHits(), [], "nothing fetched the canary");
    await workbench.screenshot("hostile-panel");
  });

  it("refuses a loopback link from model output and asks before opening a web link", async function () {
    const { panel, workbench } = context.session();
    const { frame } = panel;
    const loopback = frame.locator('.candidate .md-link[data-href*="/canary?md-link"]').first();
    await loopback.scrollIntoViewIfNeeded();
    await loopback.click();
    await workbench.page
      .locator(".notifications-toasts .notification-toast", { hasText: /refused|not open|loopback|local/i })
      .first()
      .waitFor({ timeout: 20_000 });

    const pagesBefore = workbench.page.context().pages().length;
    const web = frame.locator('.candidate .md-link[data-href="https://example.com"]').first();
    await web.scrollIntoViewIfNeeded();
    await web.click();
    const dialog = workbench.page.locator(".monaco-dialog-box", { hasText: "https://example.com" });
    await dialog.waitFor({ timeout: 20_000 });
    await workbench.screenshot("hostile-link-confirmation");
    await workbench.page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    assert.equal(workbench.page.context().pages().length, pagesBefore, "no tab opened without confirmation");
    assert.deepEqual(context.sim().canaryHits(), [], "nothing fetched the canary");
  });

  it("inserts the TeX-primitive candidate's answer with the primitives defused", async function () {
    const { panel, server } = context.session();
    const file = join(server.workspaceDir, PROBLEM_FILE);
    const before = readFileSync(file, "utf8");
    const card = panel.frame.locator('.candidate[data-answer*="write18"]').first();
    await card.scrollIntoViewIfNeeded();
    await card.locator('button[data-action="insert-answer"]').click();
    const after = await waitForGrownFile("the document to change on disk", file, before);
    const start = commonPrefix(before, after);
    const inserted = after.slice(start, start + after.length - before.length);
    assert.match(inserted, /7/, `the answer's value is inserted: ${inserted}`);
    for (const primitive of ["\\input{", "\\immediate\\write18", "\\write18{"])
      assert.ok(!inserted.includes(primitive), `${primitive} is not inserted live: ${inserted}`);
  });
});

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
