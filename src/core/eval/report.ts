/** The eval's outputs: the Markdown table in the paper's layout (datasets as columns) and the JSON summary. */
import type { EvalSummary } from "./summary";

/** Column titles as the AceMath paper writes them; other files keep their own name. */
const PAPER_NAMES: Record<string, string> = {
  gsm8k: "GSM8K",
  math: "MATH",
  math500: "MATH500",
  minerva_math: "Minerva Math",
  gaokao2023en: "GaoKao 2023 En",
  olympiadbench: "OlympiadBench",
  college_math: "College Math",
  mmlu_stem: "MMLU STEM",
  aime24: "AIME 2024",
  amc23: "AMC 2023",
};

const ROW_TITLES: [RegExp, (k: string) => string][] = [
  [/^pass@1$/, () => "pass@1 (greedy, else first sample)"],
  [/^maj@(\d+)$/, (k) => `maj@${k}`],
  [/^rm@(\d+)$/, (k) => `rm@${k}`],
  [/^weighted@(\d+)$/, (k) => `reward-weighted vote@${k}`],
  [/^pass@(\d+)$/, (k) => `pass@${k} (oracle)`],
  [/^no_answer$/, () => "no answer (% of samples)"],
];

export function columnTitle(name: string): string {
  return PAPER_NAMES[name] ?? name;
}

function rowTitle(metric: string): string {
  for (const [pattern, title] of ROW_TITLES) {
    const match = pattern.exec(metric);
    if (match) return title(match[1] ?? "");
  }
  return metric;
}

/** Cells escape `|` so a file name cannot break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function markdownTable(summary: EvalSummary): string {
  const columns = summary.datasets.map((d) => cell(columnTitle(d.name)));
  const average = summary.datasets.length > 1;
  const header = ["Metric", ...columns, ...(average ? ["Avg."] : [])];
  const lines = [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
  ];
  const metrics = Object.keys(summary.average);
  for (const metric of metrics) {
    const values = summary.datasets.map((d) => format(d.metrics[metric]));
    if (average) values.push(format(summary.average[metric]));
    lines.push(`| ${rowTitle(metric)} | ${values.join(" | ")} |`);
  }
  const intervalRows = metrics.filter((m) => summary.datasets.some((d) => d.intervals[m]));
  lines.push("", `95 % bootstrap intervals over problems:`, "", `| Metric | ${columns.join(" | ")} |`);
  lines.push(`|---|${columns.map(() => "---:").join("|")}|`);
  for (const metric of intervalRows) {
    const cells = summary.datasets.map((d) => {
      const ci = d.intervals[metric];
      return ci ? `${format(ci[0])}–${format(ci[1])}` : "";
    });
    lines.push(`| ${rowTitle(metric)} | ${cells.join(" | ")} |`);
  }
  const problems = summary.datasets.map(
    (d) => `${columnTitle(d.name)} ${d.problems}${d.failed ? ` (${d.failed} failed, counted wrong)` : ""}`,
  );
  lines.push("", `Problems: ${problems.join(", ")}.`);
  return `${lines.join("\n")}\n`;
}

function format(value: number | undefined): string {
  return value === undefined ? "" : value.toFixed(2);
}

export interface JsonSummary {
  datasets: Record<string, Record<string, number>>;
  average: Record<string, number>;
  intervals: Record<string, Record<string, [number, number]>>;
  problems: Record<string, number>;
  failed: Record<string, number>;
}

/** Metrics in percent, keyed as the paper names them; one line, so scripts read the last line of stdout. */
export function jsonSummary(summary: EvalSummary): JsonSummary {
  const result: JsonSummary = {
    datasets: {},
    average: summary.average,
    intervals: {},
    problems: {},
    failed: {},
  };
  for (const d of summary.datasets) {
    result.datasets[d.name] = d.metrics;
    result.intervals[d.name] = d.intervals;
    result.problems[d.name] = d.problems;
    result.failed[d.name] = d.failed;
  }
  return result;
}
