/**
 * A live run typesets each problem's report section as the problem finishes, so that writing
 * report.html after the last sample is only assembly: the same page, nothing typeset again.
 */
import assert from "node:assert/strict";
import type { BrowsedProblem } from "../../../src/core/eval/browse";
import type { GradedProblem } from "../../../src/core/eval/grade";
import { summarize, summarizeDataset } from "../../../src/core/eval/summary";
import { reportHtml, warmProblem, type ReportPage } from "../../../src/backends/eval/report/html";
import { Typesetter } from "../../../src/backends/eval/report/mathText";

const SAMPLES = [
  { text: "We have $x^2 = 4$, so $$x = \\pm 2$$ and \\boxed{2}.", answer: "2", correct: true, reward: 1.5 },
  { text: "Guess: \\boxed{\\frac{1}{2}}", answer: "\\frac{1}{2}", correct: false, reward: -0.5 },
  { text: "no answer <script>alert(1)</script>", answer: null, correct: false, reward: null },
];

function problem(id: string, statement: string): { browsed: BrowsedProblem; graded: GradedProblem } {
  const samples = SAMPLES.map((s) => ({ ...s, text: `${s.text} (${id})`, noAnswer: s.answer === null }));
  return {
    browsed: { id, problem: statement, gold: "2", samples, greedy: samples[0]! },
    graded: {
      samples: samples.map((s) => ({
        answer: s.answer,
        correct: s.correct,
        classId: s.answer ? 0 : null,
        reward: s.reward,
      })),
      greedy: { answer: "2", correct: true, classId: 0, reward: 1.5 },
      undecided: 0,
    },
  };
}

const problems = [problem("a", "Solve $x^2 = 4$ for $x > 0$."), problem("b", "What is $\\sqrt{4}$?")];

function page(typesetter?: Typesetter): ReportPage {
  const graded = problems.map((p) => p.graded);
  return {
    summary: summarize([summarizeDataset("set", graded, { ks: [3], seeds: 5 })]),
    datasets: [{ name: "set", graded, browsed: problems.map((p) => p.browsed) }],
    curvesSvg: "<svg></svg>",
    scoresSvg: "<svg></svg>",
    katexCss: null,
    version: "0.0.0",
    ...(typesetter ? { typesetter } : {}),
  };
}

describe("eval report: typesetting during the run", () => {
  it("a page from problems typeset as they finished equals one typeset at the end, and typesets nothing more", () => {
    const typesetter = new Typesetter();
    for (const p of problems) warmProblem(typesetter, p.browsed);
    const warmed = typesetter.typesetCount;
    assert.ok(warmed > 0);
    const html = reportHtml(page(typesetter), "NONCE");
    assert.equal(typesetter.typesetCount, warmed, "writing the report typeset something again");
    assert.equal(html, reportHtml(page(), "NONCE"));
    assert.ok(html.includes("katex"), "math is typeset");
    assert.ok(!html.includes("<script>alert"), "model text stays escaped");
  });

  it("stops remembering past its bound, and still typesets correctly", () => {
    const typesetter = new Typesetter(10);
    for (const p of problems) warmProblem(typesetter, p.browsed);
    const before = typesetter.typesetCount;
    assert.equal(reportHtml(page(typesetter), "NONCE"), reportHtml(page(), "NONCE"));
    assert.ok(typesetter.typesetCount > before, "nothing was kept, so the report typeset again");
  });
});
