// "AceMath: Open Eval Report" in code-server: a report written by the packaged CLI (`acemath eval
// --from-samples` on math_cot_100) opens in a webview under the extension's CSP, its table, plots and
// per-problem browser shown and its nonce'd script running.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./paths";
import { useSimSession } from "./session";

const SAMPLES = join(REPO_ROOT, "test", "fixtures", "eval", "math_cot_100.jsonl");

describe("AceMath: Open Eval Report in code-server", function () {
  const context = useSimSession();

  it("opens a report.html from acemath eval --from-samples: table, plots, problems", async function () {
    const { workbench, server } = context.session();
    const out = join(server.workspaceDir, "eval-out");
    // The CLI as built for the package (dist/cli.js), on the file whose tallies the unit tests check.
    execFileSync(
      process.execPath,
      [join(REPO_ROOT, "dist", "cli.js"), "eval", "--from-samples", SAMPLES, "--out", out],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    await workbench.runCommand("AceMath: Open Eval Report");
    // code-server's file dialog is a quick input holding a path. It sets its own value once it has
    // listed the folder, so type the report's path only then, and accept once it lists the report.
    const dialog = workbench.page.locator(".quick-input-widget");
    const row = (name: string) =>
      dialog.locator(".quick-input-list .monaco-list-row", { hasText: new RegExp(`^${name}$`) });
    await row("eval-out").waitFor();
    await dialog.locator("input.input").fill(join(out, "report.html"));
    await row("report.html").waitFor();
    await dialog.locator(".monaco-button", { hasText: "Open Eval Report" }).click();
    await workbench.tab("Eval report: eval-out/report.html").first().waitFor({ timeout: 30_000 });
    const report = workbench.webview();
    const table = report.locator("#results-table");
    await table.waitFor({ timeout: 60_000 });
    await report
      .locator("#results-table tbody tr", { hasText: "rm@8" })
      .filter({ hasText: "96.00" }) // test/unit/eval/fromSamples.test.ts explains 96 (file 94)
      .waitFor();
    // The plots are images that loaded (a CSP refusal would leave them 0 px wide).
    await report.locator("#curves-plot img").waitFor();
    const widths = await report
      .locator("figure img")
      .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    if (widths.length !== 2 || widths.some((w) => w === 0))
      throw new Error(`plot widths ${widths.join(", ")}`);
    // The report's own script ran under the webview's nonce: it counts the problems and filters them.
    await report.locator("#count", { hasText: "100 of 100 problems" }).waitFor();
    await report.locator("#filter").selectOption("rm-wrong");
    await report.locator("#count", { hasText: "4 of 100 problems" }).waitFor(); // 100 − rm@8 (96)
    await report.locator("details.problem:not([hidden]) summary").first().click();
    const opened = report.locator("details.problem[open]").first();
    await opened.locator(".gold .katex").first().waitFor();
    await opened.locator("details.solution summary").first().click();
    await opened.locator(".solution-text math").first().waitFor();
    await workbench.screenshot("eval-report-webview-problem");
    await report.locator("#results-table").scrollIntoViewIfNeeded();
    await workbench.screenshot("eval-report-webview");
  });
});
