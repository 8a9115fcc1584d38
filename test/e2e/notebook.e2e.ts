// Solve from a notebook: the selected Markdown cell (rendered, so no text editor is active) is the problem.
import assert from "node:assert/strict";
import { solveChats } from "../sim/server";
import { useSimSession } from "./session";

const NOTEBOOK = "problem.ipynb";
const CELL_PROBLEM = "What is the value of $(4 \\times 12)-(4+12)$?";

describe("AceMath: Solve from a notebook cell", function () {
  const context = useSimSession();

  it("solves the selected Markdown cell", async function () {
    const sim = context.sim();
    const { workbench, panel } = context.session();
    await workbench.openNotebook(NOTEBOOK);
    await workbench.runCommand("AceMath: Solve");
    await panel.waitForStatus("complete");
    assert.equal(await panel.candidates().count(), 8);
    const chat = solveChats(sim)[0];
    const messages = (chat?.body as { messages?: { role: string; content: string }[] }).messages ?? [];
    assert.equal(messages[1]?.content, CELL_PROBLEM, "the cell's text is the problem sent to the model");
    await workbench.screenshot("notebook-solve");
  });
});
