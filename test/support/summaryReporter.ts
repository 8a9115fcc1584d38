// Mocha's spec output for people, plus the counts in a JSON file for scripts/test.mjs, which adds up the
// suites and prints the one closing line CI reads. A missing file after the run means the suite crashed.
import { writeFileSync } from "node:fs";
import Mocha from "mocha";

export interface SuiteCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const summaryFile: unknown = (options.reporterOptions as { summaryFile?: unknown } | undefined)
      ?.summaryFile;
    if (typeof summaryFile !== "string")
      throw new Error("SummaryReporter needs the reporter option summaryFile");
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = this.stats;
      const counts: SuiteCounts = { passed: stats.passes, failed: stats.failures, skipped: stats.pending };
      writeFileSync(summaryFile, JSON.stringify(counts));
    });
  }
}
