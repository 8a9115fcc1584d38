/**
 * The report of `acemath eval --out`: the plots and report.html. Loaded lazily (the charting library
 * stays out of the rest of the CLI). A live run typesets each problem as it finishes, beside the
 * generations still running, so that after the last sample only the page is assembled.
 */
import type { BrowsedProblem } from "../core/eval/browse";
import type { GradedProblem } from "../core/eval/grade";
import type { EvalSummary } from "../core/eval/summary";

type ReportModule = typeof import("../backends/eval/report/write.js");
type Typesetter = InstanceType<ReportModule["Typesetter"]>;

export interface ReportDatasetResult {
  name: string;
  graded: GradedProblem[];
  browsed: BrowsedProblem[];
}

export class EvalReportWriter {
  private readonly module: Promise<{ report: ReportModule; typesetter: Typesetter }>;
  /** Typesetting not started yet; dropped when the report is written (it typesets what is missing itself). */
  private readonly pending = new Set<NodeJS.Immediate>();
  private written = false;

  constructor() {
    this.module = import("../backends/eval/report/write.js").then((report) => ({
      report,
      typesetter: new report.Typesetter(),
    }));
    // A failure to load is reported by `write`; typesetting ahead is only an optimisation.
    this.module.catch(() => undefined);
  }

  /** Typesets a finished problem's texts soon, after the I/O already waiting (generation streams first). */
  warm(browsed: BrowsedProblem): void {
    void this.module.then(
      ({ report, typesetter }) => {
        if (this.written) return;
        const job = setImmediate(() => {
          this.pending.delete(job);
          report.warmProblem(typesetter, browsed);
        });
        this.pending.add(job);
      },
      () => undefined,
    );
  }

  /** Drops the typesetting not started yet (the report is being written, or will not be). */
  close(): void {
    this.written = true;
    for (const job of this.pending) clearImmediate(job);
    this.pending.clear();
  }

  /** Writes the plots and report.html to `out`; the paths written. */
  async write(
    out: string,
    input: {
      summary: EvalSummary;
      results: ReportDatasetResult[];
      ks: number[];
      seeds: number;
      version: string;
    },
  ): Promise<string[]> {
    const { report, typesetter } = await this.module;
    this.close();
    return report.writeEvalReport(out, {
      summary: input.summary,
      datasets: input.results,
      ks: input.ks,
      seeds: input.seeds,
      version: input.version,
      typesetter,
    });
  }
}
