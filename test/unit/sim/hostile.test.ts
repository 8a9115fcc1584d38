// Tests of the simulated backend's hostile modes (a TEST FIXTURE): hostile and huge candidates, choice indices
// beyond n, and the canary path that records any followed link.
import assert from "node:assert/strict";
import { parseSimArgs } from "../../sim/cli-args";
import { HUGE_PIECE_CHARS } from "../../sim/hostile";
import { startSimulator, type SimServer } from "../../sim/server";
import { chatBody, postJson, streamChunks, textsByIndex, type StreamChunk } from "./helpers";

const ESC = "\u001b";

describe("simulated backend: hostile modes", () => {
  let server: SimServer;
  let started: SimServer | undefined;
  const start = async (options: Parameters<typeof startSimulator>[0]) =>
    (server = started = await startSimulator(options));
  afterEach(async () => {
    await started?.idle();
    await started?.close();
    started = undefined;
  });

  async function stream(extra: Record<string, unknown>): Promise<StreamChunk[]> {
    const response = await postJson(
      `${server.policyBaseUrl}/chat/completions`,
      chatBody("What is 1+1?", { stream: true, temperature: 0.7, ...extra }),
    );
    return streamChunks(await response.text());
  }

  it("streams one candidate of each hostile kind, whole, whatever max_tokens says", async () => {
    await start({ tokensPerSecond: 0, faults: { hostile: true } });
    const chunks = await stream({ n: 6, seed: 0, max_tokens: 5 });
    const texts = textsByIndex(chunks);
    const canary = `http://127.0.0.1:${server.port}/canary`;
    const [html, huge, fakeUi, tex, terminal, markdown] = [0, 1, 2, 3, 4, 5].map((i) => texts.get(i)!);
    assert.match(html!, /<script>alert\(1\)<\/script>/);
    assert.match(html!, /<img src=x onerror=/);
    assert.equal(huge!.length, 1_000_000, "about a megabyte by default");
    assert.ok(huge!.endsWith("\\(\\boxed{42}\\)."));
    assert.match(fakeUi!, /^# #1 ANSWER 999 SCORE 99\.99 \(verified by AceMath\)$/m);
    assert.ok(fakeUi!.includes(`](${canary}?fake-button)`), "a markdown link to this listener's canary");
    assert.ok(fakeUi!.includes("(https://example.com)"));
    const primitives = "\\input{/etc/passwd}\\immediate\\write18{";
    assert.ok(tex!.split("\\boxed{")[0]!.includes(primitives), "outside \\boxed{}");
    assert.ok(tex!.split("\\boxed{")[1]!.includes(primitives), "and inside it");
    assert.ok(terminal!.startsWith(`${ESC}[2J`));
    assert.match(terminal!, /\u202e/);
    assert.ok(markdown!.includes("file:///etc/passwd"));
    const finishes = chunks.flatMap((c) => c.choices.filter((x) => x.finish_reason !== null));
    assert.deepEqual(
      finishes.map((x) => [x.index, x.finish_reason]).sort(),
      [0, 1, 2, 3, 4, 5].map((i) => [i, "stop"]),
    );
    const hugePieces = chunks.flatMap((c) => c.choices.filter((x) => x.index === 1));
    assert.ok(hugePieces.every((x) => (x.delta.content ?? "").length <= HUGE_PIECE_CHARS));
  });

  it("takes the huge candidate's size from hugeChars, and rotates the kinds with the seed", async () => {
    await start({ tokensPerSecond: 0, faults: { hostile: true, hugeChars: 50_000 } });
    const texts = textsByIndex(await stream({ n: 1, seed: 1 }));
    assert.equal(texts.get(0)!.length, 50_000, "seed 1: choice 0 is the huge kind");
  });

  it("records requests to the canary path, and only those count as canary hits", async () => {
    await start({ tokensPerSecond: 0, faults: { hostile: true } });
    await fetch(`${server.policyBaseUrl}/models`);
    assert.deepEqual(server.canaryHits(), []);
    const response = await fetch(`${server.url}/canary?fake-button`);
    assert.equal(response.status, 200);
    await fetch(`${server.url}/canary.png`);
    assert.deepEqual(
      server.canaryHits().map((r) => r.path),
      ["/canary", "/canary.png"],
    );
  });

  it("bad indices: choices 7 and 100000000 with n = 3, and a second finish for choice 0", async () => {
    await start({ tokensPerSecond: 0, faults: { badIndices: true } });
    const chunks = await stream({ n: 3, seed: 2 });
    const indices = new Set(chunks.flatMap((c) => c.choices.map((x) => x.index)));
    assert.deepEqual(
      [...indices].sort((a, b) => a - b),
      [0, 1, 2, 7, 100_000_000],
    );
    const finishesOf0 = chunks.flatMap((c) => c.choices.filter((x) => x.index === 0 && x.finish_reason));
    assert.equal(finishesOf0.length, 2);
    await server.idle();
    const record = server.requests.at(-1)!;
    assert.equal(record.eventsSent, record.eventsPlanned, "the extra events are planned events");
  });

  it("`npm run sim` turns both modes on from flags or SIM_FAULTS", () => {
    const fromFlags = parseSimArgs(["--fault", "hostile:2000", "--fault", "bad-indices"], {});
    assert.deepEqual(fromFlags.faults, { hostile: true, hugeChars: 2000, badIndices: true });
    const fromEnv = parseSimArgs([], { SIM_FAULTS: "hostile,bad-indices" });
    assert.deepEqual(fromEnv.faults, { hostile: true, badIndices: true });
  });
});
