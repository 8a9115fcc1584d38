import assert from "node:assert/strict";
import { hostileSolutions, loadDataset, startSimulator, type SimServer } from "../../sim";
import type { SolveJson } from "../../../src/cli/solveOutput";
import { controlCharsIn } from "../core/controlChars";
import { runCli } from "./cliHarness";

describe("acemath solve", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close().catch(() => undefined));
  const problem = loadDataset().problems.find(
    (p) => p.source === "math_cot_100" && p.solutions.length === 8,
  )!;
  const urls = () => ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];

  it("--json prints candidates with index, text, answer, score, finishReason, and the best", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const run = await runCli([
      "solve",
      "--json",
      "--n",
      "4",
      "--seed",
      "3",
      "--ranking",
      "reward-top1",
      ...urls(),
      problem.problem,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as SolveJson;
    assert.equal(result.candidates.length, 4);
    assert.deepEqual(result.candidates.map((c) => c.index).sort(), [0, 1, 2, 3]);
    for (const candidate of result.candidates) {
      const recorded = problem.solutions.find((s) => s.text === candidate.text);
      assert.ok(recorded);
      assert.equal(candidate.score, recorded.reward);
      assert.equal(candidate.finishReason, "stop");
    }
    const top = result.candidates.reduce((a, b) => ((b.score ?? -Infinity) > (a.score ?? -Infinity) ? b : a));
    assert.deepEqual(result.best, { index: top.index, answer: top.answer });
    assert.equal(result.rankingMethod, "reward");
    assert.equal(result.policy?.simulated, true);
  });

  it("ranks like the editor by default (reward-weighted vote), and by majority vote with --ranking majority", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const solveWith = async (...flags: string[]) => {
      const run = await runCli([
        "solve",
        "--json",
        "--n",
        "8",
        "--seed",
        "3",
        ...flags,
        ...urls(),
        problem.problem,
      ]);
      assert.equal(run.code, 0, run.stderr);
      return JSON.parse(run.stdout) as SolveJson;
    };
    assert.equal((await solveWith()).rankingMethod, "weighted-vote");
    const byMajority = await solveWith("--ranking", "majority");
    assert.equal(byMajority.rankingMethod, "majority");
    const votes = new Map<string | null, number>();
    for (const c of byMajority.candidates) votes.set(c.answer, (votes.get(c.answer) ?? 0) + 1);
    const most = Math.max(...[...votes].filter(([a]) => a !== null).map(([, v]) => v));
    assert.equal(
      votes.get(byMajority.best?.answer ?? null),
      most,
      "the best is from the largest answer group",
    );
  });

  it("reads the problem from stdin with -", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const run = await runCli(["solve", "--json", "--n", "2", ...urls(), "-"], {
      stdin: `${problem.problem}\n`,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as SolveJson).problem, problem.problem);
  });

  it("prints a readable ranked summary without --json", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const run = await runCli(["solve", "--n", "3", "--no-reward", ...urls(), problem.problem]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /SIMULATED backend/);
    assert.match(run.stdout, /No reward model was used — ranked by majority vote/);
    // One numbering everywhere: #(index + 1), then the rank.
    assert.match(run.stdout, /^#[1-3] {2}rank 1 /m);
    assert.match(run.stdout, /status: complete/);
  });

  it("a dead policy server: exit 1 with the URL and the start command", async () => {
    sim = await startSimulator();
    await sim.close();
    const run = await runCli(["solve", "--json", ...urls(), "1+1?"]);
    assert.equal(run.code, 1);
    const result = JSON.parse(run.stdout) as SolveJson;
    assert.match(result.error!.message, /Cannot reach the policy model server/);
    assert.match(result.error!.hint!, /vllm serve/);
  });

  it("readable output: terminal controls in model text are stripped, answers stay on their line", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, faults: { hostile: true } });
    const run = await runCli(["solve", "--n", "6", "--seed", "0", ...urls(), "What is 1+1?"]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(controlCharsIn(run.stdout), []);
    assert.match(run.stdout, /^#5 {2}rank \d {2}score .* {2}answer 42$/m, "ESC[2J removed from the answer");
    assert.match(run.stdout, /^#2 {2}rank \d .*\(truncated by the client[,)]/m, "the 1 MB candidate was cut");
    const lines = run.stdout.trimEnd().split("\n");
    assert.ok(
      lines.filter((l) => l.startsWith("#")).length === 6,
      "one line per candidate, no injected lines",
    );
  });

  it("--json keeps the model text, JSON-escaped, with no raw control character", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, faults: { hostile: true } });
    const run = await runCli(["solve", "--json", "--n", "6", "--seed", "0", ...urls(), "What is 1+1?"]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(controlCharsIn(run.stdout.trimEnd(), { strict: true }), []);
    const result = JSON.parse(run.stdout) as SolveJson;
    const terminal = hostileSolutions(`http://127.0.0.1:${sim.port}/canary`).find(
      (c) => c.kind === "terminal",
    )!;
    assert.equal(
      result.candidates.find((c) => c.index === 4)!.text,
      terminal.text,
      "exactly as the model wrote it",
    );
    const huge = result.candidates.find((c) => c.index === 1)!;
    assert.deepEqual([huge.finishReason, huge.text.length], ["client-limit", 65536]);
  });

  it("--candidate-chars and --solve-chars bound what a solve keeps", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const run = await runCli([
      "solve",
      "--json",
      "--n",
      "4",
      "--candidate-chars",
      "300",
      "--no-reward",
      ...urls(),
      problem.problem,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as SolveJson;
    for (const candidate of result.candidates) {
      assert.equal(candidate.finishReason, "client-limit");
      assert.equal(candidate.text.length, 300);
    }
    const small = await runCli([
      "solve",
      "--json",
      "--n",
      "4",
      "--solve-chars",
      "500",
      "--no-reward",
      ...urls(),
      problem.problem,
    ]);
    const texts = (JSON.parse(small.stdout) as SolveJson).candidates.map((c) => c.text.length);
    assert.equal(
      texts.reduce((a, b) => a + b, 0),
      500,
    );
  });

  const usageErrors: [string, string[], RegExp][] = [
    ["no problem", ["solve"], /exactly one PROBLEM/],
    ["bad n", ["solve", "--n", "zero", "x"], /--n expects an integer ≥ 1/],
    ["unknown flag", ["solve", "--bogus", "x"], /Unknown option/],
    ["bad limit", ["solve", "--candidate-chars", "0", "x"], /--candidate-chars expects an integer ≥ 1/],
    ["unknown command", ["frobnicate"], /unknown command "frobnicate"/],
    ["bad ranking", ["solve", "--ranking", "best", "x"], /--ranking expects one of reward-top1, majority/],
  ];
  for (const [name, argv, message] of usageErrors) {
    it(`usage error: ${name} → exit 2 with a message`, async () => {
      const run = await runCli(argv);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /usage: acemath/);
    });
  }
});
