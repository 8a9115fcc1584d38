// Page object for the VS Code workbench that code-server serves, driven by Debian's chromium through
// playwright-core. Every step waits for what it needs on the page; none sleeps a fixed time.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from "playwright-core";
import { ARTIFACTS_DIR } from "./paths";

const CHROMIUM = process.env.ACEMATH_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The workbench is large and this machine is small: the first load takes a while. */
const WORKBENCH_LOAD_MS = 90_000;
const STEP_MS = 20_000;
/** How long a Quick Open entry may take to appear: extension contributions register after the workbench loads. */
const PICK_MS = 60_000;
/** Clicks on the command center, and how long each waits for Quick Open's input (20 s in all). */
const QUICK_INPUT_ATTEMPTS = 4;
const QUICK_INPUT_WAIT_MS = 5_000;

export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(url: string): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      page.setDefaultTimeout(STEP_MS);
      await page.goto(url);
      await page.locator(".monaco-workbench").waitFor({ timeout: WORKBENCH_LOAD_MS });
      // The command center is the last thing to become usable; everything below goes through it.
      await page.locator(".command-center-center").waitFor({ timeout: WORKBENCH_LOAD_MS });
      return new Workbench(browser, page);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /**
   * Runs a palette command by its title. F1 can be swallowed by a focused webview, so this clicks the command
   * center and types `>` + title, then picks the row with exactly that label.
   */
  async runCommand(title: string): Promise<void> {
    await this.pick(
      `>${title}`,
      this.page.locator(".quick-input-list .monaco-list-row", {
        has: this.page.locator(".label-name", { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
      }),
    );
  }

  /**
   * Runs "Developer: Reload Window" and waits until the reloaded workbench is usable again. In code-server the
   * whole page reloads (and the extension host restarts), so it waits for the page's next load event first:
   * the old page's workbench would otherwise satisfy the wait below.
   */
  async reloaded(): Promise<void> {
    const loaded = this.page.waitForEvent("load", { timeout: WORKBENCH_LOAD_MS });
    await this.runCommand("Developer: Reload Window");
    await loaded;
    await this.page.locator(".monaco-workbench").waitFor({ timeout: WORKBENCH_LOAD_MS });
    await this.page.locator(".command-center-center").waitFor({ timeout: WORKBENCH_LOAD_MS });
  }

  /** Opens a workspace file through Quick Open and waits until its editor is the active one. */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split("/").pop() ?? relativePath;
    await this.pick(relativePath, this.page.locator(".quick-input-list .monaco-list-row", { hasText: name }));
    await this.activeTab(name).waitFor();
    await this.activeEditor().locator(".view-lines").waitFor();
  }

  /** Opens a notebook through Quick Open and waits until its cells are shown (the first cell is selected). */
  async openNotebook(relativePath: string): Promise<void> {
    const name = relativePath.split("/").pop() ?? relativePath;
    await this.pick(relativePath, this.page.locator(".quick-input-list .monaco-list-row", { hasText: name }));
    await this.activeTab(name).waitFor();
    // A Markdown cell's row can measure zero height while its preview renders: wait for the selection only.
    await this.page
      .locator(".notebook-editor .cell-list-container .monaco-list-row.selected")
      .first()
      .waitFor({ state: "attached" });
  }

  /** Selects whole lines `from`..`to` (1-based, inclusive) of the active editor, without the final newline. */
  async selectLines(from: number, to: number): Promise<void> {
    await this.quickInput(`:${from}`);
    await this.page.keyboard.press("Enter");
    await this.quickInputWidget().waitFor({ state: "hidden" });
    for (let line = from; line < to; line++) await this.page.keyboard.press("Shift+ArrowDown");
    await this.page.keyboard.press("Shift+End");
  }

  /** Puts a bare cursor (no selection) at `line`:`column` (1-based) of the active editor. */
  async placeCursor(line: number, column: number): Promise<void> {
    await this.quickInput(`:${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await this.quickInputWidget().waitFor({ state: "hidden" });
  }

  activeEditor(): Locator {
    return this.page.locator(".editor-group-container.active .monaco-editor").first();
  }

  activeTab(name: string): Locator {
    return this.page.locator(".tabs-container .tab.active", { hasText: name });
  }

  /** A tab anywhere in the workbench, by its label. */
  tab(label: string): Locator {
    return this.page.locator(".tabs-container .tab", { hasText: label });
  }

  /**
   * The content of the extension's webview. In code-server 4.99 a webview is an `iframe.webview` (the host
   * page, on its own origin, `.ready` once loaded, its src naming the owning extension) that holds the
   * extension's document in `iframe#active-frame`.
   */
  webview(extensionId = "acemath.acemath-studio"): FrameLocator {
    // A webview view (the side panel) says so in its src (`purpose=webviewView`); editor webviews do not.
    return this.page
      .frameLocator(
        `iframe.webview.ready[src*="extensionId=${extensionId}"]:not([src*="purpose=webviewView"])`,
      )
      .first()
      .frameLocator("#active-frame");
  }

  /** Saved under test-artifacts/; the name is made file-safe. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "")}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private quickInputWidget(): Locator {
    return this.page.locator(".quick-input-widget");
  }

  /**
   * Opens Quick Open from the command center and types `text` into it. A click while the workbench is
   * still starting can open nothing (CI saw the input never come in 20 s): click again until it shows.
   */
  private async quickInput(text: string): Promise<void> {
    const input = this.quickInputWidget().locator("input.input");
    for (let attempt = 1; ; attempt++) {
      // A quick input left open (by a failed step) covers the command center.
      if (await this.quickInputWidget().isVisible()) await this.page.keyboard.press("Escape");
      await this.page.locator(".command-center-center").click();
      try {
        await input.waitFor({ timeout: QUICK_INPUT_WAIT_MS });
        break;
      } catch (error) {
        if (attempt === QUICK_INPUT_ATTEMPTS) throw error;
      }
    }
    await input.fill(text);
  }

  /**
   * Types `text` into Quick Open and clicks the first `row`. The list is computed when the input opens: a
   * command contributed by an extension that is still being registered, or a file not yet indexed, is
   * missing from it. So a missing row means close and ask again, until the step's time is up.
   */
  private async pick(text: string, row: Locator): Promise<void> {
    const deadline = Date.now() + PICK_MS;
    for (;;) {
      await this.quickInput(text);
      try {
        await row.first().waitFor({ timeout: 3_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.keyboard.press("Escape");
      }
    }
    await row.first().click();
    // The picked row goes away; the widget itself may stay, when the command opens a quick input of its
    // own (a file dialog) before the palette's hide has been painted.
    await row.first().waitFor({ state: "hidden" });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
