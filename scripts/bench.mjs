// `npm run bench`: runs every bench/*.bench.ts with tsx, one process each, in name order.
// Benchmarks print their measurements; they assert nothing about timings.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv[2];
const benches = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join("bench", file)], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
if (benches.length === 0) console.log("no bench/*.bench.ts found");
process.exit(failed ? 1 : 0);
