import { runCases, type Case } from "./check";

const blocks: Case[] = [
  {
    name: "a paragraph between blank lines, inline math kept",
    doc: `# Worksheet

Intro text.

Simplify $3t+4-6t+7t-4$.|

Next.`,
    expected: { kind: "paragraph", problem: "Simplify $3t+4-6t+7t-4$.", span: "Simplify $3t+4-6t+7t-4$." },
  },
  {
    name: "a heading ends the paragraph above it, even without a blank line",
    doc: `First| paragraph.
## Problem 2
Second.`,
    expected: { kind: "paragraph", problem: "First paragraph." },
  },
  {
    name: "a heading starts a new paragraph below it",
    doc: `## Problem 2
If $2x+3y = 4$ and $y = 34$,| what is the value of $x$?`,
    expected: { kind: "paragraph", problem: "If $2x+3y = 4$ and $y = 34$, what is the value of $x$?" },
  },
  {
    name: "a heading alone is not a problem",
    doc: `### Compute $2^{10}$| ###`,
    expected: null,
  },
  {
    name: "a list item is its own block, marker stripped",
    doc: `Problems:
- Convert $\\frac{63}{5}$ to a mixed number.|
- Another one.`,
    expected: {
      kind: "item",
      problem: "Convert $\\frac{63}{5}$ to a mixed number.",
      span: "- Convert $\\frac{63}{5}$ to a mixed number.",
    },
  },
  {
    name: "an ordered item with a continuation line",
    doc: `1. First.
2. What is the greatest integer
   that satisfies $6 - x > -9$ ?|
3. Third.`,
    expected: { kind: "item", problem: "What is the greatest integer\nthat satisfies $6 - x > -9$ ?" },
  },
  {
    name: "a nested item",
    doc: `- Outer
  - Inner| item
- Next`,
    expected: { kind: "item", problem: "Inner item" },
  },
  {
    name: "a task-list item loses its checkbox",
    doc: `* [ ] Find $x$.|`,
    expected: { kind: "item", problem: "Find $x$." },
  },
  {
    name: "1) markers are list markers too",
    doc: `1) Find| $y$.`,
    expected: { kind: "item", problem: "Find $y$." },
  },
  {
    name: "emphasis at the start of a line is not a list marker",
    doc: `*Hard.* Find| $z$.`,
    expected: { kind: "paragraph", problem: "*Hard.* Find $z$." },
  },
  {
    name: "a thematic break separates paragraphs",
    doc: `Above.
---
Below|.`,
    expected: { kind: "paragraph", problem: "Below." },
  },
  {
    name: "fenced code is one block; its content is sent without fences",
    doc: "Text.\n```text\nA problem in a fence.\n\n# not a heading|\n```\nAfter.",
    expected: { kind: "paragraph", problem: "A problem in a fence.\n\n# not a heading" },
  },
  {
    name: "a ```math fence is a math environment",
    doc: "```math\nx^2 + y^2 = 1|\n```",
    expected: { kind: "math-environment", problem: "x^2 + y^2 = 1" },
  },
  {
    name: "an unclosed fence runs to the end",
    doc: "```\ncode|\nmore",
    expected: { kind: "paragraph", problem: "code\nmore" },
  },
];

const math: Case[] = [
  {
    name: "a standalone $$ block",
    doc: `Intro.

$$
\\frac{7+21}{14+42}|
$$

Outro.`,
    expected: {
      kind: "math-environment",
      problem: "\\frac{7+21}{14+42}",
      span: "$$\n\\frac{7+21}{14+42}\n$$",
    },
  },
  {
    name: "a $$ block with a blank line and a - line inside stays one block",
    doc: `$$
a = 1

- b|
$$`,
    expected: { kind: "math-environment", problem: "a = 1\n\n- b" },
  },
  {
    name: "a $$ display inside a sentence sends the paragraph",
    doc: `What is the value of
$$\\frac{7+21}{14+42}|?$$`,
    expected: { kind: "paragraph", problem: "What is the value of\n$$\\frac{7+21}{14+42}?$$" },
  },
  {
    name: "\\[ … \\] standalone in Markdown",
    doc: `\\[ x^2 = 2| \\]`,
    expected: { kind: "math-environment", problem: "x^2 = 2" },
  },
  {
    name: "% is a percent sign in Markdown",
    doc: `She scored 90% on| the test. % not a comment`,
    expected: { kind: "paragraph", problem: "She scored 90% on the test. % not a comment" },
  },
];

const cleaning: Case[] = [
  {
    name: "HTML comments are stripped",
    doc: `<!-- from MATH -->
What is $56.78-43.6?$| <!-- 13.18 -->`,
    expected: { kind: "paragraph", problem: "What is $56.78-43.6?$" },
  },
  {
    name: "a block of only an HTML comment is nothing to send",
    doc: `<!-- todo| -->`,
    expected: null,
  },
  {
    name: "blockquote markers are stripped",
    doc: `> Find $\\frac{2}{3}$ of 9.
> Give| an integer.`,
    expected: { kind: "paragraph", problem: "Find $\\frac{2}{3}$ of 9.\nGive an integer." },
  },
  {
    name: "CRLF Markdown",
    doc: "# T\r\n\r\nLine one\r\nline| two\r\n",
    expected: { kind: "paragraph", problem: "Line one\nline two", span: "Line one\r\nline two" },
  },
];

const gaps: Case[] = [
  {
    name: "from a blank line between two paragraphs: between them",
    doc: `The problem.
|
Other.`,
    expected: { between: { before: "The problem.", after: "Other." } },
  },
  {
    name: "from a blank line under a heading, the paragraph below",
    doc: `# Title
|
The problem.`,
    expected: { kind: "paragraph", problem: "The problem." },
  },
  {
    name: "from a blank line under a list, the last item",
    doc: `- One.
- Two.
|`,
    expected: { kind: "item", problem: "Two." },
  },
  { name: "an empty Markdown document", doc: "|", expected: null },
  { name: "only blank lines", doc: "\n\n|\n", expected: null },
];

describe("extractProblem: Markdown blocks", () => runCases("markdown", blocks));
describe("extractProblem: Markdown math", () => runCases("markdown", math));
describe("extractProblem: Markdown cleaning", () => runCases("markdown", cleaning));
describe("extractProblem: Markdown gaps", () => runCases("markdown", gaps));
