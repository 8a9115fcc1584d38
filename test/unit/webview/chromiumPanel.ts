/**
 * The solve panel's real bundle in a page shaped like VS Code's webview (the extension's stylesheets,
 * a stub `acquireVsCodeApi`), for the tests that need a real browser's layout: Debian's chromium
 * through playwright-core. The tests skip where chromium is not installed.
 */
import * as esbuild from "esbuild";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

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
