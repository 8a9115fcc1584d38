// Builds static preview pages of the solve panel from recorded model solutions, to look at the UI
// without VS Code: `node scripts/preview-webview.mjs [--screenshot]`. Pages and screenshots go to
// test-artifacts/webview-preview/ (one per scenario × theme). Screenshots need Debian's chromium.
import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "test-artifacts/webview-preview");
const NONCE = "previewNonce0123456789";
const CHROMIUM = "/usr/bin/chromium";

const POLICY = { url: "http://127.0.0.1:8000/v1", model: "nvidia/AceMath-7B-Instruct", simulated: false };
const REWARD = { url: "http://127.0.0.1:8001/v1", model: "nvidia/AceMath-7B-RM", simulated: false };

function loadSample(idx) {
  const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/webview/math_cot_samples.json"), "utf8"));
  return fixture.problems.find((p) => p.idx === idx);
}

function baseState(problem, overrides) {
  return {
    status: "complete",
    problem: problem.question,
    n: problem.solutions.length,
    policy: POLICY,
    reward: REWARD,
    scoreKind: null,
    candidates: [],
    rankingMethod: null,
    order: problem.solutions.map((_, i) => i),
    groups: [],
    warnings: [],
    error: null,
    ...overrides,
  };
}

function groupsOf(candidates) {
  const groups = new Map();
  for (const c of candidates.filter((c) => c.answer !== null)) {
    const group = groups.get(c.answer) ?? { answer: c.answer, members: [], bestScore: null };
    group.members.push(c.index);
    group.bestScore = Math.max(group.bestScore ?? -Infinity, c.score ?? -Infinity);
    groups.set(c.answer, group);
  }
  return [...groups.values()].sort((a, b) => b.members.length - a.members.length);
}

/** A finished, reward-ranked solve; candidate 4 was cut off at the token limit. */
function completeScenario() {
  const problem = loadSample(37);
  const candidates = problem.solutions.map((text, index) => ({
    index,
    text: index === 4 ? text.slice(0, Math.floor(text.length * 0.55)) : text,
    finishReason: index === 4 ? "length" : "stop",
    answer: index === 4 ? null : problem.answers[index],
    score: problem.scores[index],
  }));
  const order = candidates.map((c) => c.index).sort((a, b) => candidates[b].score - candidates[a].score);
  return baseState(problem, {
    scoreKind: "raw",
    candidates,
    rankingMethod: "reward",
    order,
    groups: groupsOf(candidates),
  });
}

/** Mid-stream against the simulator with no reward model: some finished, some still writing. */
function runningScenario() {
  const problem = loadSample(75);
  const progress = [1, 0.62, 1, 0.35, 0.8, 1, 0.5, 0.2];
  const candidates = problem.solutions.map((text, index) => {
    const done = progress[index] === 1;
    return {
      index,
      text: text.slice(0, Math.floor(text.length * progress[index])),
      finishReason: done ? "stop" : null,
      answer: done ? problem.answers[index] : null,
      score: null,
    };
  });
  return baseState(problem, {
    status: "running",
    policy: { ...POLICY, simulated: true, url: "http://127.0.0.1:8765/v1" },
    reward: null,
    candidates,
  });
}

/** A solve that could not start, with a warning and the error's fixes. */
function errorScenario() {
  const problem = loadSample(0);
  return baseState(problem, {
    status: "failed",
    order: [],
    warnings: [
      { code: "reward-unavailable", message: "Reward model at http://127.0.0.1:8001/v1 is unreachable." },
    ],
    error: {
      message: "No policy server answered at http://127.0.0.1:8000/v1 (connection refused).",
      setting: "acemath.policy.baseUrl",
      hint: "vllm serve nvidia/AceMath-7B-Instruct --port 8000",
    },
  });
}

async function buildBundle() {
  await esbuild.build({
    entryPoints: [join(ROOT, "src/webview/main.ts")],
    outfile: join(OUT, "webview.js"),
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    logLevel: "warning",
  });
  // The page gets the panel's real policy, from the same builder the extension uses.
  await esbuild.build({
    entryPoints: [join(ROOT, "src/webview/csp.ts")],
    outfile: join(OUT, "csp.mjs"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    logLevel: "warning",
  });
  return (await import(pathToFileURL(join(OUT, "csp.mjs")).href)).buildWebviewCsp;
}

function writePage(template, csp, scenario, theme) {
  const html = template
    .replaceAll("{{CSP}}", csp)
    .replaceAll("{{NONCE}}", NONCE)
    .replaceAll("{{ROOT}}", "../..")
    .replaceAll("{{THEME}}", theme)
    .replaceAll("{{SCENARIO}}", scenario)
    .replaceAll("{{STATE_SCRIPT}}", `state-${scenario}.js`)
    .replaceAll("{{BUNDLE}}", "webview.js");
  const file = join(OUT, `preview-${scenario}-${theme}.html`);
  writeFileSync(file, html);
  return file;
}

function screenshot(page, png) {
  // --enable-logging=stderr surfaces CSP violations, which would mean the policy blocks the panel.
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--enable-logging=stderr",
  ];
  args.push(
    "--virtual-time-budget=3000",
    `--screenshot=${png}`,
    "--window-size=900,1400",
    pathToFileURL(page).href,
  );
  const output = execFileSync(CHROMIUM, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return output;
}

mkdirSync(OUT, { recursive: true });
const buildWebviewCsp = await buildBundle();
const csp = buildWebviewCsp("file:", NONCE);
const template = readFileSync(join(ROOT, "test/webview-preview/preview.html"), "utf8");
const scenarios = { complete: completeScenario(), running: runningScenario(), error: errorScenario() };
const wantScreenshots = process.argv.includes("--screenshot");
if (wantScreenshots && !existsSync(CHROMIUM))
  throw new Error(`${CHROMIUM} not found (apt-get install chromium)`);

for (const [scenario, state] of Object.entries(scenarios)) {
  writeFileSync(join(OUT, `state-${scenario}.js`), `window.PREVIEW_STATE = ${JSON.stringify(state)};\n`);
  for (const theme of ["dark", "light"]) {
    const page = writePage(template, csp, scenario, theme);
    if (!wantScreenshots) {
      console.log(page);
      continue;
    }
    const png = page.replace(/\.html$/, ".png");
    screenshot(page, png);
    console.log(png);
  }
}
