// What each server family does with `n`, learnt once per endpoint, and the fan-out that follows
// (docs/protocol.md §2), against the simulator's family modes.
import assert from "node:assert/strict";
import { OpenAiPolicyBackend } from "../../../src/backends/http/openaiPolicy";
import { loadDataset, startSimulator, type SimFamily, type SimServer } from "../../sim";
import { request, runSolve, simBackends, solveChats } from "./solveHarness";

const problem = loadDataset().problems.find((p) => p.source === "math_cot_100")!.problem;

interface FamilyCase {
  family: SimFamily;
  slots?: number;
  n: { kind: string; max?: number };
  /** The `n` of each generation request of an 8-candidate solve, sorted. */
  requestSizes: number[];
}

const CASES: FamilyCase[] = [
  { family: "vllm", n: { kind: "honoured" }, requestSizes: [8] },
  { family: "sglang", n: { kind: "honoured" }, requestSizes: [8] },
  { family: "llamacpp-old", n: { kind: "refused" }, requestSizes: [1, 1, 1, 1, 1, 1, 1, 1] },
  { family: "llamacpp-new", slots: 3, n: { kind: "capped", max: 3 }, requestSizes: [2, 3, 3] },
  { family: "ollama", n: { kind: "ignored" }, requestSizes: [1, 1, 1, 1, 1, 1, 1, 1] },
];

describe("server families: n honoured, capped, refused or ignored", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close());

  for (const c of CASES) {
    it(`${c.family}: learns "n" ${c.n.kind} and gets all 8 candidates with seeds seed + i`, async () => {
      sim = await startSimulator({ tokensPerSecond: 0, family: c.family, slots: c.slots });
      const deps = simBackends(sim, { reward: false });
      const { state } = await runSolve(request(problem, { n: 8, seed: 100 }), deps);
      assert.equal(state.status, "complete", state.error?.message);
      assert.deepEqual(
        state.candidates.map((cand) => [cand.index, cand.finishReason]),
        [...Array(8).keys()].map((i) => [i, "stop"]),
      );
      const policy = deps.policy as OpenAiPolicyBackend;
      const learnt = policy.profile().n;
      assert.equal(learnt?.kind, c.n.kind);
      if (c.n.max !== undefined) assert.equal((learnt as { max: number }).max, c.n.max);
      // The probe asks for all n at one token each, so even a slot cap is learnt before the solve.
      assert.equal(solveChats(sim).filter((r) => r.status === 400).length, 0);
      const chats = solveChats(sim)
        .filter((r) => r.status === 200)
        .map((r) => r.body as { n: number; seed: number });
      assert.deepEqual(chats.map((b) => b.n).sort(), c.requestSizes);
      // Each request's seed is seed + its first candidate, so candidate i always has seed + i.
      const firsts = chats.map((b) => b.seed - 100).sort((a, b) => a - b);
      const expected: number[] = [];
      for (let first = 0, k = 0; first < 8; first += [...c.requestSizes].sort((a, b) => b - a)[k++]!)
        expected.push(first);
      assert.deepEqual(firsts, expected);
      // Remembered: a second solve sends no probe and no refused request.
      sim.requests.length = 0;
      await runSolve(request(problem, { n: 8, seed: 100 }), deps);
      const again = sim.requests.filter((r) => r.path === "/v1/chat/completions");
      assert.ok(again.every((r) => r.status === 200));
      assert.equal(again.length, c.requestSizes.length, "no probe the second time");
    });

    it(`${c.family}: the panel says once whether the candidates were fanned out`, async () => {
      sim = await startSimulator({ tokensPerSecond: 0, family: c.family, slots: c.slots });
      const { state } = await runSolve(request(problem, { n: 8 }), simBackends(sim, { reward: false }));
      const notes = state.warnings.filter((w) => w.code === "n-unsupported");
      if (c.n.kind === "honoured") return assert.deepEqual(notes, []);
      assert.equal(notes.length, 1, "one sentence, not one per request");
      const requests =
        c.requestSizes.length === 8 ? "8 separate requests" : `${c.requestSizes.length} requests`;
      assert.match(
        notes[0]!.message,
        new RegExp(
          `^The policy server at ${sim.policyBaseUrl} .*, so the 8 candidates go out as ${requests} \\(seed \\+ i each, at most 4 at a time\\)\\.$`,
        ),
      );
    });
  }

  it("ollama found out only by the first request (no probe): still one sentence in the panel", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, family: "ollama" });
    // The probe was answered before the server's behaviour was known (e.g. by a proxy): nothing learnt.
    const policy = new OpenAiPolicyBackend({ baseUrl: sim.policyBaseUrl, apiKey: null });
    (policy as unknown as { nSupport: () => Promise<null> }).nSupport = async () => null;
    const { state } = await runSolve(request(problem, { n: 4 }), { policy, reward: null });
    assert.equal(state.candidates.length, 4);
    const notes = state.warnings.filter((w) => w.code === "n-unsupported");
    assert.equal(notes.length, 1);
    assert.match(
      notes[0]!.message,
      /ignores "n" and writes one candidate per request, so the 4 candidates go out as 4 separate requests/,
    );
  });

  it("a slot cap found only by a larger solve: the refused request is split, and the cap remembered", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, family: "llamacpp-new", slots: 3 });
    const notices: string[] = [];
    const policy = new OpenAiPolicyBackend({
      baseUrl: sim.policyBaseUrl,
      apiKey: null,
      onNotice: (m) => notices.push(m),
    });
    await policy.nSupport(sim.policyModel, new AbortController().signal, 2); // an earlier solve of 2
    const { state } = await runSolve(request(problem, { n: 8, seed: 5 }), { policy, reward: null });
    assert.equal(state.status, "complete", state.error?.message);
    assert.equal(state.candidates.length, 8);
    assert.deepEqual(policy.profile().n, { kind: "capped", max: 3 });
    assert.equal(
      solveChats(sim).filter((r) => r.status === 400).length,
      1,
      "one refused request, then split",
    );
    assert.match(notices.at(-1)!, /capped at 3/);
  });

  it("one-by-one requests run under the concurrency cap", async () => {
    sim = await startSimulator({ tokensPerSecond: 400, family: "ollama" });
    const policy = new OpenAiPolicyBackend({ baseUrl: sim.policyBaseUrl, apiKey: null, concurrency: 2 });
    let open = 0;
    let most = 0;
    const timer = setInterval(() => {
      open = sim.requests.filter(
        (r) => r.path === "/v1/chat/completions" && !r.completed && !r.aborted,
      ).length;
      most = Math.max(most, open);
    }, 2);
    const { state } = await runSolve(request(problem, { n: 6 }), { policy, reward: null });
    clearInterval(timer);
    assert.equal(state.status, "complete");
    assert.ok(most <= 2, `at most 2 requests at once (saw ${most})`);
    assert.equal(solveChats(sim).length, 6);
  });

  it("a fan-out request that fails aborts its siblings: nothing is left generating", async () => {
    sim = await startSimulator({ tokensPerSecond: 300, family: "ollama" });
    const deps = simBackends(sim, { reward: false });
    await (deps.policy as OpenAiPolicyBackend).nSupport(sim.policyModel, new AbortController().signal);
    sim.setFaults({ dropAfterEvents: 40, times: 1 });
    const { state } = await runSolve(request(problem, { n: 4 }), deps);
    assert.equal(state.status, "failed");
    await sim.idle();
    const chats = solveChats(sim);
    assert.ok(chats.some((r) => r.dropped));
    assert.ok(
      chats.every((r) => r.dropped || r.aborted || r.completed),
      "every other request ended: aborted by the client or already complete",
    );
  });
});
