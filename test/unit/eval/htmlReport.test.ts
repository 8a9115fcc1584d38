/**
 * `--out` with `--from-samples`: curves.svg and scores.svg drawn by ECharts, and a self-contained
 * report.html (strict CSP, nothing remote, model text escaped, math typeset, search and filter).
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { runCli } from "../cli/cliHarness";

const HOSTILE = `<script>alert(1)</script><img src=x onerror="alert(2)"> \u001b[2J nonce="x" so $\\frac{1}{2}$ and \\boxed{\\frac12}`;

/** Three problems: one every sample gets right, one none does, one where the reward model's pick is wrong. */
const RECORDS = [
  {
    problem: "What is $1+1$?",
    answer: "2",
    code: ["So \\boxed{2}.", "\\boxed{2}", "It is \\boxed{2}"],
    pred_score: [1, 2, 3],
  },
  {
    problem: "What is $\\sqrt{16}$?",
    answer: "4",
    code: ["\\boxed{5}", HOSTILE, "no answer here"],
    pred_score: [0.5, 0.1, 0.2],
  },
  {
    problem: "Half of $1$?",
    answer: "\\frac{1}{2}",
    code: ["\\boxed{0.5}", "\\boxed{\\frac12}", "\\boxed{3}"],
    pred_score: [1, 1, 9],
  },
];

describe("acemath eval --out: plots and the HTML report", function () {
  this.timeout(60000);
  let dir: string;
  let html: string;
  let curves: string;
  let scores: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "acemath-report-"));
    const file = join(dir, "tiny.jsonl");
    writeFileSync(file, RECORDS.map((r) => JSON.stringify(r)).join("\n"));
    const out = join(dir, "out");
    const run = await runCli(["eval", "--from-samples", file, "--out", out, "--seeds", "10"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /report: .*report\.html/);
    html = readFileSync(join(out, "report.html"), "utf8");
    curves = readFileSync(join(out, "curves.svg"), "utf8");
    scores = readFileSync(join(out, "scores.svg"), "utf8");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("curves.svg and scores.svg are ECharts SVG with the series named as the paper does", () => {
    for (const svg of [curves, scores])
      assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const name of ["rm@k", "maj@k", "weighted@k", "pass@k (oracle)", "Accuracy as k grows"])
      assert.ok(curves.includes(name), name);
    // k axis 1, 2, 3 (N = 3): powers of two below N, then N.
    for (const k of ["1", "2", "3"]) assert.match(curves, new RegExp(`>${k}</text>`));
    for (const name of ["correct", "incorrect", "reward score"]) assert.ok(scores.includes(name), name);
  });

  it("is self-contained: a strict CSP, its own nonce on its script and styles, nothing remote", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.doesNotMatch(csp, /unsafe-eval|https?:|script-src[^;]*unsafe-inline/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.deepEqual(scripts, [` nonce="${nonce}"`]);
    for (const style of html.matchAll(/<style([^>]*)>/g))
      assert.ok(style[1]!.includes(`nonce="${nonce}"`), style[1]);
    assert.doesNotMatch(html, /(?:src|href)="(?!data:)/, "every src/href is a data: URI");
    assert.doesNotMatch(html, /url\((?!data:)/, "KaTeX's fonts are inlined");
    assert.match(html, /<img src="data:image\/svg\+xml;base64,/);
  });

  it("escapes model text (never markup) and typesets its math", () => {
    const dom = new JSDOM(html);
    const doc = dom.window.document;
    assert.equal(doc.querySelectorAll("script").length, 1, "no script from model text");
    assert.equal(doc.querySelectorAll("img").length, 2, "only the two plots");
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(!html.includes("\u001b"), "control characters are removed");
    assert.ok(!html.includes(`nonce="x"`), "a nonce attribute in model text stays text");
    assert.ok(doc.querySelector(".problem-text .katex"), "the problem's math is typeset");
    assert.ok(doc.querySelector(".solution-text math"), "solutions are typeset (MathML)");
  });

  it("shows the table, and per problem the gold, every sample's answer, reward and verdict", () => {
    const doc = new JSDOM(html).window.document;
    const header = [...doc.querySelectorAll("#results-table thead th")].map((th) => th.textContent);
    assert.deepEqual(header, ["Metric", "tiny"]);
    const rows = [...doc.querySelectorAll("#results-table tbody tr")].map((tr) => tr.textContent);
    assert.ok(
      rows.some((r) => /^rm@8.*33\.33$/.test(r!)),
      rows.join(" / "),
    );
    const problems = doc.querySelectorAll("details.problem");
    assert.equal(problems.length, 3);
    const second = problems[1]!;
    const verdicts = [...second.querySelectorAll(".verdict")].map((v) => v.textContent);
    assert.deepEqual(verdicts, ["wrong", "wrong", "no answer"]);
    const rewards = [...second.querySelectorAll("td.num")].map((v) => v.textContent);
    assert.deepEqual(rewards, ["0.500", "0.100", "0.200"]);
    assert.match(second.querySelector(".gold")!.textContent!, /4/);
    assert.equal(second.getAttribute("data-flags"), "rm-wrong maj-wrong none-correct no-answer");
    // Third problem: maj picks ½ (0.5 and \frac12 are one class), the reward model picks 3.
    assert.equal(problems[2]!.getAttribute("data-flags"), "rm-wrong rm-maj-differ");
  });

  it("its script searches and filters the problems", () => {
    const dom = new JSDOM(html, { runScripts: "dangerously" });
    const doc = dom.window.document;
    const visible = () =>
      [...doc.querySelectorAll("details.problem")].filter((p) => !(p as HTMLElement).hidden).length;
    assert.equal(doc.getElementById("count")!.textContent, "3 of 3 problems");
    const search = doc.getElementById("search") as HTMLInputElement;
    search.value = "sqrt";
    search.dispatchEvent(new dom.window.Event("input"));
    assert.equal(visible(), 1);
    search.value = "";
    search.dispatchEvent(new dom.window.Event("input"));
    const filter = doc.getElementById("filter") as HTMLSelectElement;
    filter.value = "rm-wrong";
    filter.dispatchEvent(new dom.window.Event("change"));
    assert.equal(visible(), 2);
    assert.equal(doc.getElementById("count")!.textContent, "2 of 3 problems");
  });
});

describe("acemath eval --out --no-report", () => {
  it("writes no report or plots", async () => {
    const dir = mkdtempSync(join(tmpdir(), "acemath-noreport-"));
    try {
      const file = join(dir, "tiny.jsonl");
      writeFileSync(file, JSON.stringify(RECORDS[0]));
      const out = join(dir, "out");
      const run = await runCli(["eval", "--from-samples", file, "--out", out, "--no-report"]);
      assert.equal(run.code, 0, run.stderr);
      for (const name of ["report.html", "curves.svg", "scores.svg"])
        assert.equal(existsSync(join(out, name)), false, name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
