// The embedded engine in a real VS Code (issue 12): no policy server answers, the user enabled the
// engine, and a GGUF model (the tiny random-weight one the tests write) solves in the extension host
// through llama.cpp, from the platform package that carries the native runtime. Without a model file,
// nothing is downloaded before the user answers a dialog that states the size and the source.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTinyModel } from "../support/gguf/tinyModel";
import { closedPort } from "./ports";
import { openSession, screenshotAfterEach, solveFixtureProblem, type Session } from "./session";

/** A session on the platform package, no policy server, the embedded engine enabled with `modelPath`. */
function useEmbeddedSession(withModel: boolean): () => Session {
  let session: Session | undefined;
  let modelDir = "";
  before(async function () {
    const vsix = process.env.ACEMATH_PLATFORM_VSIX;
    if (!vsix) throw new Error("ACEMATH_PLATFORM_VSIX is not set: run through `npm run test:e2e`");
    modelDir = mkdtempSync(join(tmpdir(), "acemath-e2e-gguf-"));
    const model = join(modelDir, "tiny.gguf");
    if (withModel) writeTinyModel(model);
    session = await openSession({
      trusted: true,
      vsix,
      userSettings: {
        "acemath.policy.baseUrl": `http://127.0.0.1:${await closedPort()}/v1`,
        "acemath.reward.baseUrl": "",
        "acemath.samples": 3,
        "acemath.maxTokens": 24,
        "acemath.embedded.enabled": true,
        "acemath.embedded.modelPath": withModel ? model : "",
      },
    });
  });
  after(async function () {
    await session?.close();
    rmSync(modelDir, { recursive: true, force: true });
  });
  screenshotAfterEach(() => session);
  return () => session ?? assert.fail("the code-server session did not start");
}

describe("embedded engine in code-server: solving with no policy server", function () {
  const session = useEmbeddedSession(true);

  it("solves on the embedded engine, and the panel and the status bar say which engine answered", async function () {
    const current = session();
    await solveFixtureProblem(current);
    await current.panel.waitForStatus("complete", 180_000);
    const header = (await current.panel.frame.locator("header").first().innerText()).replace(/\s+/g, " ");
    assert.match(header, /tiny\.gguf on the embedded llama\.cpp engine/);
    assert.equal(await current.panel.candidates().count(), 3);
    await current.workbench.page
      .locator(".statusbar-item", { hasText: "AceMath (embedded engine)" })
      .first()
      .waitFor({ timeout: 30_000 });
    await current.workbench.screenshot("embedded-solved");
  });
});

describe("embedded engine in code-server: no model file yet", function () {
  const session = useEmbeddedSession(false);

  it("asks before downloading (size and source shown); declining downloads nothing", async function () {
    const current = session();
    await solveFixtureProblem(current);
    const dialog = current.workbench.page.locator(".monaco-dialog-box", { hasText: "embedded engine" });
    await dialog.waitFor({ timeout: 60_000 });
    const text = (await dialog.innerText()).replace(/\s+/g, " ");
    assert.match(text, /No policy server answers at http:\/\/127\.0\.0\.1:\d+\/v1/);
    assert.match(text, /about 1\.1 GB/);
    assert.match(text, /huggingface\.co/);
    await current.workbench.screenshot("embedded-consent-dialog");
    await dialog.locator(".dialog-buttons a, .dialog-buttons button", { hasText: "Cancel" }).first().click();
    await current.panel.frame
      .locator('#status[data-status="failed"]')
      .waitFor({ state: "attached", timeout: 60_000 });
    const notice = (await current.panel.frame.locator(".notice.error").innerText()).replace(/\s+/g, " ");
    assert.match(notice, /Cannot reach the policy model server/);
    assert.equal(
      await current.workbench.page.locator(".notification-toast", { hasText: "Downloading" }).count(),
      0,
      "no download started",
    );
  });
});
