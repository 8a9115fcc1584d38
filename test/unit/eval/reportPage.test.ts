/** report.html in a VS Code webview: the extension's CSP and nonce replace the report's own. */
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { reportHtml } from "../../../src/backends/eval/report/html";
import { NotAReportError, reportPage } from "../../../src/extension/evalReport/reportPage";
import type { GradedProblem } from "../../../src/core/eval/grade";

const REPORT_NONCE = "cmVwb3J0LW5vbmNlLTEyMzQ1Njc4";
const PAGE = {
  cspSource: "https://file+.vscode-resource.vscode-cdn.net",
  nonce: "d2Vidmlldy1ub25jZS0xMjM0NTY3OA==",
  katexCssHref: "https://file+.vscode-resource.vscode-cdn.net/ext/media/katex/katex.min.css",
};

function report(sampleText: string): string {
  const graded: GradedProblem = {
    samples: [{ answer: "2", correct: true, classId: 0, reward: 1 }],
    undecided: 0,
  };
  return reportHtml(
    {
      summary: {
        datasets: [{ name: "t", problems: 1, metrics: { "pass@1": 100 }, intervals: {}, failed: 0 }],
        average: { "pass@1": 100 },
      },
      datasets: [
        {
          name: "t",
          graded: [graded],
          browsed: [
            {
              id: "1",
              problem: "1+1?",
              gold: "2",
              samples: [{ text: sampleText, answer: "2", correct: true, reward: 1, noAnswer: false }],
            },
          ],
        },
      ],
      curvesSvg: "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
      scoresSvg: "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
      katexCss: ".katex{font:normal 1.21em KaTeX_Main}",
      version: "0.0.0",
    },
    REPORT_NONCE,
  );
}

describe("Open Eval Report: the page in a webview", () => {
  it("swaps the report's CSP and nonce for the webview's, and KaTeX's inline CSS for the extension's file", () => {
    const page = reportPage(report(`\\boxed{2} nonce="${REPORT_NONCE}" <script>x()</script>`), PAGE);
    const doc = new JSDOM(page).window.document;
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!;
    assert.match(csp, new RegExp(`script-src 'nonce-${PAGE.nonce.replace(/[+=/]/g, "\\$&")}'`));
    assert.match(csp, /default-src 'none'/);
    assert.equal(doc.querySelectorAll(`[nonce="${REPORT_NONCE}"]`).length, 0);
    const scripts = [...doc.querySelectorAll("script")];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]!.getAttribute("nonce"), PAGE.nonce);
    assert.equal(doc.getElementById("katex-css"), null);
    const link = doc.querySelector('link[rel="stylesheet"]')!;
    assert.equal(link.getAttribute("href"), PAGE.katexCssHref);
    assert.equal(link.getAttribute("nonce"), PAGE.nonce);
    // The model's text mentioning the report's nonce is still text, not an attribute.
    assert.match(doc.querySelector(".solution-text")!.textContent!, /nonce="cmVw/);
    assert.ok(page.includes("&lt;script&gt;x()&lt;/script&gt;"));
  });

  it("refuses a file that is not an acemath eval report", () => {
    assert.throws(
      () => reportPage("<html><head><title>x</title></head><body></body></html>", PAGE),
      NotAReportError,
    );
    const other = `<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'nonce-${REPORT_NONCE}'"><title>Other</title></head></html>`;
    assert.throws(() => reportPage(other, PAGE), NotAReportError);
  });
});
