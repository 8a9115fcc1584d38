// Issue #6 end to end: "Insert answer" after a cursor-only solve (the README's main flow: the cursor inside
// the problem, nothing selected) lands after the problem, never inside its formula, and writes exactly the
// framed answer. The simulated backend serves recorded candidates for these MATH problems.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useSimSession, type Session } from "./session";
import { waitForGrownFile, waitUntil } from "./wait";

interface CursorSolve {
  file: string;
  /** The 1-based line and column of the cursor, and the text the cursor is inside of (checked first). */
  line: number;
  column: number;
  inside: string;
  /** The problem ends just after this text; the answer goes there. */
  problemEnd: string;
  frame: (answer: string) => string;
}

/** Opens `file`, puts a bare cursor inside the problem, solves, inserts the top answer; returns the texts. */
async function solveAtCursorAndInsert(
  session: Session,
  spec: CursorSolve,
): Promise<{ before: string; after: string; answer: string }> {
  const { workbench, panel, server } = session;
  const path = join(server.workspaceDir, spec.file);
  const before = readFileSync(path, "utf8");
  const line = before.split("\n")[spec.line - 1] ?? "";
  const inside = line.indexOf(spec.inside);
  assert.ok(
    inside >= 0 && inside < spec.column - 1 && spec.column - 1 < inside + spec.inside.length,
    `the cursor at ${spec.line}:${spec.column} of ${spec.file} is inside ${spec.inside}`,
  );
  await workbench.runCommand("Notifications: Clear All Notifications");
  await workbench.runCommand("View: Close All Editors");
  await workbench.openFile(spec.file);
  await workbench.placeCursor(spec.line, spec.column);
  await workbench.runCommand("AceMath: Solve");
  await panel.waitForStatus("complete");
  const [top] = await panel.candidateAttributes();
  assert.ok(top?.answer, "the top candidate has an answer");
  await panel.topCandidateButton("insert-answer").click();
  const after = await waitForGrownFile("the inserted answer on disk", path, before);
  return { before, after, answer: top.answer };
}

function expectedAfterInsertion(before: string, problemEnd: string, inserted: string): string {
  const at = before.indexOf(problemEnd);
  assert.ok(at >= 0, `the fixture holds ${problemEnd}`);
  const end = at + problemEnd.length;
  return before.slice(0, end) + inserted + before.slice(end);
}

describe("AceMath: Insert answer after the problem (code-server, simulated backend)", function () {
  const context = useSimSession();

  it("inserts after \\end{problem} in a .tex file when the cursor was inside a \\[ … \\] display", async function () {
    const spec: CursorSolve = {
      file: "insert-display.tex",
      line: 8,
      column: 12, // between "{" and "2" of "\frac{2}{3}", inside the display
      inside: "\\[x=-\\frac{2}{3}",
      problemEnd: "\\end{problem}",
      frame: (answer) => `\n\\textbf{Answer:} $\\boxed{${answer}}$\n`,
    };
    const { before, after, answer } = await solveAtCursorAndInsert(context.session(), spec);
    await context.session().workbench.screenshot("insert-tex-display-after-insert");
    assert.equal(after, expectedAfterInsertion(before, spec.problemEnd, spec.frame(answer)));
  });

  it("inserts after the paragraph in a .md file when the cursor was inside an inline $…$ formula", async function () {
    const spec: CursorSolve = {
      file: "insert-inline.md",
      line: 3,
      column: 14, // inside "$.0\overline{3} …$"
      inside: "$.0\\overline{3}",
      problemEnd: "Express your answer as a mixed number.",
      frame: (answer) => `\n\n**Answer:** $\\boxed{${answer}}$\n`,
    };
    const { before, after, answer } = await solveAtCursorAndInsert(context.session(), spec);
    await context.session().workbench.screenshot("insert-md-inline-after-insert");
    assert.equal(after, expectedAfterInsertion(before, spec.problemEnd, spec.frame(answer)));
  });

  it("inserts a new Markdown cell below the notebook cell that was solved (issue #9)", async function () {
    const { workbench, panel, server } = context.session();
    const path = join(server.workspaceDir, "problem.ipynb");
    const before = readFileSync(path, "utf8");
    await workbench.runCommand("Notifications: Clear All Notifications");
    await workbench.runCommand("View: Close All Editors");
    await workbench.openNotebook("problem.ipynb");
    await workbench.runCommand("AceMath: Solve");
    await panel.waitForStatus("complete");
    const [top] = await panel.candidateAttributes();
    assert.ok(top?.answer, "the top candidate has an answer");
    await panel.topCandidateButton("insert-answer").click();
    const after = await waitUntil("the notebook saved with the answer", () => {
      const text = readFileSync(path, "utf8");
      return text !== before && text.includes("Answer:") && text;
    });
    await workbench.screenshot("insert-notebook-cell-after-insert");
    const cells = (JSON.parse(after) as { cells: { source: string[] | string }[] }).cells;
    const source = cells.map((cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source));
    assert.deepEqual(source, [
      "What is the value of $(4 \\times 12)-(4+12)$?",
      `**Answer:** $\\boxed{${top.answer}}$`,
    ]);
  });
});
