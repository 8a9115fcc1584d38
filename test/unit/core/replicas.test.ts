// Scale-out over several URLs: candidates split over healthy replicas, a failing replica set aside.
import assert from "node:assert/strict";
import { OpenAiPolicyBackend } from "../../../src/backends/http/openaiPolicy";
import {
  ReplicatedPolicyBackend,
  ReplicatedRewardBackend,
  splitUrls,
} from "../../../src/backends/http/replicas";
import { BackendRegistry } from "../../../src/backends/http/registry";
import { VllmRewardBackend } from "../../../src/backends/http/vllmReward";
import { loadDataset, startSimulator, type SimServer } from "../../sim";
import { NO_WAIT, request, runSolve, solveChats } from "./solveHarness";

const problem = loadDataset().problems.find((p) => p.source === "math_cot_100" && p.solutions.length === 8)!;
const policyOf = (sim: SimServer) =>
  new OpenAiPolicyBackend({ baseUrl: sim.policyBaseUrl, apiKey: null, ...NO_WAIT });
const rewardOf = (sim: SimServer) =>
  new VllmRewardBackend({ baseUrl: sim.rewardBaseUrl, apiKey: null, ...NO_WAIT });

describe("replicas: several URLs for one role", function () {
  this.timeout(20000);
  let sims: SimServer[] = [];
  afterEach(async () => {
    await Promise.all(sims.map((s) => s.close().catch(() => undefined)));
    sims = [];
  });

  it("splits a solve's candidates over the replicas, keeping seed + i", async () => {
    sims = await Promise.all([
      startSimulator({ tokensPerSecond: 0 }),
      startSimulator({ tokensPerSecond: 0 }),
    ]);
    const policy = new ReplicatedPolicyBackend(sims.map(policyOf));
    const reward = new ReplicatedRewardBackend(sims.map(rewardOf));
    const { state } = await runSolve(request(problem.problem, { n: 8, seed: 100 }), { policy, reward });
    assert.equal(state.status, "complete", state.error?.message);
    assert.equal(state.candidates.length, 8);
    assert.equal(state.rankingMethod, "reward");
    const sent = sims.map((s) => solveChats(s).map((r) => r.body as { n: number; seed: number }));
    assert.deepEqual(
      sent.map((bodies) => bodies.map((b) => [b.n, b.seed])),
      [[[4, 100]], [[4, 104]]],
    );
  });

  it("a replica that is down is set aside; the other serves the whole solve", async () => {
    sims = await Promise.all([
      startSimulator({ tokensPerSecond: 0 }),
      startSimulator({ tokensPerSecond: 0 }),
    ]);
    await sims[0]!.close();
    const policy = new ReplicatedPolicyBackend(sims.map(policyOf));
    const first = await runSolve(request(problem.problem, { n: 4 }), { policy, reward: null });
    assert.equal(first.state.status, "complete", first.state.error?.message);
    assert.equal(first.state.candidates.length, 4);
    sims[1]!.requests.length = 0;
    const second = await runSolve(request(problem.problem, { n: 4 }), { policy, reward: null });
    assert.equal(second.state.status, "complete");
    assert.deepEqual(
      solveChats(sims[1]!).map((r) => (r.body as { n: number }).n),
      [4],
      "all four go to the live replica",
    );
  });

  it("a reward replica answering 500 is skipped for a healthy one", async () => {
    sims = await Promise.all([
      startSimulator({ tokensPerSecond: 0 }),
      startSimulator({ tokensPerSecond: 0 }),
    ]);
    sims[0]!.setFaults({ status: 500, on: "classify" });
    const reward = new ReplicatedRewardBackend(sims.map(rewardOf));
    const result = await reward.score(
      sims[1]!.rewardModel,
      problem.problem,
      [problem.solutions[0]!.text],
      new AbortController().signal,
    );
    assert.deepEqual(result.scores, [problem.solutions[0]!.reward]);
  });

  it("settings and flags take several URLs separated by commas or spaces", () => {
    assert.deepEqual(splitUrls(" http://a:8000/v1, http://b:8000/v1  http://c/v1 "), [
      "http://a:8000/v1",
      "http://b:8000/v1",
      "http://c/v1",
    ]);
    const built = new BackendRegistry().policy({
      baseUrl: "http://a:8000/v1,http://b:8000/v1",
      apiKey: null,
    });
    assert.equal(built.replicas.length, 2);
    assert.ok(built.backend instanceof ReplicatedPolicyBackend);
  });
});
