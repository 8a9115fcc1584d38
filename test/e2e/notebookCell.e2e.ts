// Issue #9, notebooks: "Solve Cell" on a Markdown problem of a real notebook (an excerpt of norvig/pytudes'
// Probability.ipynb), Insert answer adds a NEW Markdown cell below that renders at once, with the solve in
// its metadata and a cell status bar item; after saving and reloading the window, the item is back and
// opens the candidates from the cell's metadata.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Locator } from "playwright-core";
import { useSimSession } from "./session";
import { waitUntil } from "./wait";
import type { Workbench } from "./workbench";

const NOTEBOOK = "probability-die.ipynb";
const PROBLEM_CELL = 1;
const ANSWER_CELL = 2;

interface StoredCell {
  cell_type: string;
  source: string[] | string;
  metadata: { acemath?: { version: number; chosen: number; candidates: { answer: string | null }[] } };
}

function row(workbench: Workbench, index: number): Locator {
  return workbench.page.locator(
    `.notebook-editor .cell-list-container .monaco-list-row[data-index="${index}"]`,
  );
}

/** The notebook's back-layer webview, where VS Code renders Markdown cells (with KaTeX for `$…$`). */
function notebookPreview(workbench: Workbench): FrameLocator {
  return workbench.page
    .frameLocator(".notebook-editor iframe.webview.ready")
    .first()
    .frameLocator("#active-frame");
}

describe("AceMath: Solve Cell in a notebook (code-server, simulated backend)", function () {
  const context = useSimSession();

  it("Solve Cell on a Markdown problem: a new rendered answer cell below, its status item, restored after a reload", async function () {
    const { workbench, panel, server } = context.session();
    await workbench.openNotebook(NOTEBOOK);
    const rows = workbench.page.locator(".notebook-editor .cell-list-container .monaco-list-row");
    await waitUntil("the notebook's five cells", async () => (await rows.count()) === 5);
    // The heading cell is selected on open ("Cell 1 of 5"); the next cell is the problem.
    await workbench.page.keyboard.press("ArrowDown");
    await workbench.page.locator(".statusbar", { hasText: `Cell ${PROBLEM_CELL + 1} of 5` }).waitFor();
    // The cell toolbar shows its actions on hover: a screenshot to look at "Solve Cell" there.
    await notebookPreview(workbench)
      .getByText("What's the probability of an even number")
      .hover()
      .catch(() => undefined);
    await workbench.screenshot("notebook-cell-toolbar");

    await workbench.runCommand("AceMath: Solve Cell");
    await panel.waitForStatus("complete");
    assert.equal(await panel.candidates().count(), 8);
    const [top] = await panel.candidateAttributes();
    assert.ok(top?.answer, "the top candidate has an answer");
    await workbench.screenshot("notebook-cell-solved");

    await panel.topCandidateButton("insert-answer").click();
    await waitUntil("a sixth cell", async () => (await rows.count()) === 6);
    // A rendered Markdown cell keeps its status bar hidden until it is edited: the item is there, with its text.
    const status = row(workbench, ANSWER_CELL).locator(".cell-statusbar-container");
    const statusText = await waitUntil("the answer cell's status item", async () => {
      const text = (await status.textContent()) ?? "";
      return text.includes("AceMath:") && text;
    });
    assert.match(
      statusText,
      new RegExp(`AceMath: ${escapeRegExp(top.answer)} · score -?\\d+\\.\\d\\d · \\d/8 agree`),
    );
    // Rendered at once: the new cell's Markdown is drawn (bold label, KaTeX answer) without editing it.
    await notebookPreview(workbench).locator("strong", { hasText: "Answer:" }).waitFor({ timeout: 20_000 });
    await notebookPreview(workbench).locator(".katex", { hasText: top.answer }).first().waitFor();
    await workbench.screenshot("notebook-cell-answer-inserted");

    await workbench.runCommand("File: Save All Files");
    const path = join(server.workspaceDir, NOTEBOOK);
    const saved = await waitUntil("the notebook saved with the answer cell", () => {
      const cells = (JSON.parse(readFileSync(path, "utf8")) as { cells: StoredCell[] }).cells;
      return cells.length === 6 && cells;
    });
    const answerCell = saved[ANSWER_CELL];
    assert.equal(answerCell?.cell_type, "markdown");
    const source = Array.isArray(answerCell?.source)
      ? answerCell.source.join("")
      : (answerCell?.source ?? "");
    assert.equal(source, `**Answer:** $\\boxed{${top.answer}}$`);
    const stored = answerCell?.metadata.acemath;
    assert.equal(stored?.version, 1);
    assert.equal(stored?.candidates.length, 8);
    assert.equal(stored?.chosen, top.index);

    await workbench.runCommand("View: Close All Editors");
    await workbench.reloaded();
    await workbench.openNotebook(NOTEBOOK);
    // Editing the answer cell (double-click) shows its status bar; its item opens the panel from the metadata.
    await notebookPreview(workbench).locator("strong", { hasText: "Answer:" }).dblclick();
    const restored = row(workbench, ANSWER_CELL).locator(".cell-status-item", { hasText: "AceMath:" });
    await restored.waitFor({ timeout: 30_000 });
    await workbench.screenshot("notebook-cell-status-item-after-reload");
    await restored.click();
    await panel.waitForStatus("complete");
    assert.equal(await panel.candidates().count(), 8, "the candidates come back from the cell's metadata");
    assert.equal((await panel.candidateAttributes()).find((c) => c.index === top.index)?.answer, top.answer);
    await workbench.screenshot("notebook-cell-restored-after-reload");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
