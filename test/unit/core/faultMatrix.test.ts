// The fault matrix of issue 8, row by row, against the simulated backend's fault knobs: what the user
// sees when a server misbehaves. No timing assertions: waits are observed through the injected `wait`.
import assert from "node:assert/strict";
import { OpenAiPolicyBackend } from "../../../src/backends/http/openaiPolicy";
import type { Wait } from "../../../src/backends/http/transport";
import { loadDataset, startSimulator, type SimProblem, type SimServer } from "../../sim";
import { learnEndpoints, request, runSolve, scoringCalls, simBackends, solveChats } from "./solveHarness";

const problem = loadDataset().problems.find((p) => p.source === "math_cot_100" && p.solutions.length === 8)!;
const FAST = { connectMs: 300, firstTokenMs: 300, idleMs: 300 };

/** Records the waits the client asks for instead of sleeping. */
function recordingWait(): { wait: Wait; waits: number[] } {
  const waits: number[] = [];
  return { waits, wait: async (ms) => void waits.push(ms) };
}

describe("fault matrix: 429 / 503, 500 and HTML error pages", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close());

  it("429 with Retry-After: waits as told, then the solve goes through", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const { wait, waits } = recordingWait();
    const deps = simBackends(sim, { wait });
    await learnEndpoints(deps, sim);
    sim.setFaults({ status: 429, on: "chat", times: 2, retryAfter: 3 });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "complete");
    assert.deepEqual(waits, [3000, 3000], "Retry-After: 3 honoured twice");
    assert.equal(state.candidates.length, 8);
  });

  it("503 that persists: bounded retries with back-off, then a clear message", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const { wait, waits } = recordingWait();
    const deps = simBackends(sim, { wait });
    await learnEndpoints(deps, sim);
    sim.setFaults({ status: 503, on: "chat" });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "failed");
    assert.deepEqual(waits, [500, 1000, 2000], "exponential back-off without Retry-After, three retries");
    assert.equal(solveChats(sim).length, 4);
    assert.match(state.error!.message, new RegExp(`${sim.policyBaseUrl}/chat/completions answered HTTP 503`));
    assert.match(state.error!.message, /after 4 attempts.*overloaded/);
  });

  it("a Retry-After longer than the client waits fails at once and says so", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const { wait, waits } = recordingWait();
    const deps = simBackends(sim, { wait });
    await learnEndpoints(deps, sim);
    sim.setFaults({ status: 429, on: "chat", retryAfter: 3600 });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "failed");
    assert.deepEqual(waits, []);
    assert.match(state.error!.message, /HTTP 429.*asked to retry after 3600 s/);
  });

  it("500: the status and the server's message", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim);
    await learnEndpoints(deps, sim);
    sim.setFaults({ status: 500, on: "chat" });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "failed");
    assert.match(state.error!.message, /answered HTTP 500: Simulated fault: internal server error/);
    assert.equal(solveChats(sim).length, 1, "a 500 is not retried");
  });

  it("an HTML error page instead of JSON: the status and a short text excerpt, no markup", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim);
    await learnEndpoints(deps, sim);
    sim.setFaults({ status: 500, on: "chat", htmlError: true });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.match(state.error!.message, /HTTP 500: 500 Bad Gateway 500 Bad Gateway nginx\/1\.24\.0/);
    assert.doesNotMatch(state.error!.message, /<|>/);
  });
});

describe("fault matrix: timeouts, stalls and drops", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close());

  it("a server that accepts and never answers: named with its URL and the timeout", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim, { timeouts: FAST });
    await learnEndpoints(deps, sim);
    sim.setFaults({ hang: true, on: "chat" });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "failed");
    assert.match(
      state.error!.message,
      new RegExp(
        `policy model server at ${sim.policyBaseUrl}/chat/completions did not answer within 0\\.3 s`,
      ),
    );
    assert.equal(state.error!.setting, "acemath.timeouts");
    await sim.idle();
    assert.equal(solveChats(sim)[0]!.aborted, true, "the client closed the hung request");
  });

  it("headers but no first token: the time-to-first-token timeout", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim, { timeouts: FAST });
    await learnEndpoints(deps, sim);
    sim.setFaults({ stallAfterEvents: 0 });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.match(state.error!.message, /sent no token within 0\.3 s/);
  });

  it("a stall mid-stream: the idle timeout; candidates so far kept and marked incomplete", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim, { timeouts: FAST });
    await learnEndpoints(deps, sim);
    sim.setFaults({ stallAfterEvents: 40 });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "failed");
    assert.match(state.error!.message, /stopped sending for 0\.3 s mid-stream/);
    assert.match(state.error!.message, /Candidates [\d, ]+ are incomplete/);
    const partial = state.candidates.filter((c) => c.text.length > 0);
    assert.equal(partial.length, 8);
    assert.ok(partial.every((c) => c.finishReason === "error"));
    await sim.idle();
    assert.equal(solveChats(sim)[0]!.aborted, true, "the stalled stream was closed");
  });

  it("reward server hangs: candidates kept, ranking falls back to the vote, labelled", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim, { timeouts: FAST });
    await learnEndpoints(deps, sim);
    sim.setFaults({ hang: true, on: "classify" });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "complete");
    assert.equal(state.candidates.length, 8);
    assert.equal(state.rankingMethod, "majority");
    const warning = state.warnings.find((w) => w.code === "reward-failed");
    assert.match(warning!.message, /ranked by majority vote instead.*did not answer within 0\.3 s/);
  });

  it("reward server down mid-solve (socket closed): candidates kept, vote, labelled", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim);
    await learnEndpoints(deps, sim);
    sim.setFaults({ rewardDown: "close" });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "complete");
    assert.equal(state.rankingMethod, "majority");
    const warning = state.warnings.find((w) => w.code === "reward-failed");
    assert.match(
      warning!.message,
      /dropped the connection: fetch failed: other side closed/,
      "the cause, not only 'fetch failed'",
    );
    assert.ok(state.candidates.every((c) => c.finishReason === "stop"));
  });
});

describe("fault matrix: policy server down", function () {
  it('a URL on a port fetch never connects to (a "bad port") says so, not "dropped the connection"', async () => {
    const policy = new OpenAiPolicyBackend({ baseUrl: "http://127.0.0.1:6000/v1", apiKey: null });
    const { state } = await runSolve(request(problem.problem), { policy, reward: null });
    assert.equal(state.status, "failed");
    assert.match(
      state.error!.message,
      /^Cannot reach the policy model server at http:\/\/127\.0\.0\.1:6000\/v1\/models \(port 6000 is one that fetch never connects to/,
    );
    assert.equal(state.error!.setting, "acemath.policy.baseUrl");
  });
});

describe("fault matrix: reward server down mid-solve", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close());

  it("the reward server goes down after the first scoring: candidates kept, scores so far kept, vote, labelled", async () => {
    // Slow enough that candidates finish (and are scored) one by one.
    sim = await startSimulator({ tokensPerSecond: 400 });
    const deps = simBackends(sim);
    await learnEndpoints(deps, sim);
    sim.setFaults({ rewardDown: "close", after: 1 });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "complete");
    assert.ok(state.candidates.every((c) => c.finishReason === "stop" && c.text.length > 0));
    const scored = state.candidates.filter((c) => c.score !== null).length;
    assert.ok(scored >= 1 && scored < 8, `the first batch was scored, the rest not (${scored})`);
    assert.equal(state.rankingMethod, "majority");
    const warning = state.warnings.find((w) => w.code === "reward-failed");
    assert.match(
      warning!.message,
      new RegExp(`^Reward scoring failed, ranked by majority vote instead: .*${sim.rewardBaseUrl}`),
    );
    const calls = scoringCalls(sim);
    assert.equal(calls[0]!.status, 200);
    assert.ok(calls.slice(1).every((r) => r.dropped));
  });
});

describe("fault matrix: reward model answers", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close());

  /** A problem with solutions of clearly different lengths, to put a context limit between them. */
  function unevenProblem(): { record: SimProblem; limit: number } {
    const record = loadDataset().problems.find((p) => {
      const lengths = p.solutions.map((s) => s.text.split(/\s+/).length);
      return p.solutions.length === 8 && Math.max(...lengths) > 1.5 * Math.min(...lengths);
    })!;
    const lengths = record.solutions.map((s) => s.text.split(/\s+/).length).sort((a, b) => a - b);
    const words = record.problem.split(/\s+/).length;
    return { record, limit: words + 40 + Math.round((lengths[0]! + lengths.at(-1)!) / 2) };
  }

  it("a reward input longer than the reward model's context is not sent; its warning says why; the others are scored", async () => {
    const { record, limit } = unevenProblem();
    sim = await startSimulator({ tokensPerSecond: 0, rewardContextLength: limit });
    const { state } = await runSolve(request(record.problem), simBackends(sim));
    assert.equal(state.status, "complete");
    const unscored = state.warnings.filter((w) => w.code === "candidate-unscored");
    assert.ok(unscored.length >= 1 && unscored.length < 8, `some but not all left out (${unscored.length})`);
    for (const w of unscored)
      assert.match(
        w.message,
        new RegExp(
          `^Candidate \\d was not scored: its reward-model input \\(problem plus solution\\) takes \\d+ tokens, more than the reward model's ${limit}-token context, so it was not sent for scoring`,
        ),
      );
    assert.equal(state.candidates.filter((c) => c.score !== null).length, 8 - unscored.length);
    assert.equal(state.rankingMethod, "reward");
    // Counted by the server, and nothing too long was ever sent: no 400 from the reward model.
    assert.ok(
      sim.requests.some((r) => r.path === "/tokenize"),
      "exact counts from /tokenize",
    );
    assert.ok(scoringCalls(sim).every((r) => r.status === 200));
    const sentInputs = scoringCalls(sim).reduce(
      (sum, r) => sum + (r.body as { input: string[] }).input.length,
      0,
    );
    assert.equal(sentInputs, 8 - unscored.length);
  });

  it("reward 400 for context length (a server that lists no context): that message reaches the user; the others are scored", async () => {
    const { record, limit } = unevenProblem();
    // SGLang lists no max_model_len and has no /tokenize: only the server's answer can tell.
    sim = await startSimulator({ tokensPerSecond: 0, rewardContextLength: limit, family: "sglang" });
    const { state } = await runSolve(request(record.problem), simBackends(sim));
    assert.equal(state.status, "complete");
    const unscored = state.warnings.filter((w) => w.code === "candidate-unscored");
    assert.ok(unscored.length >= 1 && unscored.length < 8, `some but not all refused (${unscored.length})`);
    for (const w of unscored)
      assert.match(w.message, new RegExp(`answered: .*maximum context length is ${limit} tokens`));
    assert.ok(state.warnings.every((w) => !/Field required/.test(w.message)));
    const scored = state.candidates.filter((c) => c.score !== null);
    assert.equal(scored.length, 8 - unscored.length);
    assert.equal(state.rankingMethod, "reward");
    const shapes = new Set(
      scoringCalls(sim).map((r) =>
        Object.keys(r.body as object)
          .sort()
          .join(","),
      ),
    );
    assert.deepEqual([...shapes], ["model,text"], "one request shape throughout");
  });

  it("a reward server that ignores use_activation: detected by the probe, scores labelled sigmoid", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, rewardActivation: "ignored" });
    const { state } = await runSolve(request(problem.problem), simBackends(sim));
    assert.equal(state.scoreKind, "sigmoid");
    assert.ok(state.candidates.every((c) => c.score! > 0 && c.score! < 1));
    assert.equal(state.rankingMethod, "reward");
  });

  it("SGLang: native /classify with `text`, raw scores; never /v1/classify (softmax there)", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, family: "sglang" });
    const { state } = await runSolve(request(problem.problem), simBackends(sim));
    assert.equal(state.scoreKind, "raw");
    assert.ok(
      state.candidates.some((c) => c.score! < 0 || c.score! > 1),
      "raw logits",
    );
    assert.equal(sim.requests.filter((r) => r.path === "/v1/classify").length, 0);
    assert.ok(scoringCalls(sim).every((r) => "text" in (r.body as object)));
  });

  for (const family of ["ollama", "llamacpp-old"] as const) {
    it(`${family}: no reward endpoint: the vote, labelled, and the solve completes`, async () => {
      sim = await startSimulator({ tokensPerSecond: 0, family });
      const { state } = await runSolve(request(problem.problem, { n: 4 }), simBackends(sim));
      assert.equal(state.status, "complete");
      assert.equal(state.rankingMethod, "majority");
      assert.match(state.warnings.find((w) => w.code === "reward-failed")!.message, /HTTP 404/);
    });
  }
});
