// Issue #9: "AceMath: Solve" with a panel focused uses the editor or cell the user left, and the cursor
// between problems gets a choice of the nearest ones. Pure decisions, no `vscode`.
import assert from "node:assert/strict";
import type { ExtractedProblem } from "../../../src/core/problem";
import {
  BETWEEN_TITLE,
  betweenChoices,
  chooseSolveSource,
  rememberFocus,
  type Focused,
} from "../../../src/extension/solve/targetChoice";

type F = Focused<string, string>;
const text = (document: string): F => ({ kind: "text", document });
const cell = (c: string): F => ({ kind: "cell", cell: c });
const key = (f: F) => (f.kind === "text" ? `t:${f.document}` : `c:${f.cell}`);

describe("chooseSolveSource: where Solve looks when focus is elsewhere", () => {
  const none = {
    activeDocument: undefined,
    selectedCell: undefined,
    activeDocumentIsOtherCell: false,
    recent: [],
  };

  it("the focused text editor wins over everything remembered", () => {
    assert.deepEqual(
      chooseSolveSource({ ...none, activeDocument: "a.tex", recent: [text("b.md")] }),
      text("a.tex"),
    );
  });

  it("a rendered Markdown cell (no text editor) is the selected cell", () => {
    assert.deepEqual(chooseSolveSource({ ...none, selectedCell: "cell 2" }), cell("cell 2"));
  });

  it("the editor of another cell than the selected one: the selected cell (the user moved on)", () => {
    const focus = {
      ...none,
      activeDocument: "cell 1 editor",
      selectedCell: "cell 3",
      activeDocumentIsOtherCell: true,
    };
    assert.deepEqual(chooseSolveSource(focus), cell("cell 3"));
  });

  it("editing the selected cell: its editor (the selection inside the cell counts)", () => {
    const focus = { ...none, activeDocument: "cell 3 editor", selectedCell: "cell 3" };
    assert.deepEqual(chooseSolveSource(focus), text("cell 3 editor"));
  });

  it("a panel has focus: the most recent editor or cell, not an error", () => {
    assert.deepEqual(chooseSolveSource({ ...none, recent: [cell("cell 5"), text("a.tex")] }), cell("cell 5"));
    assert.deepEqual(chooseSolveSource({ ...none, recent: [text("a.tex"), cell("cell 5")] }), text("a.tex"));
  });

  it("nothing ever opened (or all closed): null, and the caller says what to open", () => {
    assert.equal(chooseSolveSource(none), null);
  });
});

describe("rememberFocus: the tracker's short memory", () => {
  it("most recent first, no repeats, at most four", () => {
    let recent: F[] = [];
    for (const f of [text("a"), cell("1"), text("b"), text("a"), text("c"), text("d"), cell("2")])
      recent = rememberFocus(recent, f, key);
    assert.deepEqual(recent, [cell("2"), text("d"), text("c"), text("a")]);
  });

  it("a newer selection in the same document replaces the older one", () => {
    type G = Focused<{ uri: string; at: number }, string>;
    const older: G = { kind: "text", document: { uri: "a", at: 1 } };
    const newer: G = { kind: "text", document: { uri: "a", at: 9 } };
    const byUri = (f: G) => (f.kind === "text" ? f.document.uri : f.cell);
    assert.deepEqual(rememberFocus([older], newer, byUri), [newer]);
  });
});

describe("betweenChoices: the QuickPick when the cursor is between problems", () => {
  const problem = (words: string, start: number): ExtractedProblem => ({
    problem: words,
    start,
    end: start + words.length,
    kind: "paragraph",
  });
  const lineOf = (offset: number) => Math.floor(offset / 10);

  it("above first, then below, with their 1-based lines and opening words", () => {
    const rows = betweenChoices(problem("What is $1+1$?", 5), problem("What is\n  $2+2$?", 42), lineOf);
    assert.deepEqual(
      rows.map((r) => [r.label, r.description, r.detail]),
      [
        ["$(arrow-up) The problem above", "line 1", "What is $1+1$?"],
        ["$(arrow-down) The problem below", "line 5", "What is $2+2$?"],
      ],
    );
    assert.match(BETWEEN_TITLE, /between problems: solve which\?/);
  });

  it("one side only: one row; a long problem is cut to 120 characters", () => {
    const rows = betweenChoices(null, problem("x".repeat(500), 0), lineOf);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.detail.length, 120);
    assert.ok(rows[0]?.detail.endsWith("…"));
  });
});
