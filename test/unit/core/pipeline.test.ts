import assert from "node:assert/strict";
import { extractBoxed } from "../../../src/core/grading/extract";
import type { RewardBackend } from "../../../src/core/backend/ports";
import { VllmRewardBackend } from "../../../src/backends/http/vllmReward";
import { loadDataset, startSimulator, type SimProblem, type SimServer } from "../../sim";
import {
  eventsOfType,
  learnEndpoints,
  request,
  runSolve,
  scoringCalls,
  simBackends,
  solveChats,
} from "./solveHarness";

/** A real MATH problem whose 8 recorded solutions disagree, so ranking matters. */
function problemWithDistinctRewards(): SimProblem {
  const problem = loadDataset().problems.find(
    (p) =>
      p.source === "math_cot_100" &&
      p.solutions.length === 8 &&
      new Set(p.solutions.map((s) => s.reward)).size === 8,
  );
  assert.ok(problem, "the fixture has a math problem with 8 distinct rewards");
  return problem;
}

describe("solve pipeline against the simulated backend", function () {
  this.timeout(20000);
  let sim: SimServer;
  const problem = problemWithDistinctRewards();

  afterEach(async () => sim?.close());

  it("without a policy in the request, ranks by the product's default (reward-weighted vote)", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const { state } = await runSolve(
      request(problem.problem, { rankingPolicy: undefined }),
      simBackends(sim),
    );
    assert.equal(state.status, "complete", state.error?.message);
    assert.equal(state.rankingMethod, "weighted-vote");
  });

  it("streams n candidates, extracts answers, scores with the RM and ranks by score", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const { events, state } = await runSolve(request(problem.problem), simBackends(sim));
    assert.equal(events[0]?.type, "started");
    assert.deepEqual(events.at(-1), { type: "done", outcome: "complete" });
    assert.equal(state.candidates.length, 8);
    assert.equal(state.rankingMethod, "reward");
    assert.equal(state.scoreKind, "raw");
    assert.equal(state.policy?.simulated, true);
    for (const candidate of state.candidates) {
      assert.equal(eventsOfType(events, "finished").filter((e) => e.index === candidate.index).length, 1);
      const served = problem.solutions.find((s) => s.text === candidate.text);
      assert.ok(served, "each candidate is one of the recorded solutions");
      assert.equal(candidate.score, served.reward, "the score is the reward model's score for that text");
      assert.equal(candidate.answer, extractBoxed(candidate.text)?.answer ?? null);
    }
    const scoresInOrder = state.order.map((i) => state.candidates.find((c) => c.index === i)!.score!);
    assert.deepEqual(
      scoresInOrder,
      [...scoresInOrder].sort((a, b) => b - a),
      "ranked best first",
    );
    const best = state.candidates.find((c) => c.index === state.order[0])!;
    assert.equal(best.score, Math.max(...state.candidates.map((c) => c.score!)));
  });

  it("orders each candidate's events: deltas, then finished, then scored", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const { events } = await runSolve(request(problem.problem), simBackends(sim));
    for (let index = 0; index < 8; index++) {
      const positions = (type: string) =>
        events.flatMap((e, i) => (e.type === type && "index" in e && e.index === index ? [i] : []));
      const finished = positions("finished");
      assert.equal(finished.length, 1);
      assert.ok(
        Math.max(...positions("delta")) < finished[0]!,
        `candidate ${index}: no delta after it finished`,
      );
      assert.ok(positions("scored")[0]! > finished[0]!, `candidate ${index}: scored after it finished`);
    }
    const rankings = events.flatMap((e, i) => (e.type === "ranking" ? [i] : []));
    assert.ok(
      rankings.at(-1)! > events.map((e) => e.type).lastIndexOf("scored"),
      "the last ranking follows the last score",
    );
  });

  it("sends the AceMath request: one streaming request with n, sampling settings and the system prompt", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    await runSolve(request(problem.problem, { n: 4, seed: 7 }), simBackends(sim));
    const chats = solveChats(sim);
    assert.equal(chats.length, 1);
    const body = chats[0]!.body as Record<string, unknown>;
    assert.equal(body.n, 4);
    assert.equal(body.stream, true);
    assert.equal(body.temperature, 0.7);
    assert.equal(body.top_p, 0.8);
    assert.equal(body.max_tokens, 2048);
    assert.equal(body.seed, 7);
    assert.deepEqual(body.stop, ["<|im_end|>", "<|endoftext|>"]);
    assert.deepEqual(body.stream_options, { include_usage: true });
    assert.deepEqual(body.messages, [
      { role: "system", content: "Please reason step by step, and put your final answer within \\boxed{}." },
      { role: "user", content: problem.problem },
    ]);
    const classify = scoringCalls(sim);
    assert.ok(classify.length >= 1);
    const classifyBody = classify[0]!.body as { input: string[]; use_activation: boolean; model: string };
    assert.equal(classifyBody.use_activation, false);
    assert.equal(classifyBody.model, "nvidia/AceMath-7B-RM");
    assert.match(
      classifyBody.input[0]!,
      /^<\|im_start\|>system\nPlease reason step by step, and check your final answer/,
    );
  });

  it("scores candidates while others are still generating", async () => {
    // The problem whose recorded solutions differ most in length, streamed slowly: the shortest
    // finishes most of a second before the longest, whatever the machine's load.
    const spread = (p: SimProblem) => {
      const lengths = p.solutions.map((s) => s.text.length);
      return Math.max(...lengths) / Math.min(...lengths);
    };
    const uneven = loadDataset()
      .problems.filter((p) => p.source === "math_cot_100" && p.solutions.length === 8)
      .reduce((a, b) => (spread(b) > spread(a) ? b : a));
    sim = await startSimulator({ tokensPerSecond: 600 });
    const { events } = await runSolve(request(uneven.problem), simBackends(sim));
    const firstScored = events.findIndex((e) => e.type === "scored");
    const lastFinished = events.map((e) => e.type).lastIndexOf("finished");
    assert.ok(
      firstScored >= 0 && firstScored < lastFinished,
      "a score arrived before the last candidate finished",
    );
    const batches = scoringCalls(sim).map((r) => (r.body as { input: unknown[] }).input.length);
    assert.equal(
      batches.reduce((a, b) => a + b, 0),
      8,
      "every candidate scored exactly once",
    );
    assert.ok(batches.length > 1, "scoring was not deferred to one batch at the end");
  });

  it("cancel aborts the request and keeps what arrived", async () => {
    sim = await startSimulator({ tokensPerSecond: 600 });
    const abort = new AbortController();
    let deltas = 0;
    const { state } = await runSolve(request(problem.problem), simBackends(sim), {
      signal: abort.signal,
      onEvent: (event) => {
        if (event.type === "delta" && event.text && ++deltas === 40) abort.abort();
      },
    });
    assert.equal(state.status, "cancelled");
    assert.ok(
      state.candidates.some((c) => c.text.length > 0),
      "partial text survives",
    );
    assert.ok(state.candidates.some((c) => c.finishReason === "cancelled"));
    await sim.idle();
    const chat = solveChats(sim)[0]!;
    assert.equal(chat.aborted, true, "the server saw the client go away");
    assert.ok(chat.eventsSent < chat.eventsPlanned, "the server stopped generating");
  });

  it("without a reachable reward model: majority vote, labelled", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deadReward = await startSimulator();
    await deadReward.close();
    const deps = simBackends(sim, {
      reward: new VllmRewardBackend({ baseUrl: deadReward.rewardBaseUrl, apiKey: null }),
    });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "complete");
    assert.equal(state.rankingMethod, "majority");
    assert.equal(state.candidates.length, 8);
    assert.ok(state.candidates.every((c) => c.score === null));
    assert.equal(state.warnings[0]?.code, "reward-unavailable");
    assert.match(state.warnings[0]!.message, /No reward model was used/);
    assert.match(state.warnings[0]!.message, /vllm serve nvidia\/AceMath-7B-RM/);
    const votes = state.groups.map((g) => g.members.length);
    assert.deepEqual(
      votes,
      [...votes].sort((a, b) => b - a),
    );
    assert.deepEqual(state.order.slice(0, votes[0]), state.groups[0]!.members);
  });

  it("a reward server without a classify endpoint: majority vote, labelled", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, faults: { rewardDown: "404" } });
    const { state } = await runSolve(request(problem.problem), simBackends(sim));
    assert.equal(state.status, "complete");
    assert.equal(state.rankingMethod, "majority");
    assert.equal(state.warnings[0]?.code, "reward-failed");
    assert.match(state.warnings[0]!.message, /ranked by majority vote instead.*HTTP 404/);
    const tried = sim.requests.filter((r) => ["/classify", "/pooling"].includes(r.path));
    assert.deepEqual(
      [...new Set(tried.map((r) => r.path))],
      ["/classify", "/pooling"],
      "tried /classify, then /pooling, then gave up",
    );
  });

  it("with no reward backend configured: majority vote, no warning", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const { state } = await runSolve(request(problem.problem), simBackends(sim, { reward: false }));
    assert.equal(state.rankingMethod, "majority");
    assert.equal(state.reward, null);
    assert.deepEqual(state.warnings, []);
    assert.equal(sim.requests.filter((r) => r.path === "/classify").length, 0);
  });

  it("refuses to rank with degenerate reward scores (all exactly 1.0)", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const degenerate: RewardBackend = {
      baseUrl: sim.rewardBaseUrl,
      listModels: async () => [{ id: "rm", ownedBy: null, maxModelLen: null }],
      score: async (_model, _problem, solutions) => ({ scores: solutions.map(() => 1), kind: "sigmoid" }),
    };
    const { state } = await runSolve(
      request(problem.problem, { n: 4 }),
      simBackends(sim, { reward: degenerate }),
    );
    assert.equal(state.rankingMethod, "majority");
    assert.ok(state.warnings.some((w) => w.code === "reward-degenerate" && /0\.9\.0/.test(w.message)));
  });

  it("a grouping that throws falls back to exact grouping, and the solve completes", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = {
      ...simBackends(sim, { reward: false }),
      groupAnswers: () => Promise.reject(new Error("worker crashed")),
    };
    const { state } = await runSolve(request(problem.problem, { n: 4 }), deps);
    assert.equal(state.status, "complete");
    assert.ok(state.groups.length > 0);
  });

  it("an adapter that fails with a bug (not a BackendError) ends the solve with a plain error", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim);
    deps.policy.listModels = () => {
      throw new TypeError("bug");
    };
    const { state, events } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "failed");
    assert.match(state.error!.message, /Unexpected error: bug/);
    assert.deepEqual(events.at(-1), { type: "done", outcome: "failed" });
  });

  it("truncated candidates (finish_reason length) are marked and have no answer", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const { state } = await runSolve(request(problem.problem, { maxTokens: 20, n: 3 }), simBackends(sim));
    assert.equal(state.status, "complete");
    assert.ok(state.candidates.every((c) => c.finishReason === "length"));
    assert.ok(state.candidates.every((c) => c.answer === null));
  });
});

describe("solve pipeline: backend failures", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close().catch(() => undefined));
  const problem = loadDataset().problems[0]!;

  it("policy server down: names the URL and how to start one", async () => {
    sim = await startSimulator();
    const deps = simBackends(sim);
    await sim.close();
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "failed");
    assert.match(
      state.error!.message,
      new RegExp(`Cannot reach the policy model server at ${sim.policyBaseUrl}`),
    );
    assert.match(state.error!.hint!, /vllm serve nvidia\/AceMath-7B-Instruct/);
    assert.match(state.error!.hint!, new RegExp(`--port ${sim.port} `), "the configured URL's port");
    assert.equal(state.error!.setting, "acemath.policy.baseUrl");
    assert.equal(state.problem, problem.problem, "the view still shows the problem");
    assert.equal(state.policy?.url, sim.policyBaseUrl, "and where the request went");
    assert.deepEqual(
      state.reward,
      { url: sim.rewardBaseUrl, model: "", simulated: false },
      "and the configured reward server (model: the first it lists), not 'none'",
    );
  });

  it("policy server down with configured models: the start command serves the configured model", async () => {
    sim = await startSimulator();
    const deps = simBackends(sim);
    await sim.close();
    const { state } = await runSolve(
      request(problem.problem, { policyModel: "org/Math-Policy", rewardModel: "org/Math-RM" }),
      deps,
    );
    assert.equal(
      state.error!.hint,
      `vllm serve org/Math-Policy --port ${sim.port} --max-model-len 4096 --enable-prefix-caching`,
    );
    assert.equal(state.reward?.model, "org/Math-RM");
  });

  it("HTTP 429: says the server is overloaded", async () => {
    sim = await startSimulator({ faults: { status: 429, on: "chat" } });
    const { state } = await runSolve(request(problem.problem), simBackends(sim));
    assert.equal(state.status, "failed");
    assert.match(state.error!.message, /HTTP 429.*overloaded/);
  });

  it("a connection dropped mid-stream keeps the partial candidates, marked incomplete", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const deps = simBackends(sim);
    await learnEndpoints(deps, sim);
    sim.setFaults({ dropAfterEvents: 30 });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "failed");
    assert.match(state.error!.message, /dropped|terminated|closed/i);
    assert.match(state.error!.message, new RegExp(sim.policyBaseUrl));
    assert.match(state.error!.message, /Candidates? [\d, ]+ (is|are) incomplete/);
    assert.ok(state.candidates.some((c) => c.text.length > 0));
    assert.ok(state.candidates.some((c) => c.finishReason === "error"));
  });

  it("a malformed SSE line is skipped with a log line; the other choices are unaffected", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const logs: string[] = [];
    const deps = simBackends(sim, { onLog: (m) => logs.push(m) });
    await learnEndpoints(deps, sim);
    sim.setFaults({ malformedAfterEvents: 20 });
    const { state } = await runSolve(request(problem.problem), deps);
    assert.equal(state.status, "complete");
    assert.equal(state.candidates.length, 8);
    assert.ok(state.candidates.every((c) => c.finishReason === "stop" && c.text.length > 0));
    assert.equal(logs.filter((m) => /Skipped a stream line .* not JSON/.test(m)).length, 1);
  });

  it("a prompt longer than the context: a clear message before any generation request", async () => {
    sim = await startSimulator();
    const huge = "Compute the sum. ".repeat(3000);
    const { state } = await runSolve(request(huge), simBackends(sim));
    assert.equal(state.status, "failed");
    assert.match(state.error!.message, /The problem takes 90\d\d tokens.*context is 4096 tokens/);
    assert.equal(state.error!.setting, "acemath.maxTokens");
    assert.equal(solveChats(sim).length, 0, "no generation was asked for");
    assert.equal(state.candidates.length, 0);
  });

  it("a prompt that leaves less than max_tokens: max_tokens lowered to fit, and the panel says so", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    const long = `${"Let x be a number. ".repeat(700)}What is 1+1?`;
    const { state } = await runSolve(request(long, { n: 2 }), simBackends(sim));
    assert.equal(state.status, "complete");
    const [chat] = solveChats(sim);
    const sent = (chat!.body as { max_tokens: number }).max_tokens;
    const counted = sim.requests.find((r) => r.path === "/tokenize");
    assert.ok(counted, "the prompt was counted by the server's /tokenize");
    assert.ok(sent < 2048 && sent > 64, `max_tokens lowered (${sent})`);
    const warning = state.warnings.find((w) => w.code === "max-tokens-lowered");
    assert.match(warning!.message, new RegExp(`at most ${sent} tokens instead of 2048`));
  });

  it("an unknown configured model lists what the server serves", async () => {
    sim = await startSimulator();
    const { state } = await runSolve(
      request(problem.problem, { policyModel: "no-such-model" }),
      simBackends(sim),
    );
    assert.equal(state.status, "failed");
    assert.match(state.error!.message, /does not serve the model "no-such-model".*AceMath-7B-Instruct/);
  });
});
