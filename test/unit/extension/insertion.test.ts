// "Insert answer/solution" end to end through the extension layer (target.ts → problemSpans.ts →
// insert.ts) on the in-memory `vscode` fake: documents really change, so the exact resulting text is
// asserted. The answer goes after the problem as tracked through later edits, or at the cursor the user
// moved elsewhere, but never inside a formula or a word; a document that cannot take it is left as it was.
import assert from "node:assert/strict";
import { insertIntoTarget } from "../../../src/extension/solve/insert";
import { problemSpans } from "../../../src/extension/solve/problemSpans";
import type { SolveTarget } from "../../../src/extension/solve/target";
import { fake, Range, Selection, WorkspaceEdit, workspace } from "../../support/vscodeFake";
import type { FakeTextDocument, FakeTextEditor } from "../../support/vscodeFake/document";
import { targetFromFocus } from "./harness";

const LATEX = [
  "\\section{Problems}",
  "Find $x$ if $2x + 3 = 7$.",
  "",
  "The formula $a + b = c$ holds.",
  "",
].join("\n");

async function solveAt(
  document: FakeTextDocument,
  cursorAfter: string,
): Promise<{ editor: FakeTextEditor; target: SolveTarget }> {
  const at = document.getText().indexOf(cursorAfter);
  assert.ok(at >= 0, `"${cursorAfter}" is in the document`);
  const editor = fake.window.showDocument(document, { anchor: at + cursorAfter.length });
  const target = await targetFromFocus();
  assert.ok(target, "a problem was found");
  return { editor, target };
}

async function type(document: FakeTextDocument, offset: number, text: string, replacing = 0): Promise<void> {
  const edit = new WorkspaceEdit();
  edit.replace(
    document.uri,
    new Range(document.positionAt(offset), document.positionAt(offset + replacing)),
    text,
  );
  assert.equal(await workspace.applyEdit(edit), true);
}

function moveCursor(editor: FakeTextEditor, after: string): void {
  const at = editor.document.getText().indexOf(after) + after.length;
  const position = editor.document.positionAt(at);
  editor.selection = new Selection(position, position);
}

describe("insertion through the extension layer", () => {
  beforeEach(() => fake.reset());
  afterEach(() => problemSpans.dispose());

  it("the answer goes right after the problem, even after lines were typed above it", async () => {
    const document = fake.workspace.openDocument("/w/p.tex", "latex", LATEX);
    const { target, editor } = await solveAt(document, "Find $x$ if");
    assert.equal(target.problem, "Find $x$ if $2x + 3 = 7$.");
    await type(document, 0, "% worked on Monday\n% and Tuesday\n");
    const outcome = await insertIntoTarget(target, { answer: "2" });
    assert.deepEqual(outcome, { ok: true, neutralised: [] });
    assert.equal(
      document.getText(),
      [
        "% worked on Monday",
        "% and Tuesday",
        "\\section{Problems}",
        "Find $x$ if $2x + 3 = 7$.",
        "\\textbf{Answer:} $\\boxed{2}$",
        "",
        "",
        "The formula $a + b = c$ holds.",
        "",
      ].join("\n"),
    );
    const end = document.positionAt(document.getText().indexOf("$\\boxed{2}$") + "$\\boxed{2}$\n".length);
    assert.deepEqual(editor.selection.active, end, "the cursor is left after the inserted text");
    assert.equal(editor.revealed.length, 1, "and the insertion is scrolled into view");
  });

  it("a second insertion goes after the first", async () => {
    const document = fake.workspace.openDocument("/w/p.tex", "latex", LATEX);
    const { target } = await solveAt(document, "Find");
    await insertIntoTarget(target, { answer: "2" });
    await insertIntoTarget(target, { solution: "Subtract 3, then divide by 2." });
    assert.equal(
      document.getText(),
      [
        "\\section{Problems}",
        "Find $x$ if $2x + 3 = 7$.",
        "\\textbf{Answer:} $\\boxed{2}$",
        "",
        "",
        "\\paragraph{Solution.} Subtract 3, then divide by 2.",
        "",
        "",
        "The formula $a + b = c$ holds.",
        "",
      ].join("\n"),
    );
  });

  it("a cursor the user put inside a formula elsewhere: after the formula, not inside it", async () => {
    const document = fake.workspace.openDocument("/w/p.tex", "latex", LATEX);
    const { target, editor } = await solveAt(document, "Find");
    moveCursor(editor, "$a +");
    await insertIntoTarget(target, { answer: "2" });
    assert.equal(
      document.getText(),
      LATEX.replace("$a + b = c$", "$a + b = c$\n\\textbf{Answer:} $\\boxed{2}$\n"),
    );
  });

  it("a cursor the user put inside a word elsewhere: after the word", async () => {
    const document = fake.workspace.openDocument("/w/p.tex", "latex", LATEX);
    const { target, editor } = await solveAt(document, "Find");
    moveCursor(editor, "The formula $a + b = c$ ho");
    await insertIntoTarget(target, { answer: "2" });
    assert.equal(document.getText(), LATEX.replace("holds", "holds\n\\textbf{Answer:} $\\boxed{2}$\n"));
  });

  it("an edit inside the problem keeps the answer after the problem's new end", async () => {
    const document = fake.workspace.openDocument("/w/p.md", "markdown", "Solve $x^2 = 4$ for x.\n\nNotes.\n");
    const { target } = await solveAt(document, "Solve");
    const at = document.getText().indexOf("for x");
    await type(document, at, "for real", "for x".length);
    await insertIntoTarget(target, { answer: "x = \\pm 2" });
    assert.equal(
      document.getText(),
      "Solve $x^2 = 4$ for real.\n\n**Answer:** $\\boxed{x = \\pm 2}$\n\n\nNotes.\n",
    );
  });

  it("a plain-text document gets a plain line without terminal escapes; a document no editor shows still gets the answer", async () => {
    const document = fake.workspace.openDocument("/w/p.txt", "plaintext", "What is 6*7?\n\nnext line\n");
    const { target } = await solveAt(document, "What");
    fake.window.closeEditorsOf(document);
    await insertIntoTarget(target, { answer: "42\u001b[31m" });
    assert.equal(document.getText(), "What is 6*7?\nAnswer: 42\n\n\nnext line\n");
  });
});

describe("insertion that cannot be done leaves the document as it was", () => {
  beforeEach(() => fake.reset());
  afterEach(() => problemSpans.dispose());

  async function attempt(setUp: (document: FakeTextDocument) => void, path = "/w/p.tex") {
    const document = fake.workspace.openDocument(path, "latex", LATEX);
    const { target } = await solveAt(document, "Find");
    setUp(document);
    const outcome = await insertIntoTarget(target, { answer: "2" });
    return { outcome, text: document.getText() };
  }

  it("a read-only file system", async () => {
    const { outcome, text } = await attempt(() => fake.workspace.readOnlySchemes.add("file"));
    assert.deepEqual(outcome, { ok: false, failure: { kind: "read-only", where: "p.tex" } });
    assert.equal(text, LATEX);
  });

  it("an edit VS Code refused", async () => {
    const { outcome, text } = await attempt(() => (fake.workspace.refuseEdits = true));
    assert.deepEqual(outcome, { ok: false, failure: { kind: "refused", where: "p.tex" } });
    assert.equal(text, LATEX);
  });

  it("a file deleted since, shown in no editor", async () => {
    const { outcome, text } = await attempt((document) => {
      fake.window.closeEditorsOf(document);
      fake.workspace.disk.delete(document.uri.toString());
    });
    assert.deepEqual(outcome, {
      ok: false,
      failure: { kind: "unopenable", where: "p.tex", detail: "it no longer exists on disk" },
    });
    assert.equal(text, LATEX);
  });

  it("an unsaved document that was closed", async () => {
    const { outcome, text } = await attempt(
      (document) => fake.workspace.closeDocument(document),
      "untitled:Untitled-1",
    );
    assert.deepEqual(outcome, {
      ok: false,
      failure: { kind: "closed", where: "the unsaved document Untitled-1" },
    });
    assert.equal(text, LATEX);
  });

  it("but a deleted file still shown in an editor takes the answer (the user may save it again)", async () => {
    const { outcome, text } = await attempt((document) =>
      fake.workspace.disk.delete(document.uri.toString()),
    );
    assert.equal(outcome.ok, true);
    assert.match(text, /7\$\.\n\\textbf\{Answer:\} \$\\boxed\{2\}\$\n/);
  });

  it("a file whose document VS Code let go is opened again from disk", async () => {
    const document = fake.workspace.openDocument("/w/q.tex", "latex", LATEX);
    const { target } = await solveAt(document, "Find");
    fake.workspace.closeDocument(document);
    const outcome = await insertIntoTarget(target, { answer: "2" });
    assert.equal(outcome.ok, true);
    const reopened = fake.workspace.textDocuments.find((d) => d.uri.path === "/w/q.tex")!;
    assert.notEqual(reopened, document);
    assert.match(reopened.getText(), /7\$\.\n\\textbf\{Answer:\} \$\\boxed\{2\}\$\n/);
  });
});
