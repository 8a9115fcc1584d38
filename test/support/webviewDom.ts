/**
 * A webview's real browser bundle, run in jsdom with a fake `acquireVsCodeApi`: what the page posts
 * and saves is recorded, and a saved state can be handed back as after a reload. Shared by the solve
 * panel's and the side panel's page tests.
 */
import { join } from "node:path";
import * as esbuild from "esbuild";
import { JSDOM } from "jsdom";

const ROOT = join(__dirname, "../..");

/** Bundles `entry` (a path from the repository root) as the extension's build does for a webview. */
export async function bundleWebview(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    write: false,
  });
  return result.outputFiles[0]!.text;
}

export interface WebviewPage {
  window: JSDOM["window"];
  document: Document;
  /** Messages the page posted, as plain objects of this realm. */
  posted: { type: string; [key: string]: unknown }[];
  /** Every state the page passed to setState, as plain objects of this realm. */
  saved: unknown[];
}

/** A JSON copy: the page's objects belong to jsdom's realm, whose prototypes deep equality would reject. */
const plain = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

/** Opens a fresh page running `script`; `savedState` is what getState returns (a restore after reload). */
export function openWebviewPage(script: string, savedState?: unknown): WebviewPage {
  const dom = new JSDOM('<!doctype html><body><main id="app"></main></body>', {
    runScripts: "outside-only",
    pretendToBeVisual: true,
  });
  const page: WebviewPage = { window: dom.window, document: dom.window.document, posted: [], saved: [] };
  Object.assign(dom.window, {
    acquireVsCodeApi: () => ({
      postMessage: (message: unknown) => page.posted.push(plain(message)),
      getState: () => savedState,
      setState: (state: unknown) => page.saved.push(plain(state)),
    }),
  });
  dom.window.eval(script);
  return page;
}
