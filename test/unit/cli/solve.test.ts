import assert from "node:assert/strict";
import { loadDataset, startSimulator, type SimServer } from "../../sim";
import type { SolveJson } from "../../../src/cli/solveOutput";
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
    const run = await runCli(["solve", "--json", "--n", "4", "--seed", "3", ...urls(), problem.problem]);
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
    assert.match(run.stdout, /no reward model was used: ranked by majority vote/);
    assert.match(run.stdout, /^#1 {2}candidate \d/m);
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

  const usageErrors: [string, string[], RegExp][] = [
    ["no problem", ["solve"], /exactly one PROBLEM/],
    ["bad n", ["solve", "--n", "zero", "x"], /--n expects an integer ≥ 1/],
    ["unknown flag", ["solve", "--bogus", "x"], /Unknown option/],
    ["unknown command", ["frobnicate"], /unknown command "frobnicate"/],
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
