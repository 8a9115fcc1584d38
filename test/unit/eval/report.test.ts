import assert from "node:assert/strict";
import { jsonSummary, markdownTable } from "../../../src/core/eval/report";
import { summarize, summarizeDataset } from "../../../src/core/eval/summary";
import type { GradedSample, ProblemSamples } from "../../../src/core/eval/metrics";

function sample(answer: string | null, correct: boolean, reward: number): GradedSample {
  return { answer, correct, classId: answer === null ? null : answer.charCodeAt(0), reward };
}

// gsm8k: two problems, both right by every metric; minerva: one right only by reward, one never.
const gsm8k: ProblemSamples[] = [
  { samples: [sample("a", true, 1), sample("a", true, 0)] },
  { samples: [sample("b", true, 2), sample("c", false, 1)] },
];
const minerva: ProblemSamples[] = [
  { samples: [sample("x", false, 0), sample("y", true, 5)] },
  { samples: [sample(null, false, 9), sample("z", false, 1)] },
];

describe("eval report", () => {
  const options = { ks: [2], seeds: 5 };
  const summary = summarize([
    summarizeDataset("gsm8k", gsm8k, options),
    summarizeDataset("minerva_math", minerva, options),
  ]);

  it("computes per-dataset percentages and their average (hand-computed)", () => {
    assert.deepEqual(summary.datasets[0]!.metrics, {
      "pass@1": 100,
      "maj@2": 100,
      "rm@2": 100,
      "weighted@2": 100,
      "pass@2": 100,
      no_answer: 0,
    });
    // minerva: first samples x✗ and none ✗ → 0; maj@2 ties go to x, z → 0; rm@2 y✓ and the
    // no-answer sample (9) → 50; weighted: y's e^0 vs x's e^-5 → y ✓, and z alone → 50; oracle 50.
    assert.deepEqual(summary.datasets[1]!.metrics, {
      "pass@1": 0,
      "maj@2": 0,
      "rm@2": 50,
      "weighted@2": 50,
      "pass@2": 50,
      no_answer: 25,
    });
    assert.deepEqual(summary.average, {
      "pass@1": 50,
      "maj@2": 50,
      "rm@2": 75,
      "weighted@2": 75,
      "pass@2": 75,
      no_answer: 12.5,
    });
  });

  it("the Markdown table has datasets as columns under the paper's names, and an average", () => {
    const table = markdownTable(summary);
    assert.match(table, /^\| Metric \| GSM8K \| Minerva Math \| Avg\. \|$/m);
    assert.match(table, /^\| rm@2 \| 100\.00 \| 50\.00 \| 75\.00 \|$/m);
    assert.match(table, /^\| reward-weighted vote@2 \| 100\.00 \| 50\.00 \| 75\.00 \|$/m);
    assert.match(table, /^\| no answer \(% of samples\) \| 0\.00 \| 25\.00 \| 12\.50 \|$/m);
  });

  it("a file name with | cannot break the table", () => {
    const odd = summarize([summarizeDataset("a|b", gsm8k, options)]);
    assert.match(markdownTable(odd), /^\| Metric \| a\\\|b \|$/m);
  });

  it("the JSON summary keys metrics as the paper names them, per dataset", () => {
    const json = jsonSummary(summary);
    assert.deepEqual(Object.keys(json.datasets), ["gsm8k", "minerva_math"]);
    assert.equal(json.datasets.minerva_math!["rm@2"], 50);
    assert.deepEqual(json.problems, { gsm8k: 2, minerva_math: 2 });
  });

  it("failed problems count in the denominator as wrong", () => {
    const withFailure = summarizeDataset("gsm8k", gsm8k, { ...options, failed: 2 });
    assert.equal(withFailure.metrics["pass@1"], 50);
    assert.equal(withFailure.problems, 4);
  });
});
