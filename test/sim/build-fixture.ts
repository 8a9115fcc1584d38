// TEST FIXTURE BUILDER: regenerates test/fixtures/sim/problems.jsonl, the content of the simulated backend,
// from the shared sample data (real model solutions and real reward scores; see test/fixtures/sim/README.md).
// Run: npx tsx test/sim/build-fixture.ts [path/to/shared/data/samples]
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readJsonl } from "../support/jsonl";

/** Enough GSM8K problems for tests and demos while keeping the fixture small: the first N of the test split. */
const GSM8K_PROBLEM_COUNT = 100;
const GSM8K_SOLUTION_KEYS = ["6b_finetuning", "6b_verification", "175b_finetuning", "175b_verification"];

interface MathCotRecord {
  idx: number;
  question: string;
  gt: string;
  code: string[];
  pred: string[];
  score: boolean[];
  pred_score: number[][];
}

interface GsmSolution {
  is_correct: boolean;
  solution: string;
}

function mathCotProblems(samplesDir: string): object[] {
  return readJsonl<MathCotRecord>(join(samplesDir, "math_cot_100.jsonl")).map((record) => ({
    id: `math_cot_100/${record.idx}`,
    source: "math_cot_100",
    problem: record.question,
    goldAnswer: record.gt,
    solutions: record.code.map((text, i) => ({
      text,
      answer: record.pred[i],
      correct: record.score[i],
      reward: record.pred_score[i]?.[0],
    })),
  }));
}

/** GSM8K gold solutions end in a line "A: 18". */
function gsmGoldAnswer(groundTruth: string): string {
  const lastLine = groundTruth.trim().split("\n").pop() ?? "";
  return lastLine.replace(/^A:\s*/, "").trim();
}

function gsmProblems(samplesDir: string): object[] {
  const records = readJsonl<Record<string, unknown>>(join(samplesDir, "gsm8k_model_solutions.jsonl"));
  return records.slice(0, GSM8K_PROBLEM_COUNT).map((record, index) => ({
    id: `gsm8k/${index}`,
    source: "gsm8k",
    problem: record.question,
    goldAnswer: gsmGoldAnswer(String(record.ground_truth)),
    // No reward scores exist for these; the loader synthesises them (see data.ts).
    solutions: GSM8K_SOLUTION_KEYS.map((key) => {
      const solution = record[key] as GsmSolution;
      return { text: solution.solution, correct: solution.is_correct, model: key };
    }),
  }));
}

const repoRoot = resolve(__dirname, "../..");
const samplesDir = resolve(process.argv[2] ?? join(repoRoot, "../shared/data/samples"));
const problems = [...mathCotProblems(samplesDir), ...gsmProblems(samplesDir)];
const outFile = join(repoRoot, "test/fixtures/sim/problems.jsonl");
writeFileSync(outFile, problems.map((p) => JSON.stringify(p)).join("\n") + "\n");
console.log(`wrote ${problems.length} problems to ${outFile}`);
