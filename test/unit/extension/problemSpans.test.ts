// The problem-span tracker across many solves (issue 8: 200 solves without restarting VS Code): one
// document listener for all solves, at most the latest 8 spans kept, and the listener gone on dispose.
// `vscode` is the in-memory fake (test/support/vscodeFake): edits go through workspace.applyEdit.
import assert from "node:assert/strict";
import type * as vscode from "vscode";
import { problemSpans } from "../../../src/extension/solve/problemSpans";
import { fake, Position, WorkspaceEdit, workspace } from "../../support/vscodeFake";

const listeners = () => fake.workspace.changed.listenerCount;

function openAll(paths: string[]) {
  return new Map(paths.map((path) => [path, fake.workspace.openDocument(path, "latex", "x".repeat(200))]));
}

async function typeAt(document: { uri: unknown }, offset: number, text: string) {
  const edit = new WorkspaceEdit();
  edit.insert(document.uri as never, new Position(0, offset), text);
  assert.equal(await workspace.applyEdit(edit), true);
}

const asUri = (document: { uri: unknown }) => document.uri as vscode.Uri;

describe("problem spans over many solves", () => {
  beforeEach(() => {
    fake.reset();
    problemSpans.dispose();
  });
  after(() => problemSpans.dispose());

  it("200 solves: one listener, the latest spans still follow edits", async () => {
    const docs = openAll(["/w/0.tex", "/w/1.tex", "/w/2.tex"]);
    const refs = Array.from({ length: 200 }, (_, i) =>
      problemSpans.track(asUri(docs.get(`/w/${i % 3}.tex`)!), { start: 100, end: 120 }),
    );
    assert.equal(listeners(), 1, "one document listener for every solve");
    await typeAt(docs.get(`/w/${199 % 3}.tex`)!, 0, "abc");
    assert.equal(refs.at(-1)!.current.start, 103, "the latest solve's problem moved down with the typing");
    assert.equal(refs.at(-2)!.current.start, 100, "a solve in another document did not move");
  });

  it("keeps only the latest 8: an old solve's span no longer follows edits (and can be collected)", async () => {
    const docs = openAll(["/w/old.tex", ...Array.from({ length: 8 }, (_, i) => `/w/new${i}.tex`)]);
    const old = problemSpans.track(asUri(docs.get("/w/old.tex")!), { start: 50, end: 60 });
    for (let i = 0; i < 8; i++) problemSpans.track(asUri(docs.get(`/w/new${i}.tex`)!), { start: 0, end: 1 });
    await typeAt(docs.get("/w/old.tex")!, 0, "xyz");
    assert.equal(old.current.start, 50, "dropped from the tracker after 8 newer solves");
  });

  it("dispose removes the listener; a later solve starts one again", () => {
    const before = listeners();
    problemSpans.track(asUri(fake.workspace.openDocument("/w/a.tex", "latex", "a")), { start: 0, end: 1 });
    assert.equal(listeners(), before + 1);
    problemSpans.dispose();
    assert.equal(listeners(), before);
    problemSpans.track(asUri(fake.workspace.openDocument("/w/b.tex", "latex", "b")), { start: 0, end: 1 });
    assert.equal(listeners(), before + 1);
  });
});
