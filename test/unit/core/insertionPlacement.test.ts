// Where Insert writes: after the problem found at solve time (tracked through edits), or at a cursor the user
// has since moved outside it; never inside a formula, a comment, code, a LaTeX group or a word.
import assert from "node:assert/strict";
import {
  applyChanges,
  chooseInsertionOffset,
  markupFor,
  snapToSafeOffset,
  trackSpan,
  type Markup,
  type TrackedSpan,
} from "../../../src/core/insertion";
import { extractProblem } from "../../../src/core/problem";

const TEX = [
  "\\documentclass{article}",
  "\\begin{document}",
  "\\begin{problem}",
  "Suppose that the values of $x$, $y$, and $z$ are given by",
  "\\[x=-\\frac{2}{3} \\qquad y=\\frac{5}{7} \\qquad z=-\\frac{11}{13}.\\]",
  "What is $\\frac{xy}{z}$?",
  "\\end{problem}",
  "",
  "Notes: see \\textbf{Lemma two} here % a comment",
  "\\begin{align}",
  "  a &= b \\\\",
  "  c &= d",
  "\\end{align}",
  "Inline $a+b$ text and \\(c\\) and $$d$$.",
  "\\end{document}",
  "",
].join("\n");

const MD = [
  "# Practice",
  "",
  "What is $.0\\overline{3} \\div .\\overline{03}$? Express your answer as a mixed number.",
  "",
  "Notes with $$x^2$$ display, `code $x` and words.",
  "",
  "```python",
  'x = "$"',
  "```",
  "",
].join("\n");

const PLAIN = "Find the sum of 2 and 3. Use $x$ if you like.\n\nScratch area.\n";

/** The offset of the `n`th character of `needle` in `text` (the cursor put just before it). */
function at(text: string, needle: string, n = 0): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${JSON.stringify(needle)} is in the text`);
  return index + n;
}

function after(text: string, needle: string): number {
  return at(text, needle) + needle.length;
}

/** The problem a cursor-only solve at `cursor` would find, as the extension tracks it. */
function solvedAt(text: string, languageId: string, cursor: number): TrackedSpan {
  const extracted = extractProblem({ text, languageId }, { selectionStart: cursor, selectionEnd: cursor });
  assert.ok(extracted, "a problem is found at the cursor");
  return trackSpan(extracted);
}

function cursor(offset: number): { start: number; end: number } {
  return { start: offset, end: offset };
}

/** Where the answer goes when the user solved with a bare cursor at `solveCursor` and did not move it since. */
function afterCursorOnlySolve(text: string, languageId: string, solveCursor: number): number {
  const problem = solvedAt(text, languageId, solveCursor);
  return chooseInsertionOffset({
    text,
    markup: markupFor(languageId),
    problem,
    selection: cursor(solveCursor),
  });
}

describe("insertion placement: a cursor-only solve", () => {
  it(".tex, cursor inside a \\[ … \\] display of the problem: after \\end{problem}", () => {
    const solveCursor = at(TEX, "qquad y");
    const offset = afterCursorOnlySolve(TEX, "latex", solveCursor);
    assert.equal(offset, after(TEX, "\\end{problem}"));
  });

  it(".tex, cursor inside an inline formula of the problem: after \\end{problem}", () => {
    const solveCursor = at(TEX, "xy}{z}", 1);
    const offset = afterCursorOnlySolve(TEX, "latex", solveCursor);
    assert.equal(offset, after(TEX, "\\end{problem}"));
  });

  it(".md, cursor inside an inline $…$ formula: after the paragraph", () => {
    const solveCursor = at(MD, "overline{3}");
    const offset = afterCursorOnlySolve(MD, "markdown", solveCursor);
    assert.equal(offset, after(MD, "mixed number."));
  });

  it("quarto, same as Markdown", () => {
    const solveCursor = at(MD, "overline{3}");
    const offset = afterCursorOnlySolve(MD, "quarto", solveCursor);
    assert.equal(offset, after(MD, "mixed number."));
  });

  it("plain text, cursor inside a word of the problem: after the problem", () => {
    const solveCursor = at(PLAIN, "sum", 1);
    const offset = afterCursorOnlySolve(PLAIN, "plaintext", solveCursor);
    assert.equal(offset, after(PLAIN, "if you like."));
  });

  it("when no editor shows the document, after the problem", () => {
    const problem = solvedAt(TEX, "latex", at(TEX, "qquad y"));
    assert.equal(
      chooseInsertionOffset({ text: TEX, markup: "latex", problem, selection: null }),
      after(TEX, "\\end{problem}"),
    );
  });

  it("a selection overlapping the problem counts as inside it", () => {
    const problem = solvedAt(TEX, "latex", at(TEX, "qquad y"));
    const selection = { start: at(TEX, "\\documentclass"), end: at(TEX, "What is") };
    assert.equal(
      chooseInsertionOffset({ text: TEX, markup: "latex", problem, selection }),
      after(TEX, "\\end{problem}"),
    );
  });
});

describe("insertion placement: the cursor moved outside the problem", () => {
  const problem = solvedAt(TEX, "latex", at(TEX, "qquad y"));
  const cases: [string, number, number][] = [
    ["on an empty line: there", at(TEX, "\nNotes"), at(TEX, "\nNotes")],
    ["inside an align environment: after \\end{align}", at(TEX, "&= b"), after(TEX, "\\end{align}")],
    ["inside $…$: after it", at(TEX, "a+b"), after(TEX, "$a+b$")],
    ["inside \\(…\\): after it", at(TEX, "c\\)"), after(TEX, "\\(c\\)")],
    ["inside $$…$$: after it", at(TEX, "d$$"), after(TEX, "$$d$$")],
    ["between the two $ of $$: after the display", at(TEX, "$$d", 1), after(TEX, "$$d$$")],
    ["inside a word: after the word", at(TEX, "Notes", 2), after(TEX, "Notes")],
    ["inside a % comment: at the end of the line", at(TEX, "a comment"), after(TEX, "a comment")],
    ["inside a {…} group: after it", at(TEX, "two}"), after(TEX, "Lemma two}")],
    [
      "between a command and its argument: after the argument",
      after(TEX, "\\textbf"),
      after(TEX, "Lemma two}"),
    ],
    ["inside a command's name: after its argument", at(TEX, "extbf"), after(TEX, "Lemma two}")],
    ["between words: there", after(TEX, "Notes:"), after(TEX, "Notes:")],
  ];
  for (const [name, cursorAt, expected] of cases) {
    it(`.tex, ${name}`, () => {
      assert.equal(
        chooseInsertionOffset({ text: TEX, markup: "latex", problem, selection: cursor(cursorAt) }),
        expected,
      );
    });
  }

  it(".tex, a selection outside the problem: after the selection", () => {
    const selection = { start: at(TEX, "Notes"), end: after(TEX, "Notes:") };
    assert.equal(
      chooseInsertionOffset({ text: TEX, markup: "latex", problem, selection }),
      after(TEX, "Notes:"),
    );
  });

  const mdProblem = solvedAt(MD, "markdown", at(MD, "overline{3}"));
  const mdCases: [string, number, number][] = [
    ["inside $$…$$: after it", at(MD, "x^2"), after(MD, "$$x^2$$")],
    ["inside a code span: after it", at(MD, "code"), after(MD, "`code $x`")],
    ["inside a fenced block: after its closing fence", at(MD, 'x = "'), after(MD, 'x = "$"\n```')],
    ["inside a word: after it", at(MD, "words", 2), after(MD, "words")],
  ];
  for (const [name, cursorAt, expected] of mdCases) {
    it(`.md, ${name}`, () => {
      assert.equal(
        chooseInsertionOffset({
          text: MD,
          markup: "markdown",
          problem: mdProblem,
          selection: cursor(cursorAt),
        }),
        expected,
      );
    });
  }

  it("plain text: only words matter ($ is not math there)", () => {
    const plainProblem = trackSpan({ start: 0, end: after(PLAIN, "if you like.") });
    const scratch = at(PLAIN, "Scratch", 3);
    assert.equal(
      chooseInsertionOffset({
        text: PLAIN,
        markup: "plain",
        problem: plainProblem,
        selection: cursor(scratch),
      }),
      after(PLAIN, "Scratch"),
    );
    assert.equal(snapToSafeOffset(PLAIN, at(PLAIN, "x$"), "plain"), at(PLAIN, "x$"));
  });
});

describe("insertion placement: edits after the solve", () => {
  /** Applies one replacement to the text and the tracked span together, as the editor reports it. */
  function edit(
    state: { text: string; problem: TrackedSpan },
    offset: number,
    length: number,
    inserted: string,
  ): { text: string; problem: TrackedSpan } {
    return {
      text: state.text.slice(0, offset) + inserted + state.text.slice(offset + length),
      problem: applyChanges(state.problem, [{ offset, length, insertedLength: inserted.length }]),
    };
  }

  function place(
    state: { text: string; problem: TrackedSpan },
    markup: Markup,
    selection: number | null,
  ): number {
    return chooseInsertionOffset({
      text: state.text,
      markup,
      problem: state.problem,
      selection: selection === null ? null : cursor(selection),
    });
  }

  const solved = () => ({ text: TEX, problem: solvedAt(TEX, "latex", at(TEX, "qquad y")) });

  it("a paragraph typed above the problem moves it down", () => {
    const state = edit(solved(), after(TEX, "\\begin{document}\n"), 0, "Intro paragraph.\n\n");
    assert.equal(place(state, "latex", null), after(state.text, "\\end{problem}"));
    assert.equal(place(state, "latex", at(state.text, "qquad y")), after(state.text, "\\end{problem}"));
  });

  it("text deleted above the problem moves it up", () => {
    const state = edit(solved(), 0, "\\documentclass{article}\n".length, "");
    assert.equal(place(state, "latex", null), after(state.text, "\\end{problem}"));
  });

  it("an edit inside the problem stretches it", () => {
    const state = edit(solved(), at(TEX, "What is"), 0, "Now, ");
    assert.equal(place(state, "latex", null), after(state.text, "\\end{problem}"));
    const shorter = edit(state, at(state.text, "qquad y"), "qquad y=\\frac{5}{7} \\".length, "");
    assert.equal(place(shorter, "latex", at(shorter.text, "z=")), after(shorter.text, "\\end{problem}"));
  });

  it("an edit below the problem changes nothing", () => {
    const state = edit(solved(), at(TEX, "Notes"), "Notes".length, "Remarks, many of them");
    assert.equal(place(state, "latex", null), after(TEX, "\\end{problem}"));
  });

  it("a second insertion goes after the first (text inserted at the end joins the problem)", () => {
    const first = "\n\\textbf{Answer:} $\\boxed{1}$\n";
    const state = edit(solved(), after(TEX, "\\end{problem}"), 0, first);
    assert.equal(place(state, "latex", null), after(state.text, first));
  });

  it("several changes in one event (last in the document first, as VS Code sends them)", () => {
    const start = solved();
    const problem = applyChanges(start.problem, [
      { offset: at(TEX, "Notes"), length: 0, insertedLength: 3 },
      { offset: at(TEX, "What is"), length: 0, insertedLength: 4 },
      { offset: 0, length: 0, insertedLength: 5 },
    ]);
    assert.deepEqual(problem, { start: start.problem.start + 5, end: start.problem.end + 9, intact: true });
  });

  it("the problem deleted: at the cursor, snapped out of math", () => {
    const start = solved();
    const state = edit(start, start.problem.start, start.problem.end - start.problem.start, "");
    assert.equal(state.problem.intact, false);
    assert.equal(place(state, "latex", at(state.text, "a+b")), after(state.text, "$a+b$"));
    assert.equal(place(state, "latex", at(state.text, "Notes")), at(state.text, "Notes"));
  });

  it("the problem deleted and no editor shows it: where it was; never out of range", () => {
    const start = solved();
    const state = edit(start, start.problem.start, start.problem.end - start.problem.start, "");
    assert.equal(place(state, "latex", null), start.problem.start);
    const emptied = edit(state, 0, state.text.length, "");
    assert.equal(place(emptied, "latex", null), 0);
    const stale = { text: "short", problem: { start: 400, end: 900, intact: true } };
    assert.equal(place(stale, "latex", null), 5);
    assert.equal(place({ text: "", problem: stale.problem }, "markdown", 3), 0);
  });

  it("notebook cell: the whole cell is the problem, the answer goes at its end", () => {
    const cell = "Compute $1+1$.";
    const problem = trackSpan({ start: 0, end: cell.length });
    assert.equal(
      chooseInsertionOffset({ text: cell, markup: "markdown", problem, selection: cursor(9) }),
      cell.length,
    );
    assert.equal(
      chooseInsertionOffset({ text: cell, markup: "markdown", problem, selection: null }),
      cell.length,
    );
  });
});

describe("insertion placement: snapping in unusual documents", () => {
  const cases: [string, Markup, string, number, number][] = [
    ["an unclosed $ is not math", "latex", "Price $5 and more", 7, 7],
    ["an unclosed \\[ is not math", "latex", "See \\[ x and y", 8, 8],
    ["an escaped \\$ opens nothing", "latex", "a \\$ b $c$ d", 5, 5],
    ["a verbatim block", "latex", "x\n\\begin{verbatim}\n$a$ b\n\\end{verbatim}\ny", 20, 39],
    ["an unclosed fence runs to the end", "markdown", "a\n```\ncode", 7, 10],
    ["an environment nested in a display", "latex", "\\[ \\begin{pmatrix} 1 \\end{pmatrix} \\] z", 20, 37],
    ["a word in another script", "plain", "Найти сумму чисел", 8, 11],
  ];
  for (const [name, markup, text, offset, expected] of cases) {
    it(name, () => assert.equal(snapToSafeOffset(text, offset, markup), expected));
  }
});
