/** What the live eval tests (live.test.ts, requests.test.ts) share: their data, and reading a run's summary. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JsonSummary } from "../../../src/core/eval/report";
import { loadDataset, startSimulator, type SimServer } from "../../sim";
import type { CliRun } from "../cli/cliHarness";

/** Six real problems (math_cot_100) with their gold answers. */
export const PROBLEMS = loadDataset()
  .problems.filter((p) => p.source === "math_cot_100")
  .slice(0, 6);

/** Writes PROBLEMS as a `--data` JSONL file (`problem`, `answer`) in `dir`; returns its path. */
export function writeProblemSet(dir: string): string {
  const data = join(dir, "set.jsonl");
  writeFileSync(
    data,
    PROBLEMS.map((p) => JSON.stringify({ problem: p.problem, answer: p.goldAnswer })).join("\n"),
  );
  return data;
}

/** The `--json` summary: the last line of stdout. */
export function lastJson(run: CliRun): JsonSummary {
  return JSON.parse(run.stdout.trimEnd().split("\n").pop()!) as JsonSummary;
}

/** The lines of the stored math_cot_100 samples (AceMath's own eval output for 100 problems). */
export function storedSampleLines(): string[] {
  return readFileSync(join(__dirname, "../../fixtures/eval/math_cot_100.jsonl"), "utf8").trim().split("\n");
}

/**
 * For each test of the calling `describe`: a new temporary folder (removed after the test), and
 * simulators started through `simulator` (closed after the test).
 */
export function useScratch(prefix: string): {
  dir: () => string;
  simulator: (options: Parameters<typeof startSimulator>[0]) => Promise<SimServer>;
} {
  let dir: string | undefined;
  const sims: SimServer[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.close().catch(() => undefined)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir!,
    simulator: async (options) => {
      const sim = await startSimulator(options);
      sims.push(sim);
      return sim;
    },
  };
}
