import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseChoices, readDatasetText, readRecord, type EvalProblem } from "../../../src/core/eval/datasets";

const BENCHMARKS = join(__dirname, "../../fixtures/eval/benchmarks");

function read(set: string): EvalProblem[] {
  return readDatasetText(readFileSync(join(BENCHMARKS, `${set}.jsonl`), "utf8")).map((r) => {
    if (!r.ok) assert.fail(`${set} record ${r.index}: ${r.error}`);
    return r.problem;
  });
}

describe("eval datasets: every benchmark layout", () => {
  const expected: [set: string, layout: string, golds: string[]][] = [
    ["gsm8k", "gsm8k", ["18", "3", "70000"]],
    ["minerva_math", "minerva", ["1.6", "4.5e33", "41.8"]],
    ["olympiadbench", "olympiadbench", ["2", "$\\frac{1}{2 n+2}$", "$2^{1009}$"]],
    ["mmlu_stem", "mmlu", ["C", "C", "A"]],
    ["math500", "generic", ["\\left( 3, \\frac{\\pi}{2} \\right)", "p - q", "\\frac{14}{3}"]],
    ["aime24", "generic", ["204", "113", "371"]],
    ["amc23", "generic", ["27", "36", "45"]],
    ["gaokao2023en", "generic", ["$\\{x|-2\\leq x < 1\\}$", "$-1-\\sqrt{3}$", "-1"]],
    ["college_math", "generic", ["$10-4 n$", "$(45,2),(-10,-9)$", "$\\frac{48 i-56}{85}$"]],
  ];
  for (const [set, layout, golds] of expected)
    it(`${set}: first records read as ${layout} with the expected gold`, () => {
      const problems = read(set);
      assert.deepEqual(
        problems.map((p) => p.gold),
        golds,
      );
      assert.ok(problems.every((p) => p.layout === layout && p.problem.length > 10));
    });

  it("mmlu_stem: the choices follow the question as (A) … (D) and extraction is multiple-choice", () => {
    const [first] = read("mmlu_stem");
    assert.ok(first?.multipleChoice);
    assert.match(
      first!.problem,
      /\nAnswer Choices: \(A\) maintain the population .* \(D\) increase the mortality rate$/,
    );
  });

  it("the record's own id is kept (aime24 id, gsm8k idx), else the index", () => {
    assert.equal(read("aime24")[0]?.id, "60");
    assert.equal(read("gsm8k")[1]?.id, "1");
    assert.equal(read("gaokao2023en")[2]?.id, "2");
  });
});

describe("eval datasets: generic JSONL and flags", () => {
  it("problem|question with answer|gt|final_answer need no flags", () => {
    const r = readRecord({ question: "1+1?", gt: "2" }, 0);
    assert.ok(r.ok && r.problem.gold === "2" && r.problem.problem === "1+1?");
  });

  it("flags name other fields", () => {
    const r = readRecord({ prompt: "2+2?", target: 4 }, 0, { problem: "prompt", gold: "target" });
    assert.ok(r.ok && r.problem.gold === "4" && r.problem.problem === "2+2?");
  });

  it("a record without gold or problem is reported with its index, not dropped", () => {
    const results = readDatasetText(
      '{"problem":"x"}\nnot json\n{"answer":"1"}\n{"problem":"y","answer":"2"}\n',
    );
    assert.deepEqual(
      results.map((r) => (r.ok ? `ok ${r.problem.index}` : `${r.index}: ${r.error.split(" (")[0]}`)),
      ["0: no gold field", "1: not valid JSON", "2: no problem text", "ok 3"],
    );
  });

  it("Python-repr choices with quotes and escapes", () => {
    assert.deepEqual(parseChoices(`['it\\'s', "say \\"x\\"", 'a, b']`), ["it's", 'say "x"', "a, b"]);
    assert.equal(parseChoices("['unterminated"), null);
  });
});
