import assert from "node:assert/strict";
import { join } from "node:path";
import { splitSteps, type Step, type StepKind } from "../../../src/core/steps/split";
import { readJsonl } from "../../support/jsonl";

const SAMPLES = join(__dirname, "../../fixtures/eval/math_cot_100.jsonl");

interface SampleRow {
  code: string[];
}

/** Each step as `kind: text`, the compact form the tables below are written in. */
function shape(text: string): string[] {
  return splitSteps(text).map((s) => `${s.kind}: ${s.text}`);
}

function assertExact(text: string, steps: Step[]): void {
  steps.forEach((step, i) => {
    assert.equal(step.index, i);
    assert.equal(text.slice(step.start, step.end), step.text);
    assert.equal(step.text, step.text.trim());
    assert.equal(step.line, text.slice(0, step.start).split("\n").length - 1);
    if (i > 0) assert.ok(step.start >= (steps[i - 1]?.end ?? 0), `step ${i} overlaps the previous one`);
  });
}

const TABLE: { name: string; text: string; steps: string[] }[] = [
  {
    name: "paragraphs split at blank lines; a paragraph keeps its lines",
    text: "First we note a fact.\nIt has two lines.\n\n\nThen we conclude.",
    steps: ["paragraph: First we note a fact.\nIt has two lines.", "paragraph: Then we conclude."],
  },
  {
    name: "numbered items, each with its continuation lines",
    text: "Steps:\n1. Add the numbers.\n   This gives 7.\n2) Double it.\n(3) Done.",
    steps: [
      "paragraph: Steps:",
      "numbered: 1. Add the numbers.\n   This gives 7.",
      "numbered: 2) Double it.",
      "numbered: (3) Done.",
    ],
  },
  {
    name: "a decimal at the start of a line is no list item",
    text: "We get\n3.5 as the mean.",
    steps: ["paragraph: We get\n3.5 as the mean."],
  },
  {
    name: "Step k: with text is numbered; alone or wholly bold it is a heading",
    text: "Step 1: Expand the square.\nStep 2:\nCollect terms.\n**Step 3: Solve.**\n**Step 4:** x = 2.",
    steps: [
      "numbered: Step 1: Expand the square.",
      "heading: Step 2:",
      "paragraph: Collect terms.",
      "heading: **Step 3: Solve.**",
      "numbered: **Step 4:** x = 2.",
    ],
  },
  {
    name: "Markdown and LaTeX headings",
    text: "## Solution\nLet x = 1.\n\\subsection*{Part b}\nThen y = 2.",
    steps: [
      "heading: ## Solution",
      "paragraph: Let x = 1.",
      "heading: \\subsection*{Part b}",
      "paragraph: Then y = 2.",
    ],
  },
  {
    name: "displays of every delimiter are their own steps, also mid-line",
    text: "So\n$$x = 1$$\nand \\[y = 2\\] hence\n\\begin{equation}\nz = 3\n\\end{equation}\nend.",
    steps: [
      "paragraph: So",
      "display: $$x = 1$$",
      "paragraph: and",
      "display: \\[y = 2\\]",
      "paragraph: hence",
      "display: \\begin{equation}\nz = 3\n\\end{equation}",
      "paragraph: end.",
    ],
  },
  {
    name: "consecutive one-line displays (the models' habit) are separate steps",
    text: "\\[ a\\sqrt{2} = 12 \\]\n\\[ a = \\frac{12}{\\sqrt{2}} \\]",
    steps: ["display: \\[ a\\sqrt{2} = 12 \\]", "display: \\[ a = \\frac{12}{\\sqrt{2}} \\]"],
  },
  {
    name: "align rows are steps; \\\\[4pt] spacing, cases rows and braces do not split",
    text:
      "\\begin{align*}\n(x+1)^2 &= x^2 + 2x + 1 \\\\[4pt]\n&= f(x) \\\\\n" +
      "g &= \\begin{cases} 1 \\\\ 2 \\end{cases} \\\\\n\\text{a {b \\\\ c}} &= 3\n\\end{align*}",
    steps: [
      "align-line: (x+1)^2 &= x^2 + 2x + 1",
      "align-line: &= f(x)",
      "align-line: g &= \\begin{cases} 1 \\\\ 2 \\end{cases}",
      "align-line: \\text{a {b \\\\ c}} &= 3",
    ],
  },
  {
    name: "aligned inside \\[ \\] and $$; eqnarray; a trailing \\\\ leaves no empty step",
    text:
      "\\[\\begin{aligned} a &= b \\\\ &= c \\end{aligned}\\]\n" +
      "$$\\begin{eqnarray} p &=& q \\\\ \\end{eqnarray}$$",
    steps: ["align-line: a &= b", "align-line: &= c", "align-line: p &=& q"],
  },
  {
    name: "aligned with other content in the display stays one display",
    text: "\\[ f(x) = \\begin{aligned} a \\\\ b \\end{aligned} \\]",
    steps: ["display: \\[ f(x) = \\begin{aligned} a \\\\ b \\end{aligned} \\]"],
  },
  {
    name: "\\\\[2pt] is a line break, not a display; \\$$ is a dollar",
    text: "a \\\\[2pt] b costs \\$5 and \\$$ more",
    steps: ["paragraph: a \\\\[2pt] b costs \\$5 and \\$$ more"],
  },
  {
    name: "a code fence is one step even with blank lines and $$ inside",
    text: "Check:\n```python\nx = 1\n\ny = '$$'\n```\nDone.",
    steps: ["paragraph: Check:", "paragraph: ```python\nx = 1\n\ny = '$$'\n```", "paragraph: Done."],
  },
  {
    name: "a display still streaming (unclosed) runs to the end",
    text: "Thus\n\\[ x = \\frac{1}{2",
    steps: ["paragraph: Thus", "display: \\[ x = \\frac{1}{2"],
  },
  {
    name: "CRLF text: no step keeps a \\r",
    text: "One.\r\n\r\nTwo.\r\n",
    steps: ["paragraph: One.", "paragraph: Two."],
  },
  { name: "empty and blank texts have no steps", text: " \n\n\t", steps: [] },
];

describe("steps: splitting (hand-made table)", () => {
  for (const row of TABLE) {
    it(row.name, () => {
      assert.deepEqual(shape(row.text), row.steps);
      assertExact(row.text, splitSteps(row.text));
    });
  }

  it("line numbers are 0-based lines of each step's start", () => {
    const text = "a\n\nb \\[x\\]\n\n\\begin{align}\np &= q \\\\\n r &= s\n\\end{align}";
    assert.deepEqual(
      splitSteps(text).map((s) => [s.text, s.line]),
      [
        ["a", 0],
        ["b", 2],
        ["\\[x\\]", 2],
        ["p &= q", 5],
        ["r &= s", 6],
      ],
    );
  });
});

describe("steps: splitting real model solutions (math_cot_100)", () => {
  const solutions = readJsonl<SampleRow>(SAMPLES).flatMap((row) => row.code);

  it("offsets are exact, steps ordered and non-overlapping in all 800 solutions", () => {
    assert.equal(solutions.length, 800);
    for (const text of solutions) assertExact(text, splitSteps(text));
  });

  it("every display of every solution is a step, never swallowed by a paragraph", () => {
    for (const text of solutions) {
      for (const step of splitSteps(text)) {
        if (step.kind === "paragraph")
          assert.ok(!/\\\[|\$\$/.test(step.text.replace(/```[\s\S]*```/g, "")), step.text);
      }
    }
  });

  it("a solution with bold step headings, numbered plans and displays splits as a reader would", () => {
    const text = readJsonl<SampleRow>(SAMPLES)[21]?.code[5] ?? "";
    const kinds: StepKind[] = splitSteps(text).map((s) => s.kind);
    assert.deepEqual(kinds.slice(0, 7), [
      "paragraph",
      "numbered",
      "numbered",
      "numbered",
      "heading",
      "paragraph",
      "display",
    ]);
    const headings = splitSteps(text).filter((s) => s.kind === "heading");
    assert.deepEqual(
      headings.map((s) => s.text),
      [
        "**Step 1: Convert the mixed number \\(2\\frac{1}{2}\\) gallons to an improper fraction.**",
        "**Step 2: Convert gallons to quarts.**",
        "**Step 3: Convert quarts to pints.**",
      ],
    );
    const display = splitSteps(text).find((s) => s.kind === "display");
    assert.equal(
      display?.text,
      "\\[2\\frac{1}{2} = 2 + \\frac{1}{2} = \\frac{4}{2} + \\frac{1}{2} = \\frac{5}{2}\\]",
    );
    assert.equal(display?.line, 9);
  });
});
