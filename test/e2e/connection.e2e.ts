// "AceMath: Test Connection" in code-server: the readable report per endpoint, and the status bar's health.
import { useSimSession } from "./session";

/** Monaco renders spaces as no-break spaces, so report lines are matched with \s. */
function line(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s+"));
}

describe("AceMath: Test Connection in code-server (Ollama-like simulated backend)", function () {
  // A server that ignores n and has no reward endpoint: the report must say both.
  const context = useSimSession({ family: "ollama" });

  it("shows a report per endpoint and the health in the status bar", async function () {
    const { workbench } = context.session();
    const sim = context.sim();
    await workbench.runCommand("AceMath: Test Connection");
    const editor = workbench.page.locator(".monaco-editor .view-lines");
    await editor
      .filter({ hasText: line(`Policy server: ${sim.policyBaseUrl}`) })
      .first()
      .waitFor({ timeout: 60_000 });
    for (const text of ["n ignored (one request per candidate)", "answered HTTP 404"])
      await editor
        .filter({ hasText: line(text) })
        .first()
        .waitFor({ timeout: 10_000 });
    await workbench.page
      .locator(".statusbar-item", { hasText: "AceMath (reward down)" })
      .first()
      .waitFor({ timeout: 10_000 });
    await workbench.screenshot("connection-report");
  });
});
