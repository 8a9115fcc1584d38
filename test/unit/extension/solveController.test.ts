// The controller that runs one solve at a time, on the in-memory `vscode` fake and a policy server the
// test holds and releases: a second solve aborts the first, cancel keeps what arrived, and the panel's
// buttons (Insert, Copy, Retry, settings, links) act on the current solve or say why not.
import assert from "node:assert/strict";
import type * as vscode from "vscode";
import type { SolveEvent } from "../../../src/core/solve/events";
import { emptySolveState } from "../../../src/core/solve/state";
import { SolveController } from "../../../src/extension/solve/solveController";
import type { SolveTarget } from "../../../src/extension/solve/target";
import { problemSpans } from "../../../src/extension/solve/problemSpans";
import { StatusBar } from "../../../src/extension/statusBar";
import { fake, Uri, ViewColumn, window } from "../../support/vscodeFake";
import {
  asVscode,
  targetFromFocus,
  foldPosted,
  HeldPolicy,
  postedTypes,
  solveRequest,
  waitFor,
} from "./harness";

async function targetIn(path: string, text: string, cursor: number): Promise<SolveTarget> {
  const document = fake.workspace.openDocument(path, "markdown", text);
  fake.window.showDocument(document, { anchor: cursor });
  const target = await targetFromFocus();
  assert.ok(target, `a problem at ${cursor} in ${path}`);
  return target;
}

const solving = () => fake.commands.contextValues("acemath.solving");
const posted = () => fake.window.panels[0]!.webview.posted;
const panelEvents = () =>
  (posted() as Array<{ type: string; events?: SolveEvent[] }>).flatMap((m) => m.events ?? []);
const errors = () => fake.window.messages.filter((m) => m.severity === "error");

describe("solve controller: one solve at a time", () => {
  let controller: SolveController;
  let statusBar: StatusBar;
  beforeEach(() => {
    fake.reset();
    statusBar = new StatusBar();
    controller = new SolveController(asVscode<vscode.Uri>(Uri.file("/ext/acemath")), statusBar);
  });
  afterEach(() => {
    controller.dispose();
    statusBar.dispose();
    problemSpans.dispose();
  });

  it("a second solve aborts the first, which ends with its own partial results; the panel shows the second", async () => {
    const first = new HeldPolicy("Adding: ", "4");
    const second = new HeldPolicy("Multiplying: ", "9");
    const run1 = controller.run(
      await targetIn("/w/a.md", "What is 2+2?\n", 3),
      solveRequest("What is 2+2?"),
      {
        policy: first,
        reward: null,
      },
    );
    await waitFor("the first solve streams", () => controller.latest.candidates.length === 2);
    const run2 = controller.run(
      await targetIn("/w/b.md", "What is 3*3?\n", 3),
      solveRequest("What is 3*3?"),
      {
        policy: second,
        reward: null,
      },
    );
    assert.equal(first.signals[0]!.aborted, true, "the first solve's requests are aborted at once");

    const ended = await run1;
    assert.equal(ended.problem, "What is 2+2?", "the first run returns its own solve, not the newer one");
    assert.equal(ended.status, "cancelled");
    assert.deepEqual(
      ended.candidates.map((c) => [c.text, c.finishReason]),
      [
        ["Adding: ", "cancelled"],
        ["Adding: ", "cancelled"],
      ],
      "what had arrived is kept",
    );
    assert.deepEqual(
      solving(),
      [true, true],
      "the first solve's end does not clear 'solving' while the second runs",
    );

    await waitFor("the second solve streams", () => controller.latest.candidates.length === 2);
    assert.equal(second.signals[0]!.aborted, false);
    second.release();
    const done = await run2;
    assert.equal(done.status, "complete");
    assert.deepEqual(
      done.candidates.map((c) => c.answer),
      ["9", "9"],
    );
    assert.deepEqual(solving(), [true, true, false]);

    assert.equal(fake.window.panels.length, 1, "one panel for both solves");
    assert.deepEqual(
      foldPosted(posted()),
      JSON.parse(JSON.stringify(controller.latest)),
      "the panel shows the second",
    );
    const afterTakeover = posted().slice(postedTypes(posted()).lastIndexOf("snapshot"));
    assert.ok(
      !JSON.stringify(afterTakeover).includes("Adding"),
      "nothing of the first solve reaches the panel after the second started",
    );
    assert.deepEqual(errors(), [], "a solve replaced by another is not an error");
  });

  it("Cancel (panel, notification or command) aborts the requests; what arrived stays, in the panel too", async () => {
    for (const cancel of [
      () => fake.window.panels[0]!.webview.fromWebview({ type: "cancel" }),
      () => fake.window.progresses.at(-1)!.cancel(),
      () => controller.cancel(),
    ]) {
      const policy = new HeldPolicy("Partial work ", "4");
      const run = controller.run(
        await targetIn("/w/c.md", "What is 2+2?\n", 0),
        solveRequest("What is 2+2?"),
        {
          policy,
          reward: null,
        },
      );
      await waitFor("the solve streams", () => controller.latest.candidates.length === 2);
      cancel();
      const state = await run;
      assert.equal(policy.signals[0]!.aborted, true);
      assert.equal(state.status, "cancelled");
      assert.equal(state.candidates[0]!.text, "Partial work ");
      assert.deepEqual(foldPosted(posted()), JSON.parse(JSON.stringify(state)));
      assert.equal(solving().at(-1), false);
    }
    assert.deepEqual(errors(), []);
  });

  it("a panel restored after a reload: Retry and Insert say why they cannot act, and ready gets the idle state", async () => {
    const restored = window.createWebviewPanel("acemath.solutions", "AceMath Solutions", ViewColumn.Beside);
    controller.restorePanel(asVscode<vscode.WebviewPanel>(restored));
    restored.webview.fromWebview({ type: "retry" });
    restored.webview.fromWebview({ type: "insertAnswer", index: 0 });
    restored.webview.fromWebview({ type: "ready" });
    await waitFor("two messages", () => errors().length === 2);
    assert.match(errors()[0]!.message, /Nothing to retry: this panel was restored after a reload/);
    assert.match(errors()[1]!.message, /candidate 1 is not in the current solve/);
    assert.deepEqual(restored.webview.posted, [{ type: "snapshot", state: emptySolveState() }]);
    assert.equal(fake.window.progresses.length, 0, "no solve started");
  });

  it("events reach the panel batched: far fewer messages than events", async () => {
    const policy = new HeldPolicy("x", "4");
    const run = controller.run(
      await targetIn("/w/d.md", "What is 2+2?\n", 0),
      solveRequest("What is 2+2?", 8),
      {
        policy,
        reward: null,
      },
    );
    await waitFor("streaming", () => controller.latest.candidates.length === 8);
    policy.release();
    await run;
    const messages = posted().length;
    assert.ok(panelEvents().length >= 17, "started, 8 deltas, 8 more, 8 finished…");
    assert.ok(messages <= 4, `${messages} messages for ${panelEvents().length} events`);
  });
});

describe("solve controller: the panel's buttons", () => {
  let controller: SolveController;
  let statusBar: StatusBar;
  let target: SolveTarget;
  const click = (message: unknown) => fake.window.panels[0]!.webview.fromWebview(message);

  beforeEach(async () => {
    fake.reset();
    statusBar = new StatusBar();
    controller = new SolveController(asVscode<vscode.Uri>(Uri.file("/ext/acemath")), statusBar);
    target = await targetIn("/w/p.md", "What is 2+2?\n\nMore text.\n", 0);
    const policy = new HeldPolicy("We add. ", "4");
    const run = controller.run(target, solveRequest("What is 2+2?"), { policy, reward: null });
    await waitFor("streaming", () => controller.latest.candidates.length === 2);
    policy.release();
    await run;
  });
  afterEach(() => {
    controller.dispose();
    statusBar.dispose();
    problemSpans.dispose();
  });

  it("Insert answer writes into the problem's document, after the problem", async () => {
    click({ type: "insertAnswer", index: 1 });
    const document = fake.workspace.textDocuments.find((d) => d.uri.path === "/w/p.md")!;
    await waitFor("the edit", () => document.version > 1);
    assert.equal(document.getText(), "What is 2+2?\n\n**Answer:** $\\boxed{4}$\n\n\nMore text.\n");
  });

  it("a button for a candidate that is not in the solve says so and writes nothing", async () => {
    click({ type: "insertAnswer", index: 7 });
    await waitFor("the message", () => errors().length > 0);
    assert.match(errors()[0]!.message, /candidate 8 is not in the current solve/);
    assert.equal(fake.workspace.appliedEdits.length, 0);
  });

  it("Copy LaTeX puts the answer on the clipboard; a clipboard failure is reported", async () => {
    click({ type: "copyLatex", index: 0 });
    await waitFor("copied", () => fake.env.clipboard !== "");
    assert.equal(fake.env.clipboard, "4");
    fake.env.clipboardFailure = "clipboard unavailable";
    click({ type: "copyLatex", index: 0 });
    await waitFor("the message", () => errors().length > 0);
    assert.match(errors()[0]!.message, /clipboard unavailable/);
  });

  it("Open setting opens the Settings editor on that setting only", async () => {
    click({ type: "openSetting", setting: "acemath.policy.baseUrl" });
    await waitFor("the command", () => fake.commands.executed.some((c) => c.id.startsWith("workbench")));
    assert.deepEqual(
      fake.commands.executed.filter((c) => c.id !== "setContext"),
      [{ id: "workbench.action.openSettings", args: ["acemath.policy.baseUrl"] }],
    );
  });

  it("a link from the panel opens only after the check and the user's confirmation", async () => {
    fake.window.respond = (shown) => (shown.options?.modal ? "Open" : undefined);
    click({ type: "openLink", href: "file:///etc/passwd" });
    click({ type: "openLink", href: "https://example.com/proof" });
    await waitFor("both are handled", () => fake.window.messages.length === 2);
    await waitFor("opened", () => fake.env.opened.length > 0);
    assert.deepEqual(
      fake.window.messages.map((m) => [m.severity, m.options?.modal ?? false]),
      [
        ["warning", false],
        ["warning", true],
      ],
      "the refused link only gets a notice; the allowed one the confirming dialog",
    );
    assert.deepEqual(
      fake.env.opened.map((uri) => uri.toString()),
      ["https://example.com/proof"],
    );
  });

  it("Retry runs the last solve again; while one runs it is refused", async () => {
    click({ type: "retry" });
    await waitFor(
      "the retried solve streams",
      () => fake.window.progresses.length === 2 && controller.latest.candidates.length === 2,
    );
    assert.equal(controller.latest.problem, "What is 2+2?");
    click({ type: "retry" });
    await waitFor("the refusal", () => errors().length > 0);
    assert.match(errors()[0]!.message, /still running/);
  });
});
