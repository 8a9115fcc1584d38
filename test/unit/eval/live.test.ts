import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "../../../src/backends/eval/manifest";
import type { StoreLine } from "../../../src/backends/eval/store";
import { loadDataset, type SimServer } from "../../sim";
import { runCli } from "../cli/cliHarness";
import { PROBLEMS, lastJson, storedSampleLines, useScratch, writeProblemSet } from "./liveFixture";

function storeLines(dir: string): StoreLine[] {
  const path = join(dir, "samples.jsonl");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as StoreLine);
}

/** Problem texts of the generation requests the simulator received (probes carry no dataset problem). */
function generatedProblems(sim: SimServer, from = 0): string[] {
  return sim.requests
    .slice(from)
    .filter((r) => r.path.endsWith("/chat/completions"))
    .map((r) => JSON.stringify((r.body as { messages?: unknown }).messages ?? ""))
    .flatMap((messages) => PROBLEMS.filter((p) => messages.includes(JSON.stringify(p.problem).slice(1, -1))))
    .map((p) => p.problem);
}

describe("acemath eval against the simulated backend", function () {
  this.timeout(60000);
  const scratch = useScratch("acemath-eval-");
  let sim: SimServer;
  let dir: string;
  let data: string;
  beforeEach(() => {
    dir = scratch.dir();
    data = writeProblemSet(dir);
  });
  const args = (out: string) => [
    "eval",
    "--data",
    data,
    "--n",
    "4",
    "--seed",
    "1",
    "--concurrency",
    "1",
    "--seeds",
    "10",
    "--json",
    "--policy-url",
    sim.policyBaseUrl,
    "--reward-url",
    sim.rewardBaseUrl,
    "--out",
    out,
  ];

  it("interrupted midway and resumed: identical results, nothing stored is requested again", async () => {
    sim = await scratch.simulator({ tokensPerSecond: 4000 });
    const reference = await runCli(args(join(dir, "reference")));
    assert.equal(reference.code, 0, reference.stderr);
    assert.equal(storeLines(join(dir, "reference")).length, PROBLEMS.length);

    const out = join(dir, "interrupted");
    const abort = new AbortController();
    const watcher = setInterval(() => storeLines(out).length >= 3 && abort.abort(), 10);
    const interrupted = await runCli(args(out), { signal: abort.signal }).finally(() =>
      clearInterval(watcher),
    );
    assert.equal(interrupted.code, 130, interrupted.stderr);
    const stored = storeLines(out);
    assert.ok(stored.length >= 3 && stored.length < PROBLEMS.length, `${stored.length} stored`);
    await sim.idle();

    const before = sim.requests.length;
    const resumed = await runCli([...args(out), "--resume"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    const asked = generatedProblems(sim, before);
    const storedTexts = new Set(stored.map((l) => PROBLEMS[l.index]!.problem));
    assert.deepEqual(
      asked.filter((p) => storedTexts.has(p)),
      [],
      "a stored problem was generated again",
    );
    const missing = PROBLEMS.filter((p) => !storedTexts.has(p.problem)).map((p) => p.problem);
    assert.deepEqual([...new Set(asked)].sort(), [...missing].sort(), "each missing problem is asked");
    // The request in flight when the run was interrupted may reach the server after it went idle.
    assert.ok(
      asked.length <= missing.length + 1,
      `${asked.length} generation requests for ${missing.length} problems`,
    );
    assert.deepEqual(lastJson(resumed), lastJson(reference));
    assert.equal(storeLines(out).length, PROBLEMS.length);
  });

  it("reward server failing: generations are kept, reported; --resume scores them and generates nothing", async () => {
    sim = await scratch.simulator({ tokensPerSecond: 0 });
    const reference = await runCli(args(join(dir, "reference")));
    assert.equal(reference.code, 0, reference.stderr);

    const out = join(dir, "failing");
    sim.setFaults({ status: 500, on: "classify" });
    const failing = await runCli(args(out));
    assert.equal(failing.code, 0, failing.stderr);
    assert.equal(lastJson(failing).failed.set, PROBLEMS.length, "every problem reported as failed");
    assert.equal(lastJson(failing).problems.set, PROBLEMS.length, "…and none dropped");
    assert.match(failing.stderr, /scoring failed \(its samples are stored: --resume scores them\)/);
    assert.equal(storeLines(out).length, PROBLEMS.length, "the generations are stored");
    assert.equal(existsSync(join(out, "scores.jsonl")), false, "no score is stored");

    sim.setFaults({});
    const before = sim.requests.length;
    const resumed = await runCli([...args(out), "--resume"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    const asked = sim.requests.slice(before);
    assert.deepEqual(
      asked.filter((r) => /completions/.test(r.path)).map((r) => r.path),
      [],
      "nothing generated again",
    );
    const scored = readFileSync(join(out, "scores.jsonl"), "utf8").trim().split("\n");
    assert.equal(scored.length, PROBLEMS.length);
    assert.ok(asked.some((r) => r.path === "/classify" && r.status === 200));
    assert.deepEqual(lastJson(resumed), lastJson(reference));
    assert.equal(storeLines(out).length, PROBLEMS.length, "no generation stored twice");

    const complete = sim.requests.length;
    const again = await runCli([...args(out), "--resume"]);
    assert.deepEqual(lastJson(again), lastJson(reference));
    assert.deepEqual(
      sim.requests
        .slice(complete)
        .filter((r) => /completions|classify|pooling/.test(r.path))
        .map((r) => r.path),
      [],
      "a complete run resumed generates and scores nothing",
    );
  });

  it("reward server failing midway: --resume scores exactly the problems left unscored", async () => {
    sim = await scratch.simulator({ tokensPerSecond: 0 });
    const reference = await runCli(args(join(dir, "reference")));
    assert.equal(reference.code, 0, reference.stderr);

    const out = join(dir, "midway");
    // The dialect probe (two /classify) and two scoring requests succeed, then the server fails.
    sim.setFaults({ status: 500, on: "classify", after: 4 });
    const failing = await runCli(args(out));
    assert.equal(failing.code, 0, failing.stderr);
    const scoredFirst = readFileSync(join(out, "scores.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { index: number }).index);
    const failed = lastJson(failing).failed.set!;
    assert.ok(scoredFirst.length >= 2 && failed >= 1, `${scoredFirst.length} scored, ${failed} failed`);
    assert.equal(scoredFirst.length + failed, PROBLEMS.length);

    sim.setFaults({});
    const before = sim.requests.length;
    const resumed = await runCli([...args(out), "--resume"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    const asked = sim.requests.slice(before);
    assert.equal(asked.filter((r) => /completions/.test(r.path)).length, 0, "nothing generated again");
    const rescored = asked
      .filter((r) => r.path === "/classify")
      .flatMap((r) => (r.body as { input: string[] }).input)
      .map((input) => PROBLEMS.findIndex((p) => input.includes(p.problem)))
      .filter((index) => index >= 0);
    const unscored = PROBLEMS.map((_, i) => i).filter((i) => !scoredFirst.includes(i));
    assert.deepEqual([...new Set(rescored)].sort(), unscored, "only the unscored problems are scored");
    assert.equal(rescored.length, 4 * unscored.length, "each of their samples once");
    assert.deepEqual(lastJson(resumed), lastJson(reference));
  });

  it("writes a manifest with dataset hash, prompt, sampling, seeds, servers and version; refuses to mix runs", async () => {
    sim = await scratch.simulator({ tokensPerSecond: 0 });
    const out = join(dir, "run");
    const run = await runCli(args(out));
    assert.equal(run.code, 0, run.stderr);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    assert.match(manifest.datasets[0]!.sha256, /^[0-9a-f]{64}$/);
    assert.equal(manifest.datasets[0]!.problems, PROBLEMS.length);
    assert.match(manifest.prompt.policySystem, /\\boxed\{\}/);
    assert.deepEqual(manifest.sampling, {
      n: 4,
      greedy: false,
      temperature: 0.7,
      topP: 0.8,
      maxTokens: 2048,
      seed: 1,
    });
    assert.deepEqual(manifest.metrics, { ks: [4], seeds: 10 });
    assert.equal(manifest.servers.policy?.model, sim.policyModel);
    assert.equal(manifest.servers.reward?.model, sim.rewardModel);
    assert.equal(manifest.servers.policyUrls[0], sim.policyBaseUrl);
    assert.match(manifest.tool.version, /^\d+\.\d+\.\d+/);
    assert.ok(lastJson(run).datasets.set!["rm@4"]! > 0);
    const again = await runCli(args(out));
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already holds a run's samples: add --resume/);
  });

  it("--greedy adds a temperature-0 request per problem and pass@1 uses it", async () => {
    sim = await scratch.simulator({ tokensPerSecond: 0 });
    // One problem whose first recorded solution (the simulator's greedy answer) is wrong, one right.
    const all = loadDataset().problems.filter(
      (p) => p.source === "math_cot_100" && p.id !== "math_cot_100/72",
    );
    const chosen = [all.find((p) => !p.solutions[0]!.correct)!, all.find((p) => p.solutions[0]!.correct)!];
    writeFileSync(
      data,
      chosen.map((p) => JSON.stringify({ problem: p.problem, answer: p.goldAnswer })).join("\n"),
    );
    const run = await runCli([...args(join(dir, "greedy")), "--greedy"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(lastJson(run).datasets.set!["pass@1"], 50);
    const lines = storeLines(join(dir, "greedy"));
    assert.deepEqual(lines.map((l) => l.kind).sort(), ["greedy", "greedy", "samples", "samples"]);
    const greedyBodies = sim.requests
      .map((r) => r.body as { temperature?: number; n?: number } | undefined)
      .filter((b) => b?.temperature === 0 && b.n === 1);
    assert.equal(greedyBodies.length, 2);
    for (const line of lines.filter((l) => l.kind === "greedy"))
      assert.equal(line.candidates[0]!.text, chosen[line.index]!.solutions[0]!.text);
  });

  it("a problem that fails is reported on stderr and counted wrong, not dropped", async () => {
    sim = await scratch.simulator({ tokensPerSecond: 0 });
    // A prompt beyond the simulated 4096-token context: the solve refuses it before any generation.
    const tooLong = { problem: `What is ${"1 + ".repeat(5000)}1?`, answer: "5001", id: "huge" };
    writeFileSync(
      data,
      [PROBLEMS[0], PROBLEMS[1]]
        .map((p) => JSON.stringify({ problem: p!.problem, answer: p!.goldAnswer }))
        .concat(JSON.stringify(tooLong))
        .join("\n"),
    );
    const run = await runCli(args(join(dir, "fail")));
    assert.equal(run.code, 0, run.stderr);
    const summary = lastJson(run);
    assert.equal(summary.problems.set, 3);
    assert.equal(summary.failed.set, 1);
    assert.match(run.stderr, /set problem huge failed: /);
    assert.ok(summary.datasets.set!["pass@4"]! <= 66.67, "the failed problem counts as wrong");
    assert.equal(
      storeLines(join(dir, "fail")).length,
      2,
      "a failure is not stored, so --resume tries it again",
    );
  });

  it("every benchmark layout runs end to end: one column per file, in order, with an average", async () => {
    sim = await scratch.simulator({ tokensPerSecond: 0 });
    const sets = ["gsm8k", "minerva_math", "olympiadbench", "mmlu_stem", "math500"];
    const dataArgs = sets.flatMap((set) => [
      "--data",
      join(__dirname, "../../fixtures/eval/benchmarks", `${set}.jsonl`),
    ]);
    const urls = ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];
    const run = await runCli(["eval", ...dataArgs, "--limit", "1", "--n", "2", "--json", ...urls]);
    assert.equal(run.code, 0, run.stderr);
    const summary = lastJson(run);
    assert.deepEqual(Object.keys(summary.datasets), sets);
    assert.deepEqual(Object.values(summary.problems), [1, 1, 1, 1, 1]);
    assert.match(
      run.stdout,
      /^\| Metric \| GSM8K \| Minerva Math \| OlympiadBench \| MMLU STEM \| MATH500 \| Avg\. \|$/m,
    );
    assert.ok("no_answer" in summary.average && "weighted@2" in summary.average);
  });

  it("samples cut off by --max-tokens count as no-answer, apart from wrong", async () => {
    sim = await scratch.simulator({ tokensPerSecond: 0 });
    const run = await runCli([...args(join(dir, "cut")), "--max-tokens", "5", "--limit", "2"]);
    assert.equal(run.code, 0, run.stderr);
    const lines = storeLines(join(dir, "cut"));
    assert.ok(lines.every((l) => l.candidates.every((c) => c.finishReason === "length")));
    assert.equal(lastJson(run).datasets.set!.no_answer, 100);
  });
});

describe("acemath eval --from-samples --rescore", function () {
  this.timeout(60000);
  const scratch = useScratch("acemath-rescore-");

  it("scores the stored texts again: zeroed scores give rm@8 = first sample, rescored ones the reward's pick", async () => {
    const dir = scratch.dir();
    const zeroed = join(dir, "math_cot_100.jsonl");
    const records = storedSampleLines()
      .map((l) => ({ ...(JSON.parse(l) as { code: string[] }), pred_score: undefined }))
      .map((r) => ({ ...r, pred_score: r.code.map(() => [0]) }));
    writeFileSync(zeroed, records.map((r) => JSON.stringify(r)).join("\n"));
    const sim = await scratch.simulator({ tokensPerSecond: 0 });
    const plain = await runCli(["eval", "--from-samples", zeroed, "--json"]);
    assert.equal(lastJson(plain).datasets.math_cot_100!["rm@8"], 91, "all ties: the first sample");
    const urls = ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];
    const rescored = await runCli(["eval", "--from-samples", zeroed, "--rescore", "--json", ...urls]);
    assert.equal(rescored.code, 0, rescored.stderr);
    // The simulator serves the file's recorded reward scores: rm@8 is back to its 96 (see fromSamples.test.ts).
    assert.equal(lastJson(rescored).datasets.math_cot_100!["rm@8"], 96, rescored.stderr.slice(-2000));
    const scoring = sim.requests.filter((r) => /classify|pooling/.test(r.path) && r.status === 200);
    assert.ok(scoring.length >= 100, `${scoring.length} scoring requests`);
  });
});

describe("acemath eval --rescore --out: new scores are stored", function () {
  this.timeout(60000);
  const scratch = useScratch("acemath-rescore-store-");

  it("appends one line per problem keyed by the reward model, and --resume scores nothing again", async () => {
    const dir = scratch.dir();
    const file = join(dir, "math_cot_100.jsonl");
    const lines = storedSampleLines().slice(0, 12);
    writeFileSync(file, lines.join("\n"));
    const sim = await scratch.simulator({ tokensPerSecond: 0 });
    const out = join(dir, "out");
    const urls = ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];
    const args = ["eval", "--from-samples", file, "--rescore", "--json", "--out", out, ...urls];
    const first = await runCli(args);
    assert.equal(first.code, 0, first.stderr);
    const stored = readFileSync(join(out, "scores.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { rewardModel: string; scores: (number | null)[]; index: number });
    assert.equal(stored.length, 12);
    assert.ok(stored.every((l) => l.rewardModel === sim.rewardModel && l.scores.length === 8));
    assert.deepEqual(
      stored.map((l) => l.index),
      [...Array(12).keys()],
    );

    const again = await runCli(args);
    assert.equal(again.code, 2, "a second run into the same --out needs --resume");
    assert.match(again.stderr, /already holds rescored scores: add --resume/);

    const before = sim.requests.filter((r) => r.path === "/classify").length;
    const resumed = await runCli([...args, "--resume"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    const after = sim.requests.filter((r) => r.path === "/classify").length;
    assert.equal(after - before, 0, "nothing rescored on --resume");
    assert.deepEqual(lastJson(resumed), lastJson(first));
    assert.equal(readFileSync(join(out, "scores.jsonl"), "utf8").trim().split("\n").length, 12);
  });
});
