// Issue #9: every solve is kept in the workspace's history (a second solve no longer replaces the first),
// persisted in workspaceState so that a reload loses nothing, within stated bounds (200 solves, 20 MB).
import assert from "node:assert/strict";
import type * as vscode from "vscode";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import {
  addEntry,
  boundEntry,
  decodeEntries,
  HISTORY_CUT_MARK,
  HISTORY_LIMITS,
  problemLabel,
  type SolveHistoryEntry,
} from "../../../src/extension/history/historyEntries";
import { previousSolveKept } from "../../../src/extension/history/fromSolve";
import { HISTORY_STATE_KEY, SolveHistory } from "../../../src/extension/history/solveHistory";
import { FakeMemento } from "../../support/vscodeFake/services";

function state(problem: string, texts: string[] = ["The answer is $\\boxed{2}$."]): SolveState {
  return {
    ...emptySolveState(),
    status: "complete",
    problem,
    n: texts.length,
    candidates: texts.map((text, index) => ({ index, text, finishReason: "stop", answer: "2", score: 0.5 })),
    order: texts.map((_, index) => index),
  };
}

function entry(id: string, createdAt: number, problem = `problem ${id}`): SolveHistoryEntry {
  return {
    id,
    problem,
    documentUri: "file:///w/p.tex",
    languageId: "latex",
    createdAt,
    state: state(problem),
  };
}

const memento = () => new FakeMemento() as unknown as vscode.Memento;

describe("solve history: the store", () => {
  it("a second solve keeps the first: both listed, newest first, each by id", () => {
    const history = new SolveHistory(memento());
    const first = history.record({
      problem: "1+1",
      documentUri: "file:///w/a.md",
      languageId: "markdown",
      state: state("1+1"),
    });
    const second = history.record({
      problem: "2+2",
      documentUri: "file:///w/a.md",
      languageId: "markdown",
      state: state("2+2"),
      createdAt: first.createdAt + 1,
    });
    assert.deepEqual(
      history.list().map((e) => e.problem),
      ["2+2", "1+1"],
    );
    assert.equal(history.get(first.id)?.problem, "1+1");
    assert.notEqual(first.id, second.id);
    history.dispose();
  });

  it("persists in workspaceState: a new store on the same storage (a reload) has the entries", async () => {
    const storage = memento();
    const before = new SolveHistory(storage);
    const recorded = before.record({
      id: "run-a",
      problem: "x",
      documentUri: "u",
      languageId: "latex",
      state: state("x"),
    });
    await before.flushed();
    const after = new SolveHistory(storage);
    assert.deepEqual(after.get("run-a"), recorded);
    assert.ok(Array.isArray(storage.get(HISTORY_STATE_KEY)));
  });

  it("fires onDidChange on every record; recording an id again replaces the entry", () => {
    const history = new SolveHistory(memento());
    let changes = 0;
    history.onDidChange(() => changes++);
    history.record({ id: "same", problem: "a", documentUri: "u", languageId: "latex", state: state("a") });
    history.record({
      id: "same",
      problem: "a (restored)",
      documentUri: "u",
      languageId: "latex",
      state: state("a"),
    });
    assert.equal(changes, 2);
    assert.deepEqual(
      history.list().map((e) => e.problem),
      ["a (restored)"],
    );
  });

  it("keeps a snapshot: a solve state changed afterwards does not change the history", () => {
    const history = new SolveHistory(memento());
    const live = state("q");
    history.record({ id: "snap", problem: "q", documentUri: "u", languageId: "latex", state: live });
    live.candidates[0]!.text = "changed";
    assert.equal(history.get("snap")?.state.candidates[0]?.text, "The answer is $\\boxed{2}$.");
  });

  it("damaged storage is read as what is still valid, never thrown on", () => {
    const storage = memento();
    void storage.update(HISTORY_STATE_KEY, [
      entry("ok", 1),
      { id: 5 },
      null,
      "x",
      { ...entry("bad", 2), state: { candidates: "no" } },
    ]);
    assert.deepEqual(
      new SolveHistory(storage).list().map((e) => e.id),
      ["ok"],
    );
    void storage.update(HISTORY_STATE_KEY, { not: "a list" });
    assert.deepEqual(new SolveHistory(storage).list(), []);
  });
});

describe("solve history: the bounds", () => {
  const size = (e: SolveHistoryEntry) => JSON.stringify(e).length;

  it(`at most ${HISTORY_LIMITS.entries} entries: the oldest go first`, () => {
    let entries: SolveHistoryEntry[] = [];
    for (let k = 0; k < HISTORY_LIMITS.entries + 25; k++)
      entries = addEntry(entries, entry(`e${k}`, k), size);
    assert.equal(entries.length, HISTORY_LIMITS.entries);
    assert.equal(entries[0]?.id, `e${HISTORY_LIMITS.entries + 24}`);
    assert.equal(entries.at(-1)?.id, "e25");
  });

  it("at most the stated characters in all, the newest always kept", () => {
    let entries: SolveHistoryEntry[] = [];
    const limits = { entries: 200, totalChars: 5_000 };
    for (let k = 0; k < 40; k++) entries = addEntry(entries, entry(`e${k}`, k), size, limits);
    const total = entries.reduce((sum, e) => sum + size(e), 0);
    assert.ok(
      total <= limits.totalChars && entries.length > 1,
      `${entries.length} entries, ${total} characters`,
    );
    assert.equal(entries[0]?.id, "e39");
    const huge = { ...entry("huge", 100), problem: "p".repeat(10_000) };
    assert.deepEqual(addEntry(entries, huge, size, limits)[0]?.id, "huge");
  });

  it("one solve's candidate text is cut to its share, marked", () => {
    const big = { ...entry("big", 1), state: state("q", ["a".repeat(3_000_000), "b".repeat(10)]) };
    const bounded = boundEntry(big);
    const texts = bounded.state.candidates.map((c) => c.text);
    assert.ok(texts[0]!.length <= HISTORY_LIMITS.entryTextChars / 2 && texts[0]!.endsWith(HISTORY_CUT_MARK));
    assert.equal(texts[1], "b".repeat(10));
    const small = entry("small", 1);
    assert.equal(boundEntry(small), small, "a solve within the bound is kept as it is");
  });

  it("decodeEntries reads at most the bound", () => {
    const stored = Array.from({ length: 500 }, (_, k) => entry(`e${k}`, k));
    assert.equal(decodeEntries(stored).length, HISTORY_LIMITS.entries);
  });
});

describe("solve history: the panel's notice when a new solve starts", () => {
  it("names the previous problem, in one line, cut short", () => {
    const notice = previousSolveKept(
      "Compute\n$\\frac{1}{31} \\div \\frac{1}{93}$ and then a great deal more text that goes on",
    );
    assert.equal(notice.code, "previous-solve-kept");
    assert.match(
      notice.message,
      /^A new solve started\. The previous problem \("Compute \$\\frac\{1\}\{31\} .*…"\) is kept in the AceMath history\.$/,
    );
    assert.equal(problemLabel("a\n\nb"), "a b");
  });
});
