/**
 * The solve panel's real bundle in a page shaped like VS Code's webview (the extension's stylesheets,
 * a stub `acquireVsCodeApi`), for the tests that need a real browser's layout: Debian's chromium
 * through playwright-core. The tests skip where chromium is not installed.
 */
import * as esbuild from "esbuild";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const ROOT = resolve(__dirname, "../../..");

/** Builds the panel's page into `dir`; returns its URL. */
export async function buildPanelPage(dir: string): Promise<string> {
  await esbuild.build({
    entryPoints: [join(ROOT, "src/webview/main.ts")],
    outfile: join(dir, "webview.js"),
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    logLevel: "warning",
  });
  const css = (path: string) => pathToFileURL(join(ROOT, path)).href;
  writeFileSync(
    join(dir, "panel.html"),
    `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<link rel="stylesheet" href="${css("node_modules/katex/dist/katex.min.css")}">
<link rel="stylesheet" href="${css("media/base.css")}">
<link rel="stylesheet" href="${css("media/panel.css")}">
<script>window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });</script>
</head><body><div id="app"></div><script src="webview.js"></script></body></html>`,
  );
  return pathToFileURL(join(dir, "panel.html")).href;
}

export interface PanelBrowser {
  /** The built panel page's URL (set once the suite's `before` has run). */
  url: string;
  browser: Browser;
}

/**
 * Mocha hooks for a suite that opens the panel page: builds it into a temporary folder and starts one
 * chromium before the suite (skipping it where chromium is not installed), removes both after.
 */
export function usePanelBrowser(folderPrefix: string): PanelBrowser {
  const shared = {} as PanelBrowser;
  let dir: string | undefined;
  before(async function () {
    if (!existsSync(CHROMIUM)) return this.skip();
    dir = mkdtempSync(join(tmpdir(), folderPrefix));
    shared.url = await buildPanelPage(dir);
    shared.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu"],
    });
  });
  after(async () => {
    await shared.browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return shared;
}
