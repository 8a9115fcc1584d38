/**
 * Issue #11's UI metrics, measured beside bench/ui.bench.ts's panel page (the panel's real bundle in
 * chromium, in a page shaped like VS Code's webview), not in code-server (see bench/README.md):
 *
 * - chunk_to_paint_p95_ms: the product's solve pipeline in this process against the simulator (8
 *   streams at 100 tokens/s each), its events batched as the extension's panel does (one message per
 *   40 ms), posted into the page; for each message, from the arrival of its oldest chunk to the first
 *   frame drawn after the page handled it. p95 over every message of the solve.
 * - render_8_candidates_ms: a fresh panel given a whole solve of 8 real candidates (KaTeX included) in
 *   one message, until the frame that shows it is drawn.
 * - activation_node_ms: the extension's bundle loaded and activate() run in a fresh Node process with a
 *   stub `vscode` module: the extension's own share of activation, for profiling it (`activation_ms`
 *   itself is measured in code-server: bench/uiVscode.ts).
 */
import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { SolveEvent } from "../src/core/solve/events";
import { OpenAiPolicyBackend } from "../src/backends/http/openaiPolicy";
import { VllmRewardBackend } from "../src/backends/http/vllmReward";
import { solve } from "../src/core/solve/pipeline";
import { loadDataset, startSimulator } from "../test/sim";
import { request } from "../test/unit/core/solveHarness";
import { completeSolve, loadSample } from "../test/unit/webview/solveFixture";
import { median } from "./support";

const ROOT = join(__dirname, "..");
/** The extension flushes batched events every 40 ms (src/extension/solve/solvePanel.ts). */
const FLUSH_MS = 40;

/**
 * Installs, in the page, a recorder of when each candidate's streamed text is painted: a message's
 * deltas for candidate i are painted in the first frame after the panel next changes that card's
 * solution DOM (it renders the card's whole text so far, and may postpone a streaming card:
 * view/renderThrottle.ts). A task queued from the mutation runs after that frame is painted.
 * Latency = then − `sentAt`. `__paints`: cards on screen when the message came (text off screen is
 * not painted at all, and the panel renders it when it scrolls into view); `__paintsAll`: every card.
 */
async function recordChunkPaints(page: Page): Promise<void> {
  // tsx names the functions below with an `__name` helper that the page does not have.
  await page.evaluate("window.__name = (f) => f");
  await page.evaluate(() => {
    const w = window as unknown as { __paints: number[]; __paintsAll: number[] };
    w.__paints = [];
    w.__paintsAll = [];
    const pending = new Map<number, { at: number; visible: boolean }[]>();
    const onScreen = new Set<number>();
    const cardIndex = (node: Node | null) => {
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      const card = element?.closest(".solution")?.closest(".candidate[data-index]");
      return card ? Number(card.getAttribute("data-index")) : null;
    };
    const visibility = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const index = cardIndex(e.target);
        if (index === null) continue;
        if (e.isIntersecting) onScreen.add(index);
        else onScreen.delete(index);
      }
    });
    const watched = new WeakSet<Element>();
    window.addEventListener("message", (event: MessageEvent<{ sentAt?: number; events?: SolveEvent[] }>) => {
      const { sentAt, events } = event.data;
      if (sentAt === undefined) return;
      for (const e of events ?? [])
        if (e.type === "delta")
          pending.set(e.index, [
            ...(pending.get(e.index) ?? []),
            { at: sentAt, visible: onScreen.has(e.index) },
          ]);
    });
    new MutationObserver((records) => {
      for (const solution of document.querySelectorAll(".candidate[data-index] .solution"))
        if (!watched.has(solution)) {
          watched.add(solution);
          visibility.observe(solution);
        }
      const cards = new Set<number>();
      for (const r of records) {
        const index = cardIndex(r.target);
        if (index !== null) cards.add(index);
      }
      for (const index of cards) {
        const sent = pending.get(index) ?? [];
        pending.delete(index);
        if (sent.length === 0) continue;
        setTimeout(() => {
          const now = Date.now();
          for (const { at, visible } of sent) {
            w.__paintsAll.push(now - at);
            if (visible) w.__paints.push(now - at);
          }
        }, 0);
      }
    }).observe(document.getElementById("app") as Node, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

/**
 * Installs a recorder of when the panel finished drawing a message: the paint after the last change to
 * the page's DOM, once a few frames pass with none (the panel spreads big renders over frames).
 */
async function recordSettledPaint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lastChange: number };
    w.__lastChange = 0;
    new MutationObserver(() => {
      w.__lastChange = performance.now();
      setTimeout(() => (w.__lastChange = performance.now()), 0);
    }).observe(document.getElementById("app") as Node, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

export async function chunkToPaint(page: Page): Promise<number> {
  await recordChunkPaints(page);
  const sim = await startSimulator({ tokensPerSecond: 100, maxConcurrentSequences: 64 });
  try {
    const problem = loadDataset().problems.find((p) => p.source === "math_cot_100")!.problem;
    const deps = {
      policy: new OpenAiPolicyBackend({ baseUrl: sim.policyBaseUrl, apiKey: null }),
      reward: new VllmRewardBackend({ baseUrl: sim.rewardBaseUrl, apiKey: null }),
    };
    let batch: SolveEvent[] = [];
    let oldest = 0;
    const sends: Promise<void>[] = [];
    const flush = () => {
      const message = { type: "events", events: batch, sentAt: oldest };
      batch = [];
      sends.push(page.evaluate((m) => window.postMessage(m, "*"), message));
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    for await (const event of solve(request(problem, { seed: 7 }), deps, new AbortController().signal)) {
      if (batch.length === 0) oldest = Date.now();
      batch.push(event);
      timer ??= setTimeout(() => {
        timer = null;
        flush();
      }, FLUSH_MS);
    }
    if (timer) clearTimeout(timer);
    if (batch.length) flush();
    await Promise.all(sends);
    await page.waitForSelector('#status[data-status="complete"]');
    await page.waitForTimeout(200);
    const { visible, all } = await page.evaluate(() => {
      const w = window as unknown as { __paints: number[]; __paintsAll: number[] };
      return { visible: w.__paints, all: w.__paintsAll };
    });
    const p95 = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? Number.NaN;
    };
    console.log(
      `chunk to paint: p95 ${p95(visible)} ms over ${visible.length} deltas of cards on screen; every card (off screen ones render when they scroll into view): p95 ${p95(all)} ms over ${all.length}`,
    );
    return p95(visible);
  } finally {
    await sim.close();
  }
}

/** A whole solve of 8 real candidates in one message, into a panel that has drawn nothing yet. */
export async function renderEightCandidates(page: Page): Promise<number> {
  await recordSettledPaint(page);
  const events = completeSolve(loadSample(37));
  const sentAt = await page.evaluate(
    (message) => {
      const at = performance.now();
      window.postMessage(message, "*");
      return at;
    },
    { type: "events", events },
  );
  await page.waitForSelector('#status[data-status="complete"]');
  // Settled: ten frames in a row without a change.
  const lastChange = await page.evaluate(async () => {
    const w = window as unknown as { __lastChange: number };
    for (let quiet = 0; quiet < 10;) {
      const before = w.__lastChange;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      quiet = w.__lastChange === before ? quiet + 1 : 0;
    }
    return w.__lastChange;
  });
  return lastChange - sentAt;
}

/**
 * A `vscode` module for activating the bundle outside VS Code: each name the bundle reads from it is a
 * callable stub that returns another stub. esbuild copies the module's own names (`__toESM`), so the
 * names are listed up front, taken from the bundle's own uses.
 */
function vscodeStub(bundleText: string): string {
  const aliases = [...bundleText.matchAll(/(\w+)=\w+\(require\("vscode"\)\)/g)].map((m) => m[1]);
  const uses = aliases.flatMap((alias) => [...bundleText.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, "g"))]);
  const names = [...new Set(uses.map((m) => m[1]))];
  return `
const stub = () => {
  const own = new Map();
  return new Proxy(function () {}, {
    get: (target, key) => {
      if (key === "then") return undefined;
      if (key === Symbol.toPrimitive) return () => "";
      if (!own.has(key)) own.set(key, stub());
      return own.get(key);
    },
    set: (target, key, value) => (own.set(key, value), true),
    apply: () => stub(),
    construct: () => stub(),
  });
};
const names = ${JSON.stringify(names)};
module.exports = new Proxy({}, {
  get: (target, key) => (target[key] ??= stub()),
  ownKeys: () => names,
  getOwnPropertyDescriptor: (target, key) => ({ configurable: true, enumerable: true, value: (target[key] ??= stub()) }),
});
`;
}

/** Median milliseconds of require(bundle) + activate() in fresh Node processes, `runs` times. */
export async function activationMs(dir: string, runs: number): Promise<number> {
  const bundle = join(dir, "extension.js");
  await esbuild.build({
    entryPoints: [join(ROOT, "src/extension/main.ts")],
    outfile: bundle,
    bundle: true,
    minify: true,
    platform: "node",
    format: "cjs",
    target: "es2022",
    external: ["vscode", "node-llama-cpp"],
    logLevel: "warning",
  });
  writeFileSync(join(dir, "vscode-stub.js"), vscodeStub(readFileSync(bundle, "utf8")));
  const probe = `
const Module = require("module");
const load = Module._load;
Module._load = (name, ...rest) => name === "vscode" ? load(${JSON.stringify(join(dir, "vscode-stub.js"))}, ...rest) : load(name, ...rest);
const context = { subscriptions: [], extensionUri: {}, extensionPath: ${JSON.stringify(ROOT)}, globalState: { get() {}, update() {} }, workspaceState: { get() {}, update() {} }, secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => ({ dispose() {} }) }, globalStorageUri: {}, storageUri: {}, logUri: {} };
const t0 = performance.now();
require(${JSON.stringify(bundle)}).activate(context);
console.log(performance.now() - t0);
process.exit(0);
`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++)
    times.push(
      Number(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }).trim().split("\n").pop()),
    );
  return median(times);
}
