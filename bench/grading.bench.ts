/**
 * Grading engine benchmark: typical-pair throughput, latency on hard symbolic pairs, clustering
 * time, memory, the time limit on pathological pairs, and (issue #7) pairs given as whole texts.
 * Targets (issue #3): ≥ 20,000 typical pairs/s, p99 ≤ 50 ms on hard pairs, no pair over its
 * limit. Prints; `--json` adds grade_pairs_per_s and grade_hard_p99_ms as one JSON object on the
 * last line. Asserts nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readJsonl } from "../test/support/jsonl";
import { createGrader } from "../src/backends/grading";
import { extractAnswer, isEquivalentFast } from "../src/core/grading";
import { printJson } from "./support";

const ROOT = join(__dirname, "..");
const SAMPLES = join(ROOT, "../shared/data/samples");

function typicalPairs(): [string, string][] {
  const file = join(SAMPLES, "math_cot_100.jsonl");
  if (!existsSync(file))
    return [
      ["\\frac{1}{2}", "0.5"],
      ["42", "42"],
      ["7,425,000", "7425000"],
    ];
  const rows = readJsonl<{ gt: string; code: string[] }>(file);
  return rows.flatMap((r) => r.code.map((t): [string, string] => [r.gt, extractAnswer(t)?.answer ?? ""]));
}

/** Issue #7: both sides as texts, read by the extraction priority (gold as "Answer: $…$", the whole solution). */
function textPairs(): [string, string][] {
  const file = join(SAMPLES, "math_cot_100.jsonl");
  if (!existsSync(file)) return [["Answer: $\\frac{1}{2}$", "so it is \\boxed{0.5}."]];
  const rows = readJsonl<{ gt: string; code: string[] }>(file);
  return rows.flatMap((r) => r.code.map((t): [string, string] => [`Answer: $${r.gt}$`, t]));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function measureThroughput(pairs: [string, string][]): number {
  const rounds = 40;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const [g, p] of pairs) isEquivalentFast(g, p);
  return (rounds * pairs.length) / ((performance.now() - start) / 1000);
}

function measureExtraction(): number {
  const file = join(SAMPLES, "math_cot_100.jsonl");
  if (!existsSync(file)) return NaN;
  const texts = readJsonl<{ code: string[] }>(file).flatMap((r) => r.code);
  const start = performance.now();
  for (const t of texts) extractAnswer(t);
  return texts.length / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const pairs = typicalPairs();
  isEquivalentFast("1", "1");
  const pairsPerS = measureThroughput(pairs);
  console.log(
    `typical pairs (MATH samples, gold vs extracted, isEquivalentFast): ${Math.round(pairsPerS)} pairs/s over ${pairs.length} pairs ×40`,
  );
  console.log(`extraction from full solutions: ${Math.round(measureExtraction())} solutions/s`);
  const texts = textPairs();
  console.log(
    `text pairs (gold "Answer: $…$" vs whole solution, isEquivalentFast): ${Math.round(measureThroughput(texts))} pairs/s over ${texts.length} pairs ×40`,
  );

  const grader = createGrader();
  const hard = (
    JSON.parse(readFileSync(join(ROOT, "test/fixtures/grading/hard-symbolic-pairs.json"), "utf8")) as {
      pairs: [string, string, boolean][];
    }
  ).pairs;
  let t = performance.now();
  await grader.isEquivalent("x+1", "1+x");
  console.log(`worker start (CAS load) + first symbolic pair: ${(performance.now() - t).toFixed(0)} ms`);
  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const [g, p] of hard) {
      t = performance.now();
      await grader.isEquivalent(g, p);
      latencies.push(performance.now() - t);
    }
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `hard symbolic pairs (${hard.length} ×5, warm worker): p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${latencies[latencies.length - 1]?.toFixed(2)} ms`,
  );

  const answers = Array.from(
    { length: 64 },
    (_, i) =>
      ["\\frac{1}{2}", "0.5", "42", "x+1", "1+x", "(1,2)", "\\sqrt{2}", "2x+2", "2(x+1)", "17"][i % 10] ?? "",
  );
  t = performance.now();
  const classes = await grader.clusterAnswers(answers);
  console.log(
    `clustering 64 answers (10 spellings, ${classes.length} classes): ${(performance.now() - t).toFixed(1)} ms`,
  );
  const numbers = Array.from({ length: 64 }, (_, i) => String((i * 7) % 13));
  t = performance.now();
  await grader.clusterAnswers(numbers);
  console.log(`clustering 64 plain numbers: ${(performance.now() - t).toFixed(2)} ms`);

  const limit = 500;
  const pathological = [
    "10^{10^{10}}",
    "\\sum_{n=1}^{10^9} n",
    "\\prod_{n=1}^{10^7} n",
    "9^{9^{9^{9}}}",
    "(".repeat(400) + "x" + ")".repeat(400),
  ];
  let worst = 0;
  for (const input of pathological) {
    t = performance.now();
    const r = await grader.isEquivalent(input, "5", { timeoutMs: limit });
    const ms = performance.now() - t;
    worst = Math.max(worst, ms);
    console.log(`  pathological ${input.slice(0, 30)}…: ${r.verdict} (${r.reason}) in ${ms.toFixed(0)} ms`);
  }
  console.log(
    `pathological pairs with a ${limit} ms limit: worst ${worst.toFixed(0)} ms (limit + terminate/respawn)`,
  );
  const m = process.memoryUsage();
  console.log(
    `memory (main thread): rss ${(m.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(m.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  grader.dispose();
  printJson({ grade_pairs_per_s: pairsPerS, grade_hard_p99_ms: percentile(latencies, 99) });
}

void main();
