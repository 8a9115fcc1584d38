import assert from "node:assert/strict";
import { RewardBatcher, type RewardPair } from "../../../src/core/eval/rewardBatcher";

/** A reward server stand-in: each score says which problem and solution it was computed from. */
function fakeServer() {
  const requests: RewardPair[][] = [];
  const held: (() => void)[] = [];
  let hold = false;
  const score = (pair: RewardPair) => pair.problem.length * 1000 + Number(pair.solution.replace(/\D/g, ""));
  return {
    requests,
    holdNext: () => (hold = true),
    release: () => held.splice(0).forEach((go) => go()),
    send: async (pairs: readonly RewardPair[]) => {
      requests.push([...pairs]);
      if (hold) {
        hold = false;
        await new Promise<void>((resolve) => held.push(resolve));
      }
      if (pairs.some((p) => p.solution === "fail")) throw new Error("server down");
      return pairs.map(score);
    },
  };
}

const signal = new AbortController().signal;
const texts = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `s${from + i}`);

describe("RewardBatcher: several problems per reward request", () => {
  it("problems ready in the same turn share one request; each gets its own scores, in order", async () => {
    const server = fakeServer();
    const batcher = new RewardBatcher(server.send, { maxInputs: 64, maxTokens: 1e6, maxInFlight: 2 });
    const [a, b, c] = await Promise.all([
      batcher.score("p", texts(3), signal),
      batcher.score("pp", texts(2, 10), signal),
      batcher.score("ppp", texts(4, 20), signal),
    ]);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]!.length, 9);
    assert.deepEqual(a, [1000, 1001, 1002]);
    assert.deepEqual(b, [2010, 2011]);
    assert.deepEqual(c, [3020, 3021, 3022, 3023]);
  });

  it("splits at maxInputs (a problem may span two requests) and reassembles its scores", async () => {
    const server = fakeServer();
    const batcher = new RewardBatcher(server.send, { maxInputs: 5, maxTokens: 1e6, maxInFlight: 4 });
    const [a, b] = await Promise.all([
      batcher.score("p", texts(3), signal),
      batcher.score("pp", texts(4, 5), signal),
    ]);
    assert.deepEqual(
      server.requests.map((r) => r.length),
      [5, 2],
    );
    assert.deepEqual(
      server.requests[0]!.map((p) => p.problem),
      ["p", "p", "p", "pp", "pp"],
    );
    assert.deepEqual(a, [1000, 1001, 1002]);
    assert.deepEqual(b, [2005, 2006, 2007, 2008]);
  });

  it("bounds a request's estimated tokens, but sends an input larger than the bound alone", async () => {
    const server = fakeServer();
    const batcher = new RewardBatcher(server.send, { maxInputs: 64, maxTokens: 6, maxInFlight: 8 });
    const long = `s9 ${"word ".repeat(50)}`;
    await Promise.all([batcher.score("p", ["s1", "s2", long, "s3"], signal)]);
    assert.ok(server.requests.length >= 3, `${server.requests.length} requests`);
    assert.ok(server.requests.some((r) => r.length === 1 && r[0]!.solution === long));
    assert.equal(server.requests.flat().length, 4);
  });

  it("while maxInFlight requests are out, problems that become ready wait and then go together", async () => {
    const server = fakeServer();
    const batcher = new RewardBatcher(server.send, { maxInputs: 64, maxTokens: 1e6, maxInFlight: 1 });
    server.holdNext();
    const first = batcher.score("p", texts(2), signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(server.requests.length, 1, "the first problem went alone");
    const later = [1, 2, 3].map(async (i) => {
      await new Promise((resolve) => setTimeout(resolve, i));
      return batcher.score("p".repeat(i + 1), texts(2, 10 * i), signal);
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(server.requests.length, 1, "nothing more is sent while one request is out");
    server.release();
    const results = await Promise.all([first, ...later]);
    assert.equal(server.requests.length, 2, "the three waiting problems shared the next request");
    assert.equal(server.requests[1]!.length, 6);
    assert.deepEqual(results, [
      [1000, 1001],
      [2010, 2011],
      [3020, 3021],
      [4030, 4031],
    ]);
  });

  it("a failed request fails its own problems only", async () => {
    const server = fakeServer();
    const batcher = new RewardBatcher(server.send, { maxInputs: 2, maxTokens: 1e6, maxInFlight: 4 });
    const results = await Promise.allSettled([
      batcher.score("p", ["s1", "s2"], signal),
      batcher.score("pp", ["s3", "fail"], signal),
      batcher.score("ppp", ["s4", "s5"], signal),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ["fulfilled", "rejected", "fulfilled"],
    );
    assert.deepEqual((results[2] as PromiseFulfilledResult<number[]>).value, [3004, 3005]);
  });

  it("a problem given up (its signal aborted) is rejected and not sent", async () => {
    const server = fakeServer();
    const batcher = new RewardBatcher(server.send, { maxInputs: 64, maxTokens: 1e6, maxInFlight: 1 });
    server.holdNext();
    const first = batcher.score("p", ["s1"], signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const abort = new AbortController();
    const dropped = batcher.score("pp", ["s2"], abort.signal);
    const kept = batcher.score("ppp", ["s3"], signal);
    abort.abort(new Error("stopped"));
    await assert.rejects(dropped, /stopped/);
    server.release();
    assert.deepEqual(await Promise.all([first, kept]), [[1001], [3003]]);
    assert.deepEqual(
      server.requests.map((r) => r.map((p) => p.solution)),
      [["s1"], ["s3"]],
    );
  });
});
