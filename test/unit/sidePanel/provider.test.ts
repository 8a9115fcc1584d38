// The side panel's extension side on the in-memory `vscode` fake: it answers "ready" with the history and
// the solve of the problem under the cursor, ignores malformed messages, stores blind judgements for the
// solve they name, and refuses to insert from a solve the editor no longer knows.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type * as vscode from "vscode";
import type { ToSidePanel } from "../../../src/contract/sidePanelMessages";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import type { HistoryEntryView, SideHistory } from "../../../src/extension/sidePanel/historyPort";
import type { JudgementRecord } from "../../../src/extension/sidePanel/judgementRecord";
import type { JudgementStore } from "../../../src/extension/sidePanel/judgementStore";
import { SidePanelProvider } from "../../../src/extension/sidePanel/sidePanelProvider";
import type { SolveController } from "../../../src/extension/solve/solveController";
import { fake, Uri } from "../../support/vscodeFake";
import { EventEmitter } from "../../support/vscodeFake/events";
import { FakeWebview } from "../../support/vscodeFake/webview";
import { asVscode, waitFor } from "../extension/harness";
import { loadProblem, solvedState } from "./fixture";

function open(latest: SolveState, entries: HistoryEntryView[]) {
  const stored: JudgementRecord[] = [];
  const accepted: number[] = [];
  const controller = {
    latest,
    onDidChangeLatest: new EventEmitter<void>().event,
    acceptCandidate: (index: number) => {
      accepted.push(index);
      return Promise.resolve();
    },
  };
  const history: SideHistory = {
    list: () => entries,
    get: (id) => entries.find((e) => e.id === id),
    onDidChange: () => ({ dispose: () => undefined }),
    bound: 200,
  };
  const judgements = {
    append: (record: JudgementRecord) => Promise.resolve(stored.push(record)),
    all: () => Promise.resolve([...stored]),
  };
  const provider = new SidePanelProvider(
    asVscode<vscode.Uri>(Uri.file("/ext/acemath")),
    asVscode<SolveController>(controller),
    history,
    asVscode<JudgementStore>(judgements),
  );
  const webview = new FakeWebview(() => false);
  provider.resolveWebviewView(
    asVscode<vscode.WebviewView>({
      webview,
      visible: true,
      onDidChangeVisibility: new EventEmitter<void>().event,
      onDidDispose: new EventEmitter<void>().event,
    }),
  );
  const posted = () => webview.posted as ToSidePanel[];
  return { provider, webview, posted, stored, accepted };
}

describe("side panel provider (extension side, on the vscode fake)", () => {
  let latest: SolveState;
  let older: SolveState;
  let entries: HistoryEntryView[];
  before(async () => {
    latest = await solvedState(loadProblem(70));
    older = await solvedState(loadProblem(98));
    entries = [
      { id: "h-2", problem: latest.problem, state: latest, solvedAt: 2000 },
      { id: "h-1", problem: older.problem, state: older, solvedAt: 1000 },
    ];
  });
  beforeEach(() => fake.reset());

  it("serves its page under the nonce CSP, scripts only from dist/", () => {
    const { webview } = open(latest, entries);
    assert.match(webview.html, /Content-Security-Policy" content="default-src 'none'; script-src 'nonce-/);
    assert.match(webview.html, /<script nonce="[^"]+" src="[^"]+\/dist\/sideview\.js">/);
    assert.equal(webview.options.enableScripts, true);
  });

  it("loads KaTeX's stylesheet, then the shared base.css, then its own side.css, each a file in media/", () => {
    const { webview } = open(latest, entries);
    const sheets = [
      ...webview.html.matchAll(/<link rel="stylesheet" nonce="[^"]+" href="[^"]+\/media\/([^"]+)">/g),
    ];
    const names = sheets.map((match) => match[1]!);
    assert.deepEqual(names, ["katex/katex.min.css", "base.css", "side.css"]);
    // (KaTeX's is copied into media/ by the build.)
    for (const name of ["base.css", "side.css"]) {
      assert.ok(existsSync(join(__dirname, "../../../media", name)), `media/${name} exists`);
    }
  });

  it("answers ready with the history, the shown solve and the number of judgements", async () => {
    const { webview, posted } = open(latest, entries);
    webview.fromWebview({ type: "ready" });
    await waitFor("three messages", () => posted().length === 3);
    const [history, show, judged] = posted();
    assert.equal(history?.type === "history" && history.items.map((i) => i.id).join(), "h-2,h-1");
    assert.ok(show?.type === "show" && show.problem?.key === "latest");
    assert.equal(show.problem.clusters.length, 2);
    assert.deepEqual(judged, { type: "judged", count: 0 });
  });

  it("ignores (and logs) a message that fails validation", async () => {
    const { webview, posted } = open(latest, entries);
    webview.fromWebview({ type: "judge", key: "latest", a: 1, b: 1, verdict: "A" });
    webview.fromWebview({ type: "insertAnswer", index: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(posted().length, 0);
    const warned = fake.window.logLines().filter((l) => l.level === "warn" && /side panel/.test(l.message));
    assert.equal(warned.length, 2);
  });

  it("stores a blind judgement of the solve it names, with both solutions", async () => {
    const { webview, stored, posted } = open(latest, entries);
    webview.fromWebview({ type: "judge", key: "h-1", a: 2, b: 1, verdict: "A" });
    await waitFor("the judgement stored", () => stored.length === 1);
    assert.equal(stored[0]!.problem, older.problem);
    assert.equal(stored[0]!.solutionA, older.candidates[2]!.text);
    assert.deepEqual(posted().at(-1), { type: "judged", count: 1 });
  });

  it("inserts from the latest solve; refuses a history entry of another problem", async () => {
    const { webview, accepted } = open(latest, entries);
    webview.fromWebview({ type: "accept", key: "latest", index: 3 });
    await waitFor("the accept", () => accepted.length === 1);
    assert.deepEqual(accepted, [3]);
    webview.fromWebview({ type: "accept", key: "h-1", index: 0 });
    await waitFor("a refusal", () => fake.window.messages.length === 1);
    assert.match(fake.window.messages[0]!.message, /Insert works for the latest solve only/);
    assert.deepEqual(accepted, [3]);
  });

  it("opening a history entry shows it, pinned, until unpinned", async () => {
    const { webview, posted } = open(emptySolveState(), entries);
    webview.fromWebview({ type: "openHistory", id: "h-1" });
    await waitFor("a show", () => posted().some((m) => m.type === "show"));
    const show = posted().at(-1)!;
    assert.ok(show.type === "show" && show.problem?.key === "h-1" && show.pinned);
    webview.fromWebview({ type: "pin", pinned: false });
    await waitFor("another show", () => posted().length === 2);
    const unpinned = posted().at(-1)!;
    assert.ok(unpinned.type === "show" && !unpinned.pinned && unpinned.problem?.key === "h-2");
  });
});
