// The solve panel's side of the message channel, on the in-memory `vscode` fake: what the webview
// sends is validated before anything acts on it, and pipeline events reach the webview in batches,
// with one snapshot of the current state whenever the page says it is (re)loaded.
import assert from "node:assert/strict";
import type * as vscode from "vscode";
import type { FromWebview } from "../../../src/contract/webviewMessages";
import type { SolveEvent } from "../../../src/core/solve/events";
import { applySolveEvent, emptySolveState, type SolveState } from "../../../src/core/solve/state";
import { SolvePanel } from "../../../src/extension/solve/solvePanel";
import { fake, Uri, ViewColumn, window } from "../../support/vscodeFake";
import type { FakeWebviewPanel } from "../../support/vscodeFake/webview";
import { asVscode, foldPosted, postedTypes, waitFor } from "./harness";

/** A panel wired as the controller wires it: the state it snapshots is the one the events are folded into. */
function openPanel() {
  const state = { current: emptySolveState() };
  const acted: FromWebview[] = [];
  let failAction: Error | null = null;
  const panel = new SolvePanel(
    asVscode<vscode.Uri>(Uri.file("/ext/acemath")),
    () => state.current,
    async (message) => {
      acted.push(message);
      // Async like the controller's handler: a failure is a rejected promise.
      await Promise.resolve();
      if (failAction) throw failAction;
    },
  );
  panel.reveal();
  const view = fake.window.panels.at(-1)!;
  const push = (event: SolveEvent) => {
    applySolveEvent(state.current, event);
    panel.push(event);
  };
  return {
    panel,
    view,
    state,
    acted,
    push,
    failActionsWith: (error: Error) => (failAction = error),
  };
}

const started = (n: number): SolveEvent => ({
  type: "started",
  problem: "What is 2+2?",
  n,
  policy: { url: "http://policy.test/v1", model: "m", simulated: false },
  reward: null,
});
const delta = (index: number, text: string): SolveEvent => ({ type: "delta", index, text });
const warnings = () => fake.window.logLines().filter((line) => line.level === "warn");

describe("solve panel: messages from the webview", () => {
  let opened: ReturnType<typeof openPanel>;
  beforeEach(() => {
    fake.reset();
    opened = openPanel();
  });
  afterEach(() => opened.panel.dispose());

  const hostile: Array<[string, unknown]> = [
    ["no message", undefined],
    ["null", null],
    ["a bare string", "ready"],
    ["a number", 42],
    ["an array", [{ type: "cancel" }]],
    ["no type", {}],
    ["an unknown type", { type: "runCommand", command: "workbench.action.terminal.new" }],
    ["a type in other case", { type: "Cancel" }],
    ["a type that is not a string", { type: ["cancel"] }],
    ["an inherited property name", { type: "toString" }],
    ["__proto__ as the type", JSON.parse('{"type":"__proto__"}')],
    ["a message the extension sends, echoed back", { type: "snapshot", state: emptySolveState() }],
    ["insertAnswer without an index", { type: "insertAnswer" }],
    ["insertAnswer with a negative index", { type: "insertAnswer", index: -1 }],
    ["insertSolution with a fractional index", { type: "insertSolution", index: 1.5 }],
    ["copyLatex with a string index", { type: "copyLatex", index: "0" }],
    ["copyLatex with NaN (arrives as null)", { type: "copyLatex", index: Number.NaN }],
    [
      "insertAnswer with Infinity (arrives as null)",
      { type: "insertAnswer", index: Number.POSITIVE_INFINITY },
    ],
    ["openSetting without a setting", { type: "openSetting" }],
    ["openSetting with an object", { type: "openSetting", setting: { toString: "acemath.samples" } }],
    ["openLink without an href", { type: "openLink" }],
    ["openLink with an array", { type: "openLink", href: ["https://example.com"] }],
    ["stepSignal with an unknown kind", { type: "stepSignal", index: 0, kind: "shell" }],
    ["stepSignal without an index", { type: "stepSignal", kind: "prm" }],
  ];

  it("every malformed, unknown or hostile message is dropped without effect, and logged", () => {
    for (const [, message] of hostile) opened.view.webview.fromWebview(message);
    assert.deepEqual(opened.acted, [], "no action ran");
    assert.deepEqual(opened.view.webview.posted, [], "nothing was posted back (not even a snapshot)");
    assert.deepEqual(fake.commands.executed, [], "no command ran");
    assert.equal(warnings().length, hostile.length, "each dropped message is in the log");
    assert.ok(
      warnings().every((line) => line.message.startsWith("Ignored an unknown message from the solve panel")),
    );
  });

  it("a huge hostile message is logged cut short", () => {
    opened.view.webview.fromWebview({ type: "x".repeat(100_000) });
    assert.deepEqual(opened.acted, []);
    assert.ok(warnings()[0]!.message.length < 400, "the log line is short");
  });

  it("each well-formed message reaches the actions as sent; ready is answered by the panel itself", () => {
    const valid: FromWebview[] = [
      { type: "insertAnswer", index: 0 },
      { type: "insertSolution", index: 3 },
      { type: "copyLatex", index: 1 },
      { type: "cancel" },
      { type: "retry" },
      { type: "openSetting", setting: "acemath.policy.baseUrl" },
      { type: "openLink", href: "https://example.com/a" },
      { type: "stepSignal", index: 2, kind: "prefix" },
    ];
    for (const message of valid) opened.view.webview.fromWebview(message);
    opened.view.webview.fromWebview({ type: "ready" });
    assert.deepEqual(opened.acted, valid);
    assert.deepEqual(postedTypes(opened.view.webview.posted), ["snapshot"]);
    assert.deepEqual(warnings(), []);
  });

  it("an action that fails is logged, and the channel keeps working", async () => {
    opened.failActionsWith(new Error("boom"));
    opened.view.webview.fromWebview({ type: "cancel" });
    await waitFor("the failure is logged", () => fake.window.logLines().some((l) => l.level === "error"));
    assert.match(fake.window.logLines().find((l) => l.level === "error")!.message, /boom/);
    opened.view.webview.fromWebview({ type: "retry" });
    assert.deepEqual(
      opened.acted.map((m) => m.type),
      ["cancel", "retry"],
    );
  });
});

describe("solve panel: batching and the snapshot on ready", () => {
  let opened: ReturnType<typeof openPanel>;
  beforeEach(() => {
    fake.reset();
    opened = openPanel();
  });
  afterEach(() => opened.panel.dispose());
  const posted = () => opened.view.webview.posted;

  it("a thousand deltas and the end arrive in one message, in order", () => {
    opened.panel.reset(opened.state.current);
    opened.push(started(2));
    for (let i = 0; i < 1000; i++) opened.push(delta(i % 2, `t${i} `));
    assert.deepEqual(postedTypes(posted()), ["snapshot"], "nothing is sent per token");
    opened.push({ type: "done", outcome: "complete" });
    assert.deepEqual(postedTypes(posted()), ["snapshot", "events"], "the end flushes at once");
    const batch = posted()[1] as { events: SolveEvent[] };
    assert.equal(batch.events.length, 1002);
    assert.deepEqual(
      foldPosted(posted()),
      opened.state.current,
      "the webview's fold equals the extension's state",
    );
  });

  it("without an end, the pending events go out together soon after", async () => {
    opened.push(started(1));
    for (let i = 0; i < 50; i++) opened.push(delta(0, "x"));
    assert.equal(posted().length, 0);
    await waitFor("the batch is posted", () => posted().length > 0);
    assert.deepEqual(postedTypes(posted()), ["events"]);
    assert.equal((posted()[0] as { events: SolveEvent[] }).events.length, 51);
    opened.push(delta(0, "y"));
    await waitFor("the next batch is posted", () => posted().length > 1);
    assert.deepEqual((posted()[1] as { events: SolveEvent[] }).events, [delta(0, "y")]);
  });

  it("ready mid-solve gets one snapshot of the current state, and the events it covers are not sent again", () => {
    opened.push(started(1));
    opened.push(delta(0, "Step one. "));
    opened.view.webview.fromWebview({ type: "ready" });
    assert.deepEqual(postedTypes(posted()), ["snapshot"]);
    assert.equal((posted()[0] as { state: SolveState }).state.candidates[0]!.text, "Step one. ");
    opened.push(delta(0, "Step two."));
    opened.push({ type: "done", outcome: "complete" });
    assert.deepEqual(postedTypes(posted()), ["snapshot", "events"]);
    assert.deepEqual((posted()[1] as { events: SolveEvent[] }).events, [
      delta(0, "Step two."),
      { type: "done", outcome: "complete" },
    ]);
    const shown = foldPosted(posted());
    assert.equal(shown.candidates[0]!.text, "Step one. Step two.", "no delta applied twice");
    assert.deepEqual(shown, opened.state.current);
  });

  it("a page that reloads twice gets a snapshot each time, of the state at that moment", () => {
    opened.push(started(1));
    opened.view.webview.fromWebview({ type: "ready" });
    opened.push(delta(0, "more"));
    opened.view.webview.fromWebview({ type: "ready" });
    const snapshots = posted() as Array<{ type: string; state: SolveState }>;
    assert.deepEqual(postedTypes(snapshots), ["snapshot", "snapshot"]);
    assert.deepEqual(snapshots[0]!.state.candidates, [], "the first snapshot is as it was then");
    assert.equal(snapshots[1]!.state.candidates[0]!.text, "more");
  });

  it("a panel the user closed mid-batch posts nothing more; events without a panel are dropped", async () => {
    opened.push(started(1));
    opened.push(delta(0, "x"));
    opened.view.dispose();
    opened.push(delta(0, "y"));
    opened.push({ type: "done", outcome: "complete" });
    await new Promise((resolve) => setTimeout(resolve, 60)); // past the flush delay: the fake throws on a post now
    assert.deepEqual(posted(), []);
  });

  it("reveal shows the one panel beside the editor without taking focus; a restored duplicate is closed", () => {
    opened.panel.reveal();
    assert.equal(fake.window.panels.length, 1);
    assert.deepEqual(opened.view.reveals, [{ viewColumn: ViewColumn.Beside, preserveFocus: true }]);
    const restored = window.createWebviewPanel("acemath.solutions", "AceMath Solutions", ViewColumn.Beside);
    opened.panel.adopt(asVscode<vscode.WebviewPanel>(restored));
    assert.equal((restored as FakeWebviewPanel).disposed, true);
    assert.equal(opened.view.disposed, false);
  });

  it("the page is served with scripts on and local resources from dist/ and media/ only", () => {
    const options = opened.view.webview.options as { enableScripts: boolean; localResourceRoots: Uri[] };
    assert.equal(options.enableScripts, true);
    assert.deepEqual(
      options.localResourceRoots.map((uri) => uri.toString()),
      ["file:///ext/acemath/dist", "file:///ext/acemath/media"],
    );
    assert.match(
      opened.view.webview.html,
      /<script nonce="[^"]+" src="https:\/\/file\+\.vscode-resource[^"]*\/dist\/webview\.js">/,
    );
  });
});
