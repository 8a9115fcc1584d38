/**
 * Writes an eval run's report to `--out`: curves.svg and scores.svg (Apache ECharts' server-side
 * SVG) and report.html (table, the same plots inline, the per-problem browser). Imported lazily by
 * the CLI, so the charting library is loaded only when a report is written.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { accuracyCurves, scoreHistogram } from "../../../core/eval/plotData";
import type { EvalSummary } from "../../../core/eval/summary";
import { reportHtml, type ReportDataset } from "./html";
import { inlineKatexCss } from "./katexCss";
import type { Typesetter } from "./mathText";
import { curvesSvg, scoresSvg } from "./plots";

export { Typesetter } from "./mathText";
export { warmProblem } from "./html";

export const REPORT_FILES = { html: "report.html", curves: "curves.svg", scores: "scores.svg" } as const;

export interface ReportInput {
  summary: EvalSummary;
  datasets: ReportDataset[];
  ks: number[];
  seeds: number;
  version: string;
  /** What was typeset during the run (html.ts `warmProblem`). */
  typesetter?: Typesetter;
}

/** The files written, as paths. */
export function writeEvalReport(dir: string, input: ReportInput): string[] {
  mkdirSync(dir, { recursive: true });
  const graded = input.datasets.map((d) => d.graded);
  const names = input.datasets.map((d) => d.name).join(", ");
  const subtitle = `${input.datasets.length > 1 ? `average of ${names}` : names} · ${input.seeds} draws of k`;
  const curves = curvesSvg(accuracyCurves(graded, input.seeds, input.ks), subtitle);
  const scores = scoresSvg(scoreHistogram(graded));
  const html = reportHtml({
    summary: input.summary,
    datasets: input.datasets,
    curvesSvg: curves,
    scoresSvg: scores,
    katexCss: inlineKatexCss(),
    version: input.version,
    ...(input.typesetter ? { typesetter: input.typesetter } : {}),
  });
  const files: [string, string][] = [
    [REPORT_FILES.curves, curves],
    [REPORT_FILES.scores, scores],
    [REPORT_FILES.html, html],
  ];
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}
