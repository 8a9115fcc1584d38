import assert from "node:assert/strict";
import { OpenAiPolicyBackend } from "../../../src/backends/http/openaiPolicy";
import type { PolicyBackend, RewardBackend } from "../../../src/core/backend/ports";
import { hostileSolutions, startSimulator, type SimServer } from "../../sim";
import { ignoringN, type FakeServer } from "./fakeServer";
import { request, runSolve, scoringCalls, simBackends, solveChats } from "./solveHarness";

const LIMITS = { candidateChars: 64 * 1024, solveChars: 1024 * 1024 };
/** The huge hostile candidate as the simulator serves it (its text does not depend on the canary URL). */
const HUGE = hostileSolutions("http://unused/canary").find((c) => c.kind === "huge")!.text;

const chatRequests = solveChats;

/** Every text the reward model was asked to score (not its one-time probe). */
function scoredTexts(sim: SimServer): string[] {
  return scoringCalls(sim).flatMap((r) => (r.body as { input: string[] }).input);
}

describe("solve pipeline: huge and hostile output", function () {
  this.timeout(20000);
  let sim: SimServer | undefined;
  let proxy: FakeServer | null = null;
  afterEach(async () => {
    await proxy?.close();
    proxy = null;
    await sim?.close();
    sim = undefined;
  });

  it("a 1 MB candidate is cut at the candidate limit, marked, not scored, and its request aborted", async () => {
    // Paced so that the server is still sending the huge candidate when the client has had enough.
    sim = await startSimulator({ tokensPerSecond: 200, faults: { hostile: true } });
    const { state } = await runSolve(
      request("What is 1+1?", { n: 2, seed: 0, limits: LIMITS }),
      simBackends(sim),
    );
    assert.equal(state.status, "complete");
    assert.equal(state.error, null);
    const [html, huge] = state.candidates;
    assert.equal(huge!.finishReason, "client-limit");
    assert.equal(huge!.text.length, LIMITS.candidateChars, "cut exactly at the limit");
    assert.equal(huge!.text, HUGE.slice(0, LIMITS.candidateChars));
    assert.equal(huge!.score, null);
    assert.equal(html!.finishReason, "stop");
    assert.notEqual(html!.score, null, "the other candidate is scored as usual");
    const scored = scoredTexts(sim);
    assert.equal(scored.length, 1, "the cut candidate never went to the reward model");
    assert.ok(scored[0]!.includes(html!.text));
    assert.deepEqual(state.order, [0, 1]);
    await sim.idle();
    const [chat] = chatRequests(sim);
    assert.equal(chat!.aborted, true, "the server saw the client stop the request");
    assert.ok(chat!.eventsSent < chat!.eventsPlanned, "and stopped sending the rest of the megabyte");
  });

  it("the solve limit cuts every candidate still streaming and stops the request", async () => {
    sim = await startSimulator({ tokensPerSecond: 200, faults: { hostile: true } });
    const limits = { candidateChars: 64 * 1024, solveChars: 20_000 };
    const { state } = await runSolve(request("What is 1+1?", { n: 6, seed: 0, limits }), simBackends(sim));
    assert.equal(state.status, "complete");
    const total = state.candidates.reduce((sum, c) => sum + c.text.length, 0);
    assert.equal(total, limits.solveChars, "the solve kept exactly its limit");
    assert.ok(state.candidates.every((c) => c.finishReason !== null));
    assert.equal(state.candidates.find((c) => c.index === 1)!.finishReason, "client-limit");
    await sim.idle();
    assert.equal(chatRequests(sim)[0]!.aborted, true);
  });

  it("with one request per candidate (a server that ignores n), only the cut candidate's request is aborted", async () => {
    sim = await startSimulator({ tokensPerSecond: 200, faults: { hostile: true } });
    proxy = await ignoringN(sim);
    const policy = new OpenAiPolicyBackend({ baseUrl: `${proxy.url}/v1`, apiKey: null });
    const { state } = await runSolve(request("What is 1+1?", { n: 3, seed: 0, limits: LIMITS }), {
      ...simBackends(sim),
      policy,
    });
    // Seeds 0, 1, 2: the first request gets the HTML candidate, the fan-out the huge and the fake-UI ones.
    assert.deepEqual(
      state.candidates.map((c) => c.finishReason),
      ["stop", "client-limit", "stop"],
    );
    await sim.idle();
    const bySeed = new Map(chatRequests(sim).map((r) => [(r.body as { seed: number }).seed, r]));
    assert.equal(bySeed.get(1)!.aborted, true, "the huge candidate's own request was stopped");
    assert.deepEqual([bySeed.get(0)!.aborted, bySeed.get(2)!.aborted], [false, false]);
    assert.equal(bySeed.get(2)!.completed, true);
  });

  it("a cut candidate keeps the last \\boxed{} answer before the cut", async () => {
    const scored: string[][] = [];
    const policy: PolicyBackend = {
      baseUrl: "http://fake/v1",
      listModels: async () => [{ id: "m", ownedBy: null, maxModelLen: null }],
      async *generate() {
        yield { index: 0, content: "So \\boxed{5}. ", finishReason: null };
        yield { index: 1, content: "Short: \\boxed{5}", finishReason: "stop" };
        yield { index: 0, content: "Then on and on ".repeat(10), finishReason: null };
        yield { index: 0, content: "\\boxed{6}", finishReason: "stop" };
      },
    };
    const reward: RewardBackend = {
      baseUrl: "http://fake",
      listModels: async () => [{ id: "rm", ownedBy: null, maxModelLen: null }],
      score: async (_m, _p, solutions) => {
        scored.push([...solutions]);
        return { scores: solutions.map(() => 1.5), kind: "raw" };
      },
    };
    const limits = { candidateChars: 40, solveChars: 1000 };
    const { state } = await runSolve(request("p", { n: 2, limits }), { policy, reward });
    const cut = state.candidates[0]!;
    assert.deepEqual([cut.finishReason, cut.answer, cut.text.length], ["client-limit", "5", 40]);
    assert.deepEqual(scored, [["Short: \\boxed{5}"]]);
    assert.deepEqual(state.order, [1, 0], "the scored candidate first");
  });

  it("choices beyond n and a second finish are dropped, never shown, and reported once", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, faults: { badIndices: true } });
    const { state, events } = await runSolve(request("What is 1+1?", { n: 3 }), simBackends(sim));
    assert.equal(state.status, "complete");
    assert.deepEqual(
      state.candidates.map((c) => c.index),
      [0, 1, 2],
    );
    assert.ok(state.candidates.every((c) => !/GHOST|SECOND FINISH/.test(c.text)));
    assert.ok(state.candidates.every((c) => c.answer !== "666" && c.answer !== "777"));
    assert.ok(
      events.every((e) => !("index" in e) || e.index < 3),
      "no event names a choice outside 0…2",
    );
    assert.deepEqual(state.order.slice().sort(), [0, 1, 2]);
    const warnings = state.warnings.filter((w) => w.code === "ignored-choices");
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /choice indices outside 0…2 \(7, 100000000\)/);
    assert.match(warnings[0]!.message, /a second finish for candidate 0/);
    assert.match(warnings[0]!.message, new RegExp(`at ${sim.policyBaseUrl}`));
  });
});
