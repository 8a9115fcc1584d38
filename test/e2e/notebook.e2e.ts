// Solve from a notebook: the selected Markdown cell (rendered, so no text editor is active) is the problem.
import assert from "node:assert/strict";
import { startSimulator, type SimServer } from "../sim/server";
import { openSession, screenshotAfterEach, settingsFor, type Session } from "./session";

const NOTEBOOK = "problem.ipynb";
const CELL_PROBLEM = "What is the value of $(4 \\times 12)-(4+12)$?";

describe("AceMath: Solve from a notebook cell", function () {
  let sim: SimServer;
  let session: Session | undefined;

  before(async function () {
    sim = await startSimulator({ port: 0 });
    session = await openSession({ trusted: true, userSettings: settingsFor(sim) });
  });

  after(async function () {
    await session?.close();
    await sim?.close();
  });

  screenshotAfterEach(() => session);

  it("solves the selected Markdown cell", async function () {
    if (!session) throw new Error("the code-server session did not start");
    const { workbench, panel } = session;
    await workbench.openNotebook(NOTEBOOK);
    await workbench.runCommand("AceMath: Solve");
    await panel.waitForStatus("complete");
    assert.equal(await panel.candidates().count(), 8);
    const chat = sim.requests.find((r) => r.path === "/v1/chat/completions");
    const messages = (chat?.body as { messages?: { role: string; content: string }[] }).messages ?? [];
    assert.equal(messages[1]?.content, CELL_PROBLEM, "the cell's text is the problem sent to the model");
    await workbench.screenshot("notebook-solve");
  });
});
