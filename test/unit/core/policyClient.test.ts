import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { OpenAiPolicyBackend } from "../../../src/backends/http/openaiPolicy";
import type { ChoiceChunk } from "../../../src/core/backend/ports";
import { loadDataset, startSimulator, type SimServer } from "../../sim";
import { ignoringN, startFakeServer, type FakeServer } from "./fakeServer";
import { request, solveChats } from "./solveHarness";

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
    assert.match(notices[0]!, /"n" ignored \(one request per candidate\).*seed \+ i/);
    const probe = sim.requests.find((r) => r.path === "/v1/chat/completions")!.body as Record<
      string,
      unknown
    >;
    assert.deepEqual([probe.max_tokens, probe.stream], [1, false], "learnt by a one-token probe");
    const seeds = solveChats(sim).map((r) => (r.body as { seed: number }).seed);
    assert.deepEqual(seeds.sort(), [10, 11, 12, 13]);
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

describe("OpenAI-compatible policy client: odd stream events", () => {
  let server: FakeServer | null = null;
  afterEach(async () => server?.close());

  it("skips an event without choices (with a log line) and one with unknown fields; other choices unaffected", async () => {
    const events = [
      {
        choices: [{ index: 1, delta: { content: "B" }, finish_reason: null, vendor_extra: { x: 1 } }],
        extra: true,
      },
      { object: "keepalive" },
      { choices: [{ index: 0, delta: { content: "A" }, finish_reason: "stop" }] },
      { choices: [{ index: 1, delta: { content: "b" }, finish_reason: "stop" }] },
    ];
    server = await startFakeServer((req, res) => {
      if (!(req.body as { stream?: boolean }).stream) {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ choices: [{ index: 0 }, { index: 1 }] }));
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`${events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("")}data: [DONE]\n\n`);
    });
    const logs: string[] = [];
    const client = new OpenAiPolicyBackend({
      baseUrl: `${server.url}/v1`,
      apiKey: null,
      onLog: (m) => logs.push(m),
    });
    const texts = await collect(
      client.generate({ ...request("p", { n: 2 }), model: "m" }, new AbortController().signal),
    );
    assert.deepEqual([...texts.entries()].sort(), [
      [0, "A"],
      [1, "Bb"],
    ]);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /Skipped a stream event .* no "choices" array/);
  });
});

describe("OpenAI-compatible policy client: a probe the server refuses", () => {
  let sim: SimServer;
  let proxy: FakeServer | null = null;
  afterEach(async () => {
    await proxy?.close();
    await sim?.close();
  });

  it("does not guess from an unrelated 400: the solve's own request settles what n does", async () => {
    sim = await startSimulator({ tokensPerSecond: 0 });
    // A picky hosted API: refuses the one-token probe (max_tokens too small), serves real requests.
    proxy = await startFakeServer((req, res) => {
      if ((req.body as { max_tokens?: number } | undefined)?.max_tokens === 1) {
        res.writeHead(400, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ error: { message: "max_tokens must be at least 16" } }));
      }
      const upstream = httpRequest(
        `${sim.url}${req.path}`,
        { method: req.method, headers: { "content-type": "application/json" } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.end(req.body === undefined ? undefined : JSON.stringify(req.body));
    });
    const client = new OpenAiPolicyBackend({ baseUrl: `${proxy.url}/v1`, apiKey: null });
    const texts = await collect(
      client.generate(
        { ...request(loadDataset().problems[0]!.problem, { n: 3 }), model: sim.policyModel },
        new AbortController().signal,
      ),
    );
    assert.equal(texts.size, 3);
    assert.deepEqual(client.profile().n, { kind: "honoured" }, "learnt from the real answer");
  });
});
