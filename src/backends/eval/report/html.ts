/**
 * The self-contained HTML report of an eval run (`--out/report.html`): the results table, the two
 * plots inline, and a per-problem browser (problem, gold, every sample with its answer, reward score
 * and verdict), searchable and filterable by a small inline script. No remote resource: a strict CSP
 * in the page allows only its own nonce'd style and script, data: fonts and images. Model text is
 * escaped and its math typeset now, by KaTeX; it never becomes markup.
 */
import { newCspNonce } from "../../../core/util/cspNonce";
import { bestReward, majority } from "../../../core/eval/metrics";
import type { BrowsedProblem, BrowsedSample } from "../../../core/eval/browse";
import type { GradedProblem } from "../../../core/eval/grade";
import { columnTitle, markdownTable } from "../../../core/eval/report";
import type { EvalSummary } from "../../../core/eval/summary";
import { stripTerminalControls } from "../../../core/util/terminalSafe";
import { escapeHtml } from "../../../core/util/safeHtml";
import { Typesetter } from "./mathText";
import { REPORT_CSS, REPORT_SCRIPT } from "./assets";
import { PLOT_SIZE } from "./plotSize";

export interface ReportDataset {
  name: string;
  graded: GradedProblem[];
  browsed: BrowsedProblem[];
}

export interface ReportPage {
  summary: EvalSummary;
  datasets: ReportDataset[];
  curvesSvg: string;
  scoresSvg: string;
  /** KaTeX's CSS with its fonts inlined; null: formulas are shown without it (a note says so). */
  katexCss: string | null;
  version: string;
  /** What was typeset while the run went on (`warmProblem`); absent: all is typeset now. */
  typesetter?: Typesetter;
}

/** The page's CSP: nothing remote, nothing inline without this page's nonce (style attributes excepted: KaTeX needs them). */
export function reportCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `style-src-elem 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "font-src data:",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Characters of typeset solutions a report holds (about 500 problems × 8 samples of typical length);
 * past it solutions are shown as their escaped source, so a large run still gives a page a browser opens.
 */
export const SOLUTION_BUDGET_CHARS = 24_000_000;

/** Typesets solutions (as MathML) until the budget is spent, then escapes them. */
class SolutionRenderer {
  private left: number;
  plain = 0;

  constructor(
    budget: number,
    readonly typeset: Typesetter,
  ) {
    this.left = budget;
  }

  render(text: string): string {
    if (this.left <= 0) {
      this.plain++;
      return escapeHtml(text);
    }
    const html = this.typeset.mathText(text, "mathml");
    this.left -= html.length;
    return html;
  }
}

export function reportHtml(
  page: ReportPage,
  nonce = newCspNonce(),
  solutionBudget = SOLUTION_BUDGET_CHARS,
): string {
  const solutions = new SolutionRenderer(solutionBudget, page.typesetter ?? new Typesetter(0));
  const problemSections = page.datasets.map((d) => datasetSection(d, solutions)).join("\n");
  const plainNote = solutions.plain
    ? `<p class="note">${solutions.plain} solutions past the report's size budget are shown as LaTeX source.</p>`
    : "";
  const katex = page.katexCss ? `<style nonce="${nonce}" id="katex-css">${page.katexCss}</style>` : "";
  const noKatex = page.katexCss
    ? ""
    : `<p class="note">KaTeX's stylesheet was not found when this report was written: formulas are shown unstyled.</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AceMath eval report</title>
${katex}
<style nonce="${nonce}">${REPORT_CSS}</style>
</head>
<body>
<header><h1>AceMath eval report</h1>
<p class="meta">${escapeHtml(datasetLine(page))} · acemath ${escapeHtml(page.version)}</p>${noKatex}${plainNote}</header>
<section id="results"><h2>Results</h2>${resultsTable(page.summary)}</section>
<section id="plots"><h2>Plots</h2>
<figure id="curves-plot">${svgImage(page.curvesSvg, "Accuracy over k")}<figcaption>Accuracy over k: the reward model's pick (rm@k), majority vote by mathematical equivalence (maj@k), reward-weighted vote, and the oracle pass@k (any of k correct). k of N drawn at random, averaged over draws and datasets.</figcaption></figure>
<figure id="scores-plot">${svgImage(page.scoresSvg, "Reward score distribution")}<figcaption>Reward scores of correct and incorrect samples (samples with no answer count as incorrect).</figcaption></figure>
</section>
<section id="problems"><h2>Problems</h2>
<div class="controls">
<input id="search" type="search" placeholder="Search problems, answers and solutions" aria-label="Search">
<select id="filter" aria-label="Filter">
<option value="all">All problems</option>
<option value="rm-wrong">Reward model's pick wrong</option>
<option value="maj-wrong">Majority wrong</option>
<option value="rm-maj-differ">rm and maj disagree</option>
<option value="none-correct">No sample correct</option>
<option value="no-answer">Some sample without an answer</option>
</select>
<span id="count" aria-live="polite"></span>
</div>
${problemSections}
</section>
<script nonce="${nonce}">${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * A plot as an image, not inline SVG: ECharts' SVG carries its own <style> with class names that
 * two inline charts would share, and an image keeps it apart from the page (and its CSP).
 */
function svgImage(svg: string, alt: string): string {
  const data = Buffer.from(svg, "utf8").toString("base64");
  return `<img src="data:image/svg+xml;base64,${data}" alt="${escapeHtml(alt)}" width="${PLOT_SIZE.width}" height="${PLOT_SIZE.height}">`;
}

function datasetLine(page: ReportPage): string {
  return page.summary.datasets.map((d) => `${columnTitle(d.name)}: ${d.problems} problems`).join(", ");
}

/** The Markdown table's rows as an HTML table (one home for the layout: the Markdown table). */
function resultsTable(summary: EvalSummary): string {
  const rows = markdownTable(summary)
    .split("\n\n")[0]!
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|[-:|]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, "|")),
    );
  const [header, ...body] = rows;
  const th = (header ?? []).map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const tr = body.map(
    (cells) =>
      `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join("")}</tr>`,
  );
  return `<table id="results-table"><thead><tr>${th}</tr></thead><tbody>${tr.join("")}</tbody></table>`;
}

function datasetSection(dataset: ReportDataset, solutions: SolutionRenderer): string {
  const problems = dataset.browsed.map((p, i) => problemHtml(p, dataset.graded[i]!, solutions));
  return `<h3>${escapeHtml(columnTitle(dataset.name))}</h3>\n<div class="problem-list">${problems.join("\n")}</div>`;
}

function problemHtml(problem: BrowsedProblem, graded: GradedProblem, solutions: SolutionRenderer): string {
  const rm = bestReward(graded.samples);
  const maj = majority(graded.samples);
  const correct = problem.samples.filter((s) => s.correct).length;
  const flags = [
    rm?.correct ? "" : "rm-wrong",
    maj?.correct ? "" : "maj-wrong",
    (rm?.correct ?? false) !== (maj?.correct ?? false) ? "rm-maj-differ" : "",
    correct === 0 ? "none-correct" : "",
    problem.samples.some((s) => s.noAnswer) ? "no-answer" : "",
  ].filter(Boolean);
  const chip = (label: string, ok: boolean | undefined) =>
    `<span class="chip ${ok ? "ok" : "bad"}">${label} ${ok ? "✓" : "✗"}</span>`;
  const greedy = problem.greedy ? sampleRow("greedy", problem.greedy, false, solutions) : "";
  const rmIndex = rm ? graded.samples.indexOf(rm) : -1;
  return `<details class="problem" data-flags="${flags.join(" ")}">
<summary><span class="pid">${escapeHtml(problem.id)}</span> ${chip("rm", rm?.correct)} ${chip("maj", maj?.correct)} <span class="tally">${correct}/${problem.samples.length} correct</span> <span class="preview">${escapeHtml(preview(problem.problem))}</span></summary>
<div class="problem-text">${solutions.typeset.mathText(problem.problem)}</div>
<p class="gold">Gold: ${solutions.typeset.mathText(goldSource(problem.gold))}</p>
<table class="samples"><thead><tr><th>#</th><th>Answer</th><th>Reward</th><th>Verdict</th><th>Solution</th></tr></thead>
<tbody>${greedy}${problem.samples.map((s, i) => sampleRow(String(i + 1), s, i === rmIndex, solutions)).join("")}</tbody></table>
</details>`;
}

function sampleRow(
  label: string,
  sample: BrowsedSample,
  picked: boolean,
  solutions: SolutionRenderer,
): string {
  const verdict = sample.noAnswer
    ? `<span class="verdict none">no answer</span>`
    : sample.correct
      ? `<span class="verdict ok">correct</span>`
      : `<span class="verdict bad">wrong</span>`;
  const reward = sample.reward === null ? "–" : sample.reward.toFixed(3);
  return `<tr${picked ? ` class="picked" title="the reward model's pick"` : ""}><td>${escapeHtml(label)}</td><td class="answer">${solutions.typeset.answer(sample.answer)}</td><td class="num">${reward}</td><td>${verdict}</td><td><details class="solution"><summary>show</summary><div class="solution-text">${solutions.render(sample.text)}</div></details></td></tr>`;
}

/** The gold answer as math (a bare answer is one formula). */
function goldSource(gold: string): string {
  return gold.includes("$") ? gold : `$${gold}$`;
}

/** Typesets what the report will show of a problem now, so that writing the report later is only assembly. */
export function warmProblem(typeset: Typesetter, problem: BrowsedProblem): void {
  typeset.mathText(problem.problem);
  typeset.mathText(goldSource(problem.gold));
  for (const sample of [...(problem.greedy ? [problem.greedy] : []), ...problem.samples]) {
    typeset.answer(sample.answer);
    typeset.mathText(sample.text, "mathml");
  }
}

function preview(text: string): string {
  const flat = stripTerminalControls(text).replace(/\s+/g, " ").trim();
  return flat.length > 110 ? `${flat.slice(0, 110)}…` : flat;
}
