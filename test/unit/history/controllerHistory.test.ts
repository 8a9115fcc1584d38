// Issue #9 through the controller: a second solve keeps the first in the history (even when it cut the
// first short), and the panel says that a new solve started and where the previous one went.
import assert from "node:assert/strict";
import type * as vscode from "vscode";
import { SolveHistory } from "../../../src/extension/history/solveHistory";
import { problemSpans } from "../../../src/extension/solve/problemSpans";
import { SolveController } from "../../../src/extension/solve/solveController";
import type { SolveTarget } from "../../../src/extension/solve/target";
import { StatusBar } from "../../../src/extension/statusBar";
import { fake, Uri } from "../../support/vscodeFake";
import { FakeMemento } from "../../support/vscodeFake/services";
import {
  asVscode,
  foldPosted,
  HeldPolicy,
  solveRequest,
  targetFromFocus,
  waitFor,
} from "../extension/harness";

async function targetIn(path: string, text: string): Promise<SolveTarget> {
  const document = fake.workspace.openDocument(path, "markdown", text);
  fake.window.showDocument(document, { anchor: 3 });
  return (await targetFromFocus()) ?? assert.fail(`a problem in ${path}`);
}

describe("solve controller and history: a new solve keeps the previous one", () => {
  let controller: SolveController;
  let statusBar: StatusBar;
  let history: SolveHistory;
  beforeEach(() => {
    fake.reset();
    statusBar = new StatusBar();
    history = new SolveHistory(new FakeMemento() as unknown as vscode.Memento);
    controller = new SolveController(asVscode<vscode.Uri>(Uri.file("/ext/acemath")), statusBar, history);
  });
  afterEach(() => {
    controller.dispose();
    statusBar.dispose();
    history.dispose();
    problemSpans.dispose();
  });

  it("both solves are in the history, newest first; the panel's notice names the previous problem", async () => {
    const first = new HeldPolicy("Adding: ", "4");
    const run1 = controller.run(await targetIn("/w/a.md", "What is 2+2?\n"), solveRequest("What is 2+2?"), {
      policy: first,
      reward: null,
    });
    await waitFor("the first solve streams", () => controller.latest.candidates.length === 2);
    first.release();
    await run1;
    assert.deepEqual(
      history.list().map((e) => [e.problem, e.documentUri, e.state.status]),
      [["What is 2+2?", "file:///w/a.md", "complete"]],
    );

    const second = new HeldPolicy("Multiplying: ", "9");
    const run2 = controller.run(await targetIn("/w/b.md", "What is 3*3?\n"), solveRequest("What is 3*3?"), {
      policy: second,
      reward: null,
    });
    await waitFor("the second solve streams", () => controller.latest.candidates.length === 2);
    const shown = () => foldPosted(fake.window.panels[0]!.webview.posted);
    await waitFor("the panel gets the second solve's events", () => shown().candidates.length === 2);
    const panel = shown();
    assert.deepEqual(
      panel.warnings.map((w) => w.code),
      ["previous-solve-kept"],
      "the panel says a new solve started",
    );
    assert.match(
      panel.warnings[0]?.message ?? "",
      /previous problem \("What is 2\+2\?"\) is kept in the AceMath history/,
    );
    second.release();
    await run2;
    assert.deepEqual(
      history.list().map((e) => e.problem),
      ["What is 3*3?", "What is 2+2?"],
    );
    assert.equal(
      history.list()[1]?.state.candidates[0]?.answer,
      "4",
      "the first solve's candidates are kept",
    );
  });

  it("a solve cut short by the next one is kept with what had arrived", async () => {
    const first = new HeldPolicy("Adding: ", "4");
    const run1 = controller.run(await targetIn("/w/a.md", "What is 2+2?\n"), solveRequest("What is 2+2?"), {
      policy: first,
      reward: null,
    });
    await waitFor("the first solve streams", () => controller.latest.candidates.length === 2);
    const second = new HeldPolicy("Multiplying: ", "9");
    const run2 = controller.run(await targetIn("/w/b.md", "What is 3*3?\n"), solveRequest("What is 3*3?"), {
      policy: second,
      reward: null,
    });
    await run1;
    const kept = history.list().find((e) => e.problem === "What is 2+2?") ?? assert.fail("the first is kept");
    assert.equal(kept.state.status, "cancelled");
    assert.deepEqual(
      kept.state.candidates.map((c) => c.text),
      ["Adding: ", "Adding: "],
    );
    second.release();
    await run2;
  });
});
