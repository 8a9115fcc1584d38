/**
 * Issue #11's UI metrics, measured beside bench/ui.bench.ts's panel page (the panel's real bundle in
 * chromium, in a page shaped like VS Code's webview), not in code-server (see bench/README.md):
 *
 * - chunk_to_paint_p95_ms: the product's solve pipeline in this process against the simulator (8
 *   streams at 100 tokens/s each), its events batched as the extension's panel does
 *   (src/extension/solve/eventBatcher.ts), sent to the page over a WebSocket and posted there to the
 *   window (bench/wsPush.ts: how code-server delivers a webview's messages); for each message, from
 *   the arrival of its oldest chunk to the first frame drawn after the page handled it. p95 over
 *   every message of the solve.
 * - render_8_candidates_ms: a fresh panel given a whole solve of 8 real candidates (KaTeX included) in
 *   one message, until the first paint that shows what is on screen in its final form (the rest is
 *   drawn later); render_8_candidates_all_ms: until all 8 are drawn, off screen too.
 * - activation_node_ms: the extension's bundle loaded and activate() run in a fresh Node process with a
 *   stub `vscode` module: the extension's own share of activation, for profiling it (`activation_ms`
 *   itself is measured in code-server: bench/uiVscode.ts).
 */
import type { Page } from "playwright-core";
import type { SolveEvent } from "../src/core/solve/events";
import { OpenAiPolicyBackend } from "../src/backends/http/openaiPolicy";
import { VllmRewardBackend } from "../src/backends/http/vllmReward";
import { solve } from "../src/core/solve/pipeline";
import { loadDataset, startSimulator } from "../test/sim";
import { request } from "../test/unit/core/solveHarness";
import { completeSolve, loadSample } from "../test/unit/webview/solveFixture";
import { activateInFreshNode, buildExtensionBundles } from "../test/support/extensionBundles";
import { EventBatcher } from "../src/extension/solve/eventBatcher";
import { median } from "./support";
import { pushToPage } from "./wsPush";

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
    const w = window as unknown as {
      __paints: number[];
      __paintsAll: number[];
      __inPage: number[];
      __batchWait: number[];
      __delivery: number[];
    };
    w.__paints = [];
    w.__paintsAll = [];
    // The page's own share: from the message's arrival in the page to the paint (cards on screen).
    w.__inPage = [];
    // Per message: from its oldest event's arrival to the post (the batch), and from the post to the page.
    w.__batchWait = [];
    w.__delivery = [];
    const pending = new Map<number, { at: number; received: number; visible: boolean }[]>();
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
    type Sent = { sentAt?: number; postedAt?: number; events?: SolveEvent[] };
    window.addEventListener("message", (event: MessageEvent<Sent>) => {
      const { sentAt, postedAt, events } = event.data;
      if (sentAt === undefined || postedAt === undefined) return;
      const received = Date.now();
      w.__batchWait.push(postedAt - sentAt);
      w.__delivery.push(received - postedAt);
      for (const e of events ?? [])
        if (e.type === "delta")
          pending.set(e.index, [
            ...(pending.get(e.index) ?? []),
            { at: sentAt, received, visible: onScreen.has(e.index) },
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
          for (const { at, received, visible } of sent) {
            w.__paintsAll.push(now - at);
            if (!visible) continue;
            w.__paints.push(now - at);
            w.__inPage.push(now - received);
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

/** `label` names the page in what is printed (the panel, or bench/uiChunkFloorPage.ts). */
export async function chunkToPaint(page: Page, label = "chunk to paint"): Promise<number> {
  await recordChunkPaints(page);
  const push = await pushToPage(page);
  const sim = await startSimulator({ tokensPerSecond: 100, maxConcurrentSequences: 64 });
  try {
    const problem = loadDataset().problems.find((p) => p.source === "math_cot_100")!.problem;
    const deps = {
      policy: new OpenAiPolicyBackend({ baseUrl: sim.policyBaseUrl, apiKey: null }),
      reward: new VllmRewardBackend({ baseUrl: sim.rewardBaseUrl, apiKey: null }),
    };
    // Batched as the extension's panel does (src/extension/solve/eventBatcher.ts): the message carries
    // the arrival time of its oldest event.
    const arrivals: number[] = [];
    const batcher = new EventBatcher<SolveEvent>((events) => {
      push.send({ type: "events", events, sentAt: arrivals[0]!, postedAt: Date.now() });
      arrivals.length = 0;
    });
    for await (const event of solve(request(problem, { seed: 7 }), deps, new AbortController().signal)) {
      arrivals.push(Date.now());
      batcher.push(event);
    }
    batcher.flush();
    await page.waitForSelector('#status[data-status="complete"]');
    await page.waitForTimeout(200);
    const { visible, all, inPage, batchWait, delivery } = await page.evaluate(() => {
      const w = window as unknown as Record<string, number[]>;
      return {
        visible: w.__paints!,
        all: w.__paintsAll!,
        inPage: w.__inPage!,
        batchWait: w.__batchWait!,
        delivery: w.__delivery!,
      };
    });
    const p95 = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? Number.NaN;
    };
    console.log(
      `${label}: p95 ${p95(visible)} ms over ${visible.length} deltas of cards on screen (of which in the page, from the message's arrival: p95 ${p95(inPage)} ms); every card (off screen ones render when they scroll into view): p95 ${p95(all)} ms over ${all.length}`,
    );
    console.log(
      `  per message (${batchWait.length}): in the extension's batch median ${median(batchWait)}, p95 ${p95(batchWait)} ms; posted to the page's handler median ${median(delivery)}, p95 ${p95(delivery)} ms`,
    );
    return p95(visible);
  } finally {
    await sim.close();
    push.close();
  }
}

/**
 * Installs a recorder of the first paint that shows everything on screen in its final form: the
 * solve complete (header, answers table), no solution chunk on screen still a placeholder, nor the
 * rest of a chunk drawn only in part (a placeholder counts as on screen where it meets both the
 * viewport and its card's scrolling box), and the fonts
 * loaded (KaTeX's glyphs are invisible until theirs arrive). Checked in a task queued after each
 * change of the page, or after the fonts load, which runs after that frame is painted; what it
 * reads is what that paint showed.
 */
async function recordOnScreenPaint(page: Page): Promise<void> {
  await page.evaluate("window.__name = (f) => f");
  await page.evaluate(() => {
    const w = window as unknown as { __onScreenAt: number | null };
    w.__onScreenAt = null;
    const meets = (a: DOMRect, b: { top: number; bottom: number; left: number; right: number }) =>
      a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
    const viewport = () => ({ top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth });
    const allOnScreenDrawn = () => {
      if (!document.querySelector('#status[data-status="complete"]')) return false;
      if (document.fonts.status !== "loaded") return false;
      // A placeholder: a chunk not drawn yet, or the rest of one drawn only as far as the screen showed it.
      for (const chunk of document.querySelectorAll(".md-chunk.pending, .md-rest")) {
        const box = chunk.closest(".solution")?.getBoundingClientRect();
        const rect = chunk.getBoundingClientRect();
        if (box && meets(rect, box) && meets(rect, viewport())) return false;
      }
      return true;
    };
    const check = () =>
      setTimeout(() => {
        if (w.__onScreenAt === null && allOnScreenDrawn()) w.__onScreenAt = performance.now();
      }, 0);
    new MutationObserver(check).observe(document.getElementById("app") as Node, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    document.fonts.addEventListener("loadingdone", () => requestAnimationFrame(check));
  });
}

/**
 * A whole solve of 8 real candidates in one message, into a panel that has drawn nothing yet: until
 * the first paint that shows what is on screen in its final form (`render_8_candidates_ms`), and
 * until the panel has drawn all 8 solutions, off screen too, and settled (`..._all_ms`).
 */
export async function renderEightCandidates(page: Page): Promise<Record<string, number>> {
  await recordSettledPaint(page);
  await recordOnScreenPaint(page);
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
  const onScreenAt = await page.evaluate(
    () => (window as unknown as { __onScreenAt: number | null }).__onScreenAt,
  );
  return {
    render_8_candidates_ms: (onScreenAt ?? Number.NaN) - sentAt,
    render_8_candidates_all_ms: lastChange - sentAt,
  };
}

/** A formula of the kind a solution's first screen shows (display math, a fraction, a root). */
const FLOOR_MESSAGE = { latex: "x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a} = \\frac{3}{4}" };

/**
 * The floor under `render_8_candidates_ms`: the same measurement (message posted → first paint that
 * shows it with its fonts loaded) on a fresh page that draws one formula only (bench/uiFloorPage.ts).
 */
export async function firstPaintFloor(page: Page): Promise<number> {
  await recordOnScreenPaint(page);
  const sentAt = await page.evaluate((message) => {
    const at = performance.now();
    window.postMessage(message, "*");
    return at;
  }, FLOOR_MESSAGE);
  const onScreenAt = await page.waitForFunction(
    () => (window as unknown as { __onScreenAt: number | null }).__onScreenAt,
  );
  return ((await onScreenAt.jsonValue()) as number) - sentAt;
}

/** Median milliseconds of require(bundle) + activate() in fresh Node processes, `runs` times. */
export async function activationMs(dir: string, runs: number): Promise<number> {
  // The bundles the package ships (the activation bundle and the one it loads on first use).
  const bundle = (await buildExtensionBundles(dir)).activation.file;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(activateInFreshNode(bundle).ms);
  return median(times);
}
