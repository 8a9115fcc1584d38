// `npm run bench [NAME] [--json]`: runs every bench/*.bench.ts but the UI ones (`npm run bench:ui`), with
// tsx, one process each, in name order; NAME runs only those whose file name contains it. Each bench
// prints its own lines and its metrics as a JSON object on its last line; this prints them all in one
// table against the targets of issue #11 and, with --json, one JSON object on the last line of stdout.
// Benchmarks assert nothing about timings. Run it under the build lock: the size bench builds and packages.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const json = process.argv.includes("--json");
const only = process.argv.slice(2).find((a) => !a.startsWith("--"));
const TARGETS = {
  solve_overhead_ratio: "≤ 1.02",
  pipelined_vs_naive_ratio: "≤ 0.8",
  grade_pairs_per_s: "≥ 20000",
  grade_hard_p99_ms: "≤ 50",
  eval_wall_over_ideal: "≤ 1.05",
  bundle_kb: "≤ 1536",
  vsix_kb: "≤ 5120",
  embedded_parallel_speedup: "> 1 (issue 12: parallel beats sequential)",
};

const benches = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts") && !f.startsWith("ui") && (!only || f.includes(only)))
  .sort();

/** The bench's metrics from its last line, and its output without that line. */
function splitMetrics(stdout) {
  const lines = stdout.trimEnd().split("\n");
  try {
    const metrics = JSON.parse(lines.at(-1) ?? "");
    if (metrics && typeof metrics === "object" && !Array.isArray(metrics))
      return { metrics, text: lines.slice(0, -1).join("\n") };
  } catch {
    // a bench without metrics
  }
  return { metrics: {}, text: stdout.trimEnd() };
}

const all = {};
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join("bench", file), "--json"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const { metrics, text } = splitMetrics(result.stdout ?? "");
  if (text) console.log(text);
  Object.assign(all, metrics);
  if (result.status !== 0) {
    failed++;
    console.log(`(${file} exited ${result.status})`);
  }
}
if (benches.length === 0) console.log("no bench/*.bench.ts found");

console.log(`\n=== metrics ===`);
console.log(`${"metric".padEnd(34)} ${"value".padStart(10)}  target`);
for (const [key, value] of Object.entries(all))
  console.log(`${key.padEnd(34)} ${String(value).padStart(10)}  ${TARGETS[key] ?? ""}`);
if (json) console.log(JSON.stringify(all));
process.exit(failed ? 1 : 0);
