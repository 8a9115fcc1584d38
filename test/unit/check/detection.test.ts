import assert from "node:assert/strict";
import { checkTargetAt, findCheckTargets, notebookCheckTargets } from "../../../src/core/check";
import { lineOf, readDocument, targetsOf } from "./documents";

describe("check: answers and their problems in real documents", () => {
  it("exercises.tex: a mid-sentence \\boxed answers its \\question, with the shared stem", () => {
    const { text, targets } = targetsOf("latextree-exam/exercises.tex", "latex");
    const velocity = targets.find((t) => t.answer.latex === "v=2t-5");
    assert.ok(velocity, "the boxed velocity is found");
    assert.equal(velocity.answer.kind, "boxed");
    assert.equal(lineOf(text, velocity.answer.start), 45);
    assert.match(velocity.problemText, /position\s+at any time \$t\$ is given by \$x=t\^2 - 5t \+ 1\$/);
    assert.match(velocity.problemText, /Find the velocity of the particle/);
    assert.doesNotMatch(velocity.problemText, /acceleration/);
    assert.match(velocity.solution, /rate of change of position/);
    const acceleration = targets.find((t) => t.answer.latex === "a=2");
    assert.match(acceleration?.problemText ?? "", /Find the acceleration/);
  });

  it("exercises.tex: an answer environment with no box ends in its last display line", () => {
    const { targets } = targetsOf("latextree-exam/exercises.tex", "latex");
    const [integral] = targets;
    assert.equal(integral?.answer.kind, "display");
    assert.match(integral?.answer.latex ?? "", /^= \\tfrac14\(2x\^2-2x\+1\)e\^\{2x\}/);
    assert.match(integral?.problemText ?? "", /^Evaluate the integral/);
  });

  it("ch-laplace.tex: \\exsol{…} after \\end{exercise} answers that exercise; unanswered exercises give nothing", () => {
    const { text, targets } = targetsOf("lebl-diffyqs/ch-laplace.tex", "latex");
    const first = targets.find((t) => lineOf(text, t.answer.start) === 554);
    assert.equal(first?.answer.latex, "\\frac{8}{s^3} + \\frac{8}{s^2} + \\frac{4}{s}");
    assert.equal(first?.problemText, "Find the Laplace transform of $4{(t+1)}^2$.");
    // Only exercises renumbered from 101 have \exsol answers: none before \setcounter.
    const counter = text.indexOf("\\setcounter{exercise}{100}");
    assert.ok(targets.every((t) => t.answer.start > counter));
    assert.ok(targets.length >= 15, `${targets.length} answers`);
  });

  it("example.tex (homework class): proofs in solution environments have no final answer", () => {
    const { targets } = targetsOf("mavrin-latex-homework/example.tex", "latex");
    assert.deepEqual(targets, []);
  });

  it("main.tex (exam class): boxes in the preamble's macros are not answers; proofs and definitions give none", () => {
    const { text, targets } = targetsOf("latextree-exam/main.tex", "latex");
    const body = text.indexOf("\\begin{document}");
    assert.ok(targets.every((t) => t.answer.start > body));
    assert.ok(targets.every((t) => !/Define the term/.test(t.problemText)));
  });

  it('optimization_TIY.md (MyST): each nested "Answer:" line answers its "## Exercise N"', () => {
    const { text, targets } = targetsOf("psu-110jupyter/optimization_TIY.md", "markdown");
    assert.equal(targets.length, 9);
    const [first] = targets;
    assert.equal(first?.answer.kind, "answer-line");
    assert.equal(first?.answer.latex, "rel. min. at x=-5/6");
    assert.equal(lineOf(text, first?.answer.start ?? 0), 23);
    assert.match(
      first?.problemText ?? "",
      /Exercise 1[\s\S]*relative extrema of \$g\(x\) = 3x\^2 \+ 5x \+5\$/,
    );
    assert.equal(targets[7]?.answer.latex, "120");
    assert.ok(targets.every((t) => t.answer.final));
  });

  it("PS04 (Pandoc): a ::: solution div answers its list item; \\newcommand macros are expanded", () => {
    const { targets } = targetsOf("mcninch-math190/PS04--ECC--solutions.md", "markdown");
    const target = targets[0];
    assert.ok(target, "one display answer");
    assert.match(target.problemText, /^2\. Let/);
    assert.match(target.answerExpanded, /\\operatorname\{weight\}\(\\mathbf\{v\}\)/);
    assert.doesNotMatch(target.answerExpanded, /\\vv|\\weight/);
  });

  it("5.tex: a \\problem[…] macro and its brace-delimited \\solution{…}", () => {
    const text = readDocument("romer-problemset/example_pset_problems/5.tex");
    const cls = readDocument("romer-problemset/problemset.cls");
    const withBox = `${text}\n\\problem[Extra] Solve $x^2-4=0$.\n\\solution{ We factor. \\boxed{x=\\pm 2} }\n`;
    const targets = findCheckTargets({ text: withBox, dialect: "latex", macroSources: [cls] });
    const extra = targets.find((t) => t.answer.latex === "x=\\pm 2");
    assert.equal(extra?.problemText, "Solve $x^2-4=0$.");
    assert.equal(extra?.solution, "We factor.");
  });

  it("knight-pfm (answers only implied by code cells) and the student notebook: no invented answers", () => {
    assert.deepEqual(targetsOf("knight-pfm/03-calculus-solutions.md", "markdown").targets, []);
    assert.deepEqual(
      notebookCheckTargets(readDocument("nbgrader/ps1-problem1-autograded-bitdiddle.ipynb")),
      [],
    );
  });
});

describe("check: final and intermediate answers", () => {
  const solution = [
    "\\begin{problem}Solve $x^2-5x+6=0$.\\end{problem}",
    "\\begin{solution}",
    "The discriminant is $\\boxed{1}$, so",
    "the roots are $\\boxed{2}, \\boxed{3}$.",
    "\\end{solution}",
  ].join("\n");

  it("the last boxes of a solution are final (a comma list together); an earlier box is intermediate", () => {
    const targets = findCheckTargets({ text: solution, dialect: "latex" });
    assert.deepEqual(
      targets.map((t) => [t.answer.latex, t.answer.final]),
      [
        ["1", false],
        ["2", true],
        ["3", true],
      ],
    );
    assert.equal(targets[0]?.finalAnswer, "2");
  });

  it("the hover target is the box under the cursor, on either edge", () => {
    const at = solution.indexOf("\\boxed{1}");
    const target = checkTargetAt({ text: solution, dialect: "latex" }, at);
    assert.equal(target?.answer.latex, "1");
    assert.equal(target?.answer.final, false);
    assert.equal(
      checkTargetAt({ text: solution, dialect: "latex" }, at + "\\boxed{1}".length)?.answer.latex,
      "1",
    );
    assert.equal(checkTargetAt({ text: solution, dialect: "latex" }, solution.indexOf("discriminant")), null);
  });

  it("nested braces inside a box are matched", () => {
    const text = "Problem 1. Compute $\\frac{1}{2}+\\frac{1}{3}$.\n\nSo $\\boxed{\\frac{5}{6}}$.";
    const [target] = findCheckTargets({ text, dialect: "plaintext" });
    assert.equal(target?.answer.latex, "\\frac{5}{6}");
    assert.equal(target?.problem?.kind, "numbered-paragraph");
  });

  it("\\textbf{Answer:} and **Final answer:** lines; a \\newtheorem-declared problem environment", () => {
    const tex =
      "\\newtheorem{hw}{Homework Problem}\n\\begin{hw}Compute $2+2$.\\end{hw}\nWe add.\n\n\\textbf{Answer:} $4$\n";
    const [target] = findCheckTargets({ text: tex, dialect: "latex" });
    assert.equal(target?.answer.latex, "4");
    assert.equal(target?.problemText, "Compute $2+2$.");
    const md = "## Question 3\n\nCompute $3 \\cdot 7$.\n\n**Final answer:** $21$\n";
    const [mdTarget] = findCheckTargets({ text: md, dialect: "markdown" });
    assert.equal(mdTarget?.answer.latex, "21");
    assert.match(mdTarget?.problemText ?? "", /Compute \$3 \\cdot 7\$/);
  });

  it("an Answer: line after a blank line starts at the word (the diagnostic does not cover the blank line)", () => {
    for (const [text, dialect] of [
      ["Compute $2+2$.\nWe add.\n\n  \n**Answer:** $4$\n", "markdown"],
      ["\\begin{problem}Compute $2+2$.\\end{problem}\n\n\t\nAnswer: $4$\n", "latex"],
      ["Compute $2+2$.\n\n\nFinal   answer: 4\n", "markdown"],
    ] as const) {
      const [target] = findCheckTargets({ text, dialect });
      assert.equal(target?.answer.latex, "4", text);
      const start = target?.answer.start ?? -1;
      assert.match(
        text.slice(start),
        /^(\*\*)?(Final\s+)?Answer/i,
        `starts at the word in ${JSON.stringify(text)}`,
      );
    }
  });

  it("an enumerate of problems: the \\item before the answer; \\begin{proof}[Solution] is a solution", () => {
    const text = [
      "\\begin{enumerate}",
      "\\item Compute $1+1$.",
      "\\item Compute $2+3$.",
      "\\end{enumerate}",
      "\\begin{proof}[Solution]",
      "$\\boxed{5}$",
      "\\end{proof}",
    ].join("\n");
    const [target] = findCheckTargets({ text, dialect: "latex" });
    assert.equal(target?.problemText, "Compute $2+3$.");
  });

  it("a notebook cell with only the answer answers the markdown cell above", () => {
    const notebook = JSON.stringify({
      cells: [
        { cell_type: "markdown", source: ["Compute $\\frac12 + \\frac13$."] },
        { cell_type: "code", source: ["1/2 + 1/3"] },
        { cell_type: "markdown", source: ["Answer: $\\frac56$"] },
      ],
    });
    const [target] = notebookCheckTargets(notebook) ?? [];
    assert.equal(target?.cell, 2);
    assert.equal(target?.problemText, "Compute $\\frac12 + \\frac13$.");
    assert.deepEqual(target?.notes, ["the problem is the markdown cell above"]);
  });
});

describe("check: contest macros and numbered paragraphs", () => {
  it("a document-defined \\problem{…} macro states the problem; \\solution{…} holds the work", () => {
    const text = [
      "\\newcommand{\\problem}[1]{\\par\\textbf{Problem.} #1}",
      "\\newcommand{\\solution}[1]{\\par\\emph{Solution.} #1}",
      "\\newcommand{\\R}{\\mathbb{R}}",
      "\\begin{document}",
      "\\problem{Find all $x \\in \\R$ with $x^2 = 9$.}",
      "\\solution{Taking square roots, $\\boxed{x = \\pm 3}$.}",
      "\\end{document}",
    ].join("\n");
    const [target] = findCheckTargets({ text, dialect: "latex" });
    assert.equal(target?.problem?.kind, "macro");
    assert.equal(target?.problemText, "Find all $x \\in \\mathbb{R}$ with $x^2 = 9$.");
    assert.equal(target?.solution, "Taking square roots,");
  });

  it("\\textbf{Problem 2.} paragraphs in LaTeX: the answer belongs to the paragraph before it", () => {
    const text =
      "\\textbf{Problem 1.} Compute $1+1$.\n\n$\\boxed{2}$\n\n\\textbf{Problem 2.} Compute $2+2$.\n\nAnswer: $4$\n";
    const targets = findCheckTargets({ text, dialect: "latex" });
    assert.deepEqual(
      targets.map((t) => [t.answer.latex, t.problemText]),
      [
        ["2", "Compute $1+1$."],
        ["4", "Compute $2+2$."],
      ],
    );
  });
});

describe("check: answers inserted by AceMath (examples workspace)", () => {
  it("an inserted \\textbf{Answer:} $\\boxed{…}$ after a problem environment answers it", () => {
    const text =
      "\\begin{problem}\nSimplify the expression $a+1+a-2+a+3+a-4$.\n\\end{problem}\n\\textbf{Answer:} $\\boxed{4a-2}$\n";
    const [target] = findCheckTargets({ text, dialect: "latex" });
    assert.equal(target?.answer.latex, "4a-2");
    assert.equal(target?.problemText, "Simplify the expression $a+1+a-2+a+3+a-4$.");
  });

  it("Markdown: two answered paragraphs under one heading each answer their own paragraph", () => {
    const text = [
      "## Algebra",
      "",
      "Simplify $3t+4-6t+7t-4$.",
      "",
      "**Answer:** $\\boxed{4t}$",
      "",
      "If $2x+3y = 4$ and $y = 34$, what is the value of $x$?",
      "",
      "**Answer:** $\\boxed{-49}$",
    ].join("\n");
    const targets = findCheckTargets({ text, dialect: "markdown" });
    assert.deepEqual(
      targets.map((t) => t.problemText),
      ["## Algebra\n\nSimplify $3t+4-6t+7t-4$.", "If $2x+3y = 4$ and $y = 34$, what is the value of $x$?"],
    );
  });
});

// Speed lives in no assertion here (a hang would hit mocha's timeout); these must simply finish sanely.
describe("check: hostile documents", () => {
  it("20 000 unbalanced \\boxed{ openers: only the balanced box is an answer", () => {
    const text = `${"\\boxed{".repeat(20_000)}x${"}".repeat(3)}`;
    const targets = findCheckTargets({ text, dialect: "latex" });
    assert.equal(targets.length, 3);
    assert.equal(targets[2]?.answer.latex, "x");
  });

  it("5 000 solution environments never closed, and a recursive macro in the problem", () => {
    const nested = "\\begin{solution}\n$$x$$\n".repeat(5_000);
    assert.ok(findCheckTargets({ text: nested, dialect: "latex" }).length <= 1);
    const text =
      "\\newcommand{\\x}{\\x\\x}\n\\begin{problem}Compute $\\x$.\\end{problem}\n\\textbf{Answer:} $\\boxed{1}$";
    const [target] = findCheckTargets({ text, dialect: "latex" });
    assert.match(target?.notes.join(" ") ?? "", /macro expansion stopped/);
  });
});
