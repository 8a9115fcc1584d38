/**
 * Issue #9: preamble and structural lines are never a problem, and between two problems the cursor
 * gets the nearest ones on either side instead of a guess. Written cases first, then real documents.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { locateProblem, type ProblemLocation } from "../../../src/core/problem";
import { runCases, type Case } from "./check";

const tex = String.raw;

/** A small article: preamble, title, sections, two problems with a solution between them. */
const ARTICLE = (cursorLine: string) =>
  [
    tex`\documentclass[11pt]{article}`,
    tex`\usepackage{amsmath,amsthm}`,
    tex`\theoremstyle{definition}`,
    tex`\newtheorem{ex}{Exercise}`,
    tex`\newcommand{\R}{\mathbb{R}}`,
    tex`\title{Homework 3}`,
    tex`\author{A. Student}`,
    tex`\begin{document}`,
    tex`\maketitle`,
    tex`\section{Algebra}\label{sec:algebra}`,
    tex`\begin{ex}`,
    tex`Solve $2x + 3 = 7$.`,
    tex`\end{ex}`,
    tex`\begin{solution}`,
    tex`Subtract 3 and halve: $x = 2$.`,
    tex`\end{solution}`,
    ``,
    tex`% ---------- next part ----------`,
    tex`\subsection*{Geometry}`,
    tex`\medskip`,
    tex`\begin{ex}`,
    tex`Find the area of a unit circle.`,
    tex`\end{ex}`,
    tex`\end{document}`,
  ]
    .map((line) => (line === cursorLine ? `${line}|` : line))
    .join("\n");

const FIRST = "Solve $2x + 3 = 7$.";
const SECOND = "Find the area of a unit circle.";

const latexCases: Case[] = [
  ...[
    tex`\documentclass[11pt]{article}`,
    tex`\usepackage{amsmath,amsthm}`,
    tex`\theoremstyle{definition}`,
    tex`\newtheorem{ex}{Exercise}`,
    tex`\newcommand{\R}{\mathbb{R}}`,
    tex`\title{Homework 3}`,
    tex`\author{A. Student}`,
    tex`\begin{document}`,
    tex`\maketitle`,
  ].map((line): Case => ({
    name: `${line} (before the first problem) offers the first problem`,
    doc: ARTICLE(line),
    expected: { between: { before: null, after: FIRST } },
  })),
  {
    name: "\\section{…}\\label{…} before the first problem offers it",
    doc: ARTICLE(tex`\section{Algebra}\label{sec:algebra}`),
    expected: { between: { before: null, after: FIRST } },
  },
  ...[tex`% ---------- next part ----------`, tex`\subsection*{Geometry}`, tex`\medskip`].map(
    (line): Case => ({
      name: `${line} between two problems offers both`,
      doc: ARTICLE(line),
      expected: { between: { before: FIRST, after: SECOND } },
    }),
  ),
  {
    name: "inside a solution: between the problem it answers and the next",
    doc: ARTICLE(tex`Subtract 3 and halve: $x = 2$.`),
    expected: { between: { before: FIRST, after: SECOND } },
  },
  {
    name: "on \\begin{solution}: between problems",
    doc: ARTICLE(tex`\begin{solution}`),
    expected: { between: { before: FIRST, after: SECOND } },
  },
  {
    name: "\\end{document} after the last problem offers it",
    doc: ARTICLE(tex`\end{document}`),
    expected: { between: { before: SECOND, after: null } },
  },
  {
    name: "the problem itself is still found from inside it",
    doc: ARTICLE(tex`Find the area of a unit circle.`),
    expected: { kind: "problem-environment", problem: SECOND },
  },
  {
    name: "\\noindent followed by text is a problem, not layout",
    doc: tex`\noindent Find $x$ if $2x = 4$.|`,
    expected: { kind: "paragraph", problem: tex`\noindent Find $x$ if $2x = 4$.` },
  },
  {
    name: "a paragraph stops at a \\medskip line",
    doc: tex`First problem.
\medskip
Second| problem.`,
    expected: { kind: "paragraph", problem: "Second problem." },
  },
  {
    name: "a blank line between two \\items: between them",
    doc: tex`\begin{enumerate}
\item Compute $1+1$.
|
\item Compute $2+2$.
\end{enumerate}`,
    expected: { between: { before: "Compute $1+1$.", after: "Compute $2+2$." } },
  },
  {
    name: "the \\begin{enumerate} line after a paragraph: between it and the first item",
    doc: tex`Answer each question.
\begin{enumerate}|
\item Compute $1+1$.
\end{enumerate}`,
    expected: { between: { before: "Answer each question.", after: "Compute $1+1$." } },
  },
  {
    name: "a custom class's heading (\\sect[3]{…}) is structure",
    doc: tex`\sect[3]{Eigenvalue problems}|

Find the eigenvalues of $y'' + \lambda y = 0$.`,
    expected: { between: { before: null, after: tex`Find the eigenvalues of $y'' + \lambda y = 0$.` } },
  },
  {
    name: "a document that is all preamble has nothing to offer",
    doc: tex`\documentclass{article}
\usepackage{amsmath}|`,
    expected: null,
  },
  {
    name: "a \\begin{proof} body answers the theorem above it",
    doc: tex`\begin{theorem}
There are infinitely many primes.
\end{theorem}
\begin{proof}
Suppose| not.
\end{proof}`,
    expected: { between: { before: "There are infinitely many primes.", after: null } },
  },
];

const markdownCases: Case[] = [
  {
    name: "a heading between two problems offers both",
    doc: `What is $1+1$?

## Problem 2|

What is $2+2$?`,
    expected: { between: { before: "What is $1+1$?", after: "What is $2+2$?" } },
  },
  {
    name: "a thematic break between two problems offers both",
    doc: `What is $1+1$?

---|

What is $2+2$?`,
    expected: { between: { before: "What is $1+1$?", after: "What is $2+2$?" } },
  },
  {
    name: "YAML front matter is not a problem",
    doc: `---
title: Homework| 3
---

What is $1+1$?`,
    expected: { between: { before: null, after: "What is $1+1$?" } },
  },
  {
    name: "a `# comment` inside a code fence is code, not a heading",
    doc: "```python\n# compute|\nprint(1 + 1)\n```",
    expected: { kind: "paragraph", problem: "# compute\nprint(1 + 1)" },
  },
  {
    name: "Pandoc \\newcommand lines in the body are preamble",
    doc: tex`\newcommand{\F}{\mathbb{F}}|
\newcommand{\Z}{\mathbb{Z}}

1. Factor $T^9 - 1$ over $\F_7$.`,
    expected: { between: { before: null, after: tex`Factor $T^9 - 1$ over $\F_7$.` } },
  },
  {
    name: "a percent sign at the start of a Markdown line is text",
    doc: `% of 80 is 20: find the percentage.|`,
    expected: { kind: "paragraph", problem: "% of 80 is 20: find the percentage." },
  },
];

describe("locateProblem: LaTeX structure and preamble", () => runCases("latex", latexCases));
describe("locateProblem: Markdown structure", () => runCases("markdown", markdownCases));

const documents = join(__dirname, "..", "..", "fixtures", "check", "documents");

interface RealCase {
  /** The whole line the cursor goes at the end of (it occurs once in the document). */
  line: string;
  before: RegExp | null;
  after: RegExp | null;
}

function locateAtLine(file: string, languageId: string, line: string): ProblemLocation {
  const text = readFileSync(join(documents, file), "utf8");
  const at = text.indexOf(`\n${line}\n`);
  assert.ok(at >= 0 && text.indexOf(`\n${line}\n`, at + 1) < 0, `"${line}" is one whole line of ${file}`);
  const cursor = at + 1 + line.length;
  return locateProblem({ text, languageId }, { selectionStart: cursor, selectionEnd: cursor });
}

const REAL: [file: string, languageId: string, cases: RealCase[]][] = [
  [
    "mavrin-latex-homework/example.tex",
    "latex",
    [
      {
        line: tex`\course{Math 101}`,
        before: null,
        after: /^\\begin\{parts\}\n\\part\n+Prove that there is no rational/,
      },
      { line: tex`\begin{document}`, before: null, after: /^\\begin\{parts\}/ },
      {
        line: "Then $a^2 = 2 b^2$, so $a^2$ is even.",
        before: /whose \$n\$th power is \$p\$\.\n\\end\{parts\}$/,
        after: /^Let \$S\$ be a dense subset/,
      },
    ],
  ],
  [
    "romer-problemset/example_pset.tex",
    "latex",
    [
      { line: tex`\usepackage{pgfplots}`, before: null, after: null },
      { line: tex`\sect[3]{Sturm-Liouville Eigenvalue Problems}`, before: null, after: null },
    ],
  ],
  [
    "knight-pfm/03-calculus-solutions.md",
    "markdown",
    [
      { line: "  formats: ipynb,md:myst", before: null, after: /^1\. For each of the following functions/ },
      { line: "## Question 1", before: null, after: /^1\. For each of the following functions/ },
      {
        line: "## Question 2",
        before: /^sym\.integrate\(expression, x\)$/,
        after: /^`2`\. Consider the function \$f\(x\)=2x\+1\$/,
      },
    ],
  ],
  [
    "mcninch-math190/PS04--ECC--solutions.md",
    "markdown",
    [
      {
        line: tex`\newcommand{\NN}{\mathbb{N}}`,
        before: null,
        after: /^Find the irreducible factors of the polynomial/,
      },
    ],
  ],
];

describe("locateProblem: real documents (test/fixtures/check/documents)", () => {
  for (const [file, languageId, cases] of REAL) {
    for (const c of cases) {
      it(`${file}: the cursor on "${c.line}" is between problems`, () => {
        const location = locateAtLine(file, languageId, c.line);
        if (c.before === null && c.after === null) {
          assert.equal(location.kind, "none", JSON.stringify(location).slice(0, 300));
          return;
        }
        assert.equal(location.kind, "between", JSON.stringify(location).slice(0, 300));
        if (location.kind !== "between") return;
        for (const [side, pattern] of [
          ["before", c.before],
          ["after", c.after],
        ] as const) {
          const found: string | null = location[side]?.problem ?? null;
          if (pattern === null) assert.equal(found, null, `nothing ${side}`);
          else assert.match(found ?? "", pattern, `${side}: ${found?.slice(0, 120)}`);
        }
      });
    }
  }
});
