// The in-memory `vscode` fake must behave as VS Code does where the extension layer relies on it, or
// the tests above would pass against a friendlier world than the real one.
import assert from "node:assert/strict";
import { join } from "node:path";
import * as vscodeAsSrcSeesIt from "vscode";
import {
  fake,
  Position,
  Range,
  Selection,
  Uri,
  WorkspaceEdit,
  window,
  workspace,
} from "../../support/vscodeFake";
import type { ChangeEvent } from "../../support/vscodeFake/workspace";

describe("the vscode fake behaves as VS Code", () => {
  beforeEach(() => fake.reset());

  it('`import … from "vscode"` in the repository\'s modules is the fake', () => {
    assert.equal(vscodeAsSrcSeesIt.workspace, workspace);
    assert.equal(require.resolve("vscode"), join(__dirname, "..", "..", "support", "vscodeFake", "index.ts"));
  });

  it("positions are validated: past the line's end is its end, past the last line is the document's end", () => {
    const document = fake.workspace.openDocument("/w/a.txt", "plaintext", "ab\r\ncde\nf");
    assert.equal(document.lineCount, 3);
    assert.equal(document.offsetAt(new Position(0, 99)), 2, "before the CRLF");
    assert.equal(document.offsetAt(new Position(1, 1)), 5);
    assert.equal(document.offsetAt(new Position(9, 0)), 9, "the end of the document");
    assert.deepEqual(document.positionAt(3), new Position(0, 2), "between CR and LF: the line's end");
    assert.deepEqual(document.positionAt(-5), new Position(0, 0));
    assert.deepEqual(document.positionAt(1e9), new Position(2, 1));
    assert.equal(document.lineAt(1).text, "cde");
    assert.throws(() => document.lineAt(3), /Illegal value/);
    assert.throws(() => new Position(-1, 0), /Illegal argument/);
    assert.equal(document.getText(new Range(1, 1, 0, 1)), "b\r\nc", "a range never runs backwards");
  });

  it("a workspace edit's parts all refer to the text before it; overlapping parts refuse the whole edit", async () => {
    const document = fake.workspace.openDocument("/w/a.txt", "plaintext", "one two three");
    const seen: ChangeEvent[] = [];
    const listening = workspace.onDidChangeTextDocument((event) => seen.push(event));
    const edit = new WorkspaceEdit();
    edit.insert(document.uri, new Position(0, 0), ">> ");
    edit.replace(document.uri, new Range(0, 4, 0, 7), "2");
    assert.equal(await workspace.applyEdit(edit), true);
    assert.equal(document.getText(), ">> one 2 three");
    assert.deepEqual(
      seen[0]!.contentChanges.map((c) => [c.rangeOffset, c.rangeLength, c.text]),
      [
        [4, 3, "2"],
        [0, 0, ">> "],
      ],
      "last in the document first, as VS Code reports them",
    );
    const overlapping = new WorkspaceEdit();
    overlapping.replace(document.uri, new Range(0, 0, 0, 5), "x");
    overlapping.replace(document.uri, new Range(0, 3, 0, 8), "y");
    assert.equal(await workspace.applyEdit(overlapping), false);
    assert.equal(document.getText(), ">> one 2 three", "nothing of a refused edit is applied");
    assert.equal(document.version, 2);
    listening.dispose();
  });

  it("an editor's selection moves with the text edited before it", async () => {
    const document = fake.workspace.openDocument("/w/a.txt", "plaintext", "abc def");
    const editor = fake.window.showDocument(document, { anchor: 4, active: 7 });
    const edit = new WorkspaceEdit();
    edit.insert(document.uri, new Position(0, 0), "12");
    await workspace.applyEdit(edit);
    assert.deepEqual(editor.selection, new Selection(new Position(0, 6), new Position(0, 9)));
  });

  it("webview messages cross as JSON, both ways", () => {
    const panel = window.createWebviewPanel("v", "t", 1);
    const sent = { type: "snapshot", list: [1], at: new Date(0), gone: undefined };
    void panel.webview.postMessage(sent);
    sent.list.push(2);
    assert.deepEqual(panel.webview.posted, [{ type: "snapshot", list: [1], at: "1970-01-01T00:00:00.000Z" }]);
    const got: unknown[] = [];
    panel.webview.onDidReceiveMessage((m) => got.push(m));
    panel.webview.fromWebview({ index: Number.NaN });
    assert.deepEqual(got, [{ index: null }]);
    panel.dispose();
    assert.throws(() => panel.webview.postMessage({}), /disposed/);
  });

  it("notifications resolve to the button the test chose, and only to an offered one", async () => {
    fake.window.respond = () => "Open";
    assert.equal(await window.showWarningMessage("Open it?", { modal: true }, "Open"), "Open");
    assert.throws(() => window.showInformationMessage("No buttons"), /the test answered "Open"/);
  });

  it("Uri: parsed into parts; strict parsing refuses a missing scheme", () => {
    const uri = Uri.parse("https://example.com/a/b?x=1#top");
    assert.deepEqual(uri.toJSON(), {
      scheme: "https",
      authority: "example.com",
      path: "/a/b",
      query: "x=1",
      fragment: "top",
    });
    assert.equal(uri.toString(), "https://example.com/a/b?x=1#top");
    assert.throws(() => Uri.parse("/no/scheme", true), /Scheme is missing/);
    assert.equal(
      Uri.joinPath(Uri.file("/ext/"), "dist", "webview.js").toString(),
      "file:///ext/dist/webview.js",
    );
  });
});
