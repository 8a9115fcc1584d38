import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { OpenAiPolicyBackend } from "../../../src/core/backend/openaiPolicy";
import type { ChoiceChunk } from "../../../src/core/backend/ports";
import { loadDataset, startSimulator, type SimServer } from "../../sim";
import { startFakeServer, type FakeServer } from "./fakeServer";
import { request } from "./solveHarness";

/** An Ollama-like server: forwards to the simulator but forces n = 1, as servers that ignore `n` do. */
async function ignoringN(sim: SimServer): Promise<FakeServer> {
  return startFakeServer((req, res) => {
    const body = req.body === undefined ? undefined : JSON.stringify({ ...(req.body as object), n: 1 });
    const upstream = httpRequest(
      `${sim.url}${req.path}`,
      { method: req.method, headers: body ? { "content-type": "application/json" } : {} },
      (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.end(body);
  });
}

async function collect(pieces: AsyncIterable<ChoiceChunk>): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  for await (const piece of pieces) texts.set(piece.index, (texts.get(piece.index) ?? "") + piece.content);
  return texts;
}

describe("OpenAI-compatible policy client", function () {
  this.timeout(15000);
  let sim: SimServer;
  let proxy: FakeServer | null = null;
  afterEach(async () => {
    await proxy?.close();
    proxy = null;
    await sim?.close();
  });
  const problem = loadDataset().problems[0]!.problem;

  it("lists models with vLLM's extra fields", async () => {
    sim = await startSimulator();
    const models = await new OpenAiPolicyBackend({ baseUrl: sim.policyBaseUrl, apiKey: null }).listModels(
      new AbortController().signal,
    );
    assert.ok(
      models.some(
        (m) =>
          m.id === "nvidia/AceMath-7B-Instruct" &&
          m.maxModelLen === 4096 &&
          m.ownedBy === "acemath-simulator",
      ),
    );
  });

  it("detects a server that ignores n and fans out one request per candidate, each with its own seed", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    proxy = await ignoringN(sim);
    const notices: string[] = [];
    const client = new OpenAiPolicyBackend({
      baseUrl: `${proxy.url}/v1`,
      apiKey: null,
      onNotice: (m) => notices.push(m),
    });
    const texts = await collect(
      client.generate(
        { ...request(problem, { n: 4, seed: 10 }), model: sim.policyModel },
        new AbortController().signal,
      ),
    );
    assert.deepEqual([...texts.keys()].sort(), [0, 1, 2, 3]);
    assert.match(notices[0]!, /ignores "n".*3 more requests/);
    const seeds = sim.requests
      .filter((r) => r.path === "/v1/chat/completions")
      .map((r) => (r.body as { seed: number }).seed);
    assert.deepEqual(seeds, [10, 11, 12, 13]);
    // The next solve goes straight to one request per candidate.
    sim.requests.length = 0;
    await collect(
      client.generate(
        { ...request(problem, { n: 2, seed: 1 }), model: sim.policyModel },
        new AbortController().signal,
      ),
    );
    assert.equal(sim.requests.filter((r) => r.path === "/v1/chat/completions").length, 2);
  });
});
