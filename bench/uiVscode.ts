/**
 * activation_ms in a real VS Code (code-server 4.99.4 with the packaged extension, driven by
 * playwright-core, as the end-to-end tests run it): the extension host's own account of the
 * extension's activation, code loading plus the activate() call, as "Developer: Show Running
 * Extensions" shows it. Measured `runs` times: once when problem.tex opens (onLanguage:latex), then
 * after each "Developer: Reload Window" (which restarts the extension host in code-server). Needs `npm run package` and code-server
 * (scripts/setup-code-server.sh), as `npm run test:e2e` prepares them; null when they are missing.
 */
import { startSimulator } from "../test/sim";
import { e2ePaths } from "../test/e2e/paths";
import { PROBLEM_FILE } from "../test/e2e/problem";
import { EXTENSION_ID, openSession, settingsFor, type Session } from "../test/e2e/session";
import { waitUntil } from "../test/e2e/wait";

const ACTIVATION_LINE = `ExtensionService#_doActivateExtension ${EXTENSION_ID}`;

const activations = (session: Session) => session.server.extensionHostLog().split(ACTIVATION_LINE).length - 1;

/** The "Activation: N ms" of the extension's row in the Running Extensions editor. */
async function runningExtensionsMs(session: Session): Promise<number> {
  const { workbench } = session;
  await workbench.runCommand("View: Close All Editors");
  await workbench.runCommand("Developer: Show Running Extensions");
  const row = workbench.page.locator(".runtime-extensions-editor .extension", {
    has: workbench.page.locator(".name", { hasText: "AceMath Studio" }),
  });
  const time = row.locator(".activation-time");
  await time.filter({ hasText: /Activation: \d+ms/ }).waitFor({ timeout: 60_000 });
  const text = (await time.textContent()) ?? "";
  return Number(/(\d+)ms/.exec(text)?.[1] ?? Number.NaN);
}

export async function vscodeActivationMs(runs: number): Promise<number[] | null> {
  try {
    e2ePaths();
  } catch (error) {
    console.log(
      `activation_ms in code-server skipped: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
  const sim = await startSimulator({ port: 0 });
  const session = await openSession({ trusted: true, userSettings: settingsFor(sim) });
  try {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      // code-server has no "Restart Extension Host": a reload restarts the extension host with the page.
      if (run > 0) await session.workbench.reloaded();
      await session.workbench.openFile(PROBLEM_FILE);
      if (run === 0)
        await waitUntil("the extension to activate", () => activations(session) > 0 || undefined, 90_000);
      times.push(await runningExtensionsMs(session));
    }
    return times;
  } catch (error) {
    console.log(
      `activation_ms in code-server failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  } finally {
    await session.close();
    await sim.close();
  }
}
