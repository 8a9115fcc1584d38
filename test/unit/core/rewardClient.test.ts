import assert from "node:assert/strict";
import { BackendError } from "../../../src/core/backend/errors";
import { VllmRewardBackend } from "../../../src/core/backend/vllmReward";
import { sendJson, startFakeServer, type FakeServer, type SeenRequest } from "./fakeServer";

const signal = new AbortController().signal;

function classifyAnswer(scores: number[], order = scores.map((_, i) => i)) {
  return {
    object: "list",
    data: order.map((index) => ({ index, label: "LABEL_0", probs: [scores[index]], num_classes: 1 })),
  };
}

describe("vLLM reward client", () => {
  let server: FakeServer;
  afterEach(async () => server?.close());

  it("maps scores back by data[i].index, whatever the response order", async () => {
    server = await startFakeServer((_req, res) =>
      sendJson(res, 200, classifyAnswer([0.5, -2.125, 5.4375], [2, 0, 1])),
    );
    const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
    const result = await client.score("rm", "p", ["a", "b", "c"], signal);
    assert.deepEqual(result, { scores: [0.5, -2.125, 5.4375], kind: "raw" });
    assert.equal(server.seen[0]!.path, "/classify");
    assert.equal((server.seen[0]!.body as { use_activation: boolean }).use_activation, false);
  });

  it("strips a trailing /v1 from the base URL (the reward endpoints live at the root)", async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, classifyAnswer([1.5])));
    const client = new VllmRewardBackend({ baseUrl: `${server.url}/v1/`, apiKey: null });
    await client.score("rm", "p", ["a"], signal);
    assert.equal(server.seen[0]!.path, "/classify");
  });

  const dialects: [string, (req: SeenRequest) => boolean, string[], "raw" | "sigmoid"][] = [
    ["newest vLLM: use_activation", () => true, ["use_activation"], "raw"],
    [
      "older vLLM: activation",
      (req) => !("use_activation" in (req.body as object)),
      ["use_activation", "activation"],
      "raw",
    ],
    [
      "a server that rejects both flags: sigmoid, and says so",
      (req) => !("use_activation" in (req.body as object)) && !("activation" in (req.body as object)),
      ["use_activation", "activation", "(none)"],
      "sigmoid",
    ],
  ];
  for (const [name, accepts, flagsTried, kind] of dialects) {
    it(`negotiates the raw-score flag: ${name}`, async () => {
      server = await startFakeServer((req, res) =>
        accepts(req)
          ? sendJson(res, 200, classifyAnswer([0.25]))
          : sendJson(res, 400, {
              error: { message: "Extra inputs are not permitted", type: "BadRequestError", code: 400 },
            }),
      );
      const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
      const result = await client.score("rm", "p", ["a"], signal);
      assert.equal(result.kind, kind);
      const flags = server.seen.map(
        (r) => Object.keys(r.body as object).find((k) => k.includes("activation")) ?? "(none)",
      );
      assert.deepEqual(flags, flagsTried);
      // The dialect is remembered: the next call goes straight to what worked.
      await client.score("rm", "p", ["b"], signal);
      assert.equal(server.seen.length, flagsTried.length + 1);
    });
  }

  it("speaks SGLang's /classify: text in, embedding[0] out", async () => {
    server = await startFakeServer((req, res) =>
      "text" in (req.body as object)
        ? sendJson(res, 200, [{ embedding: [2.5] }, { embedding: [-0.75] }])
        : sendJson(res, 400, { error: { message: "text is required" } }),
    );
    const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
    assert.deepEqual(await client.score("rm", "p", ["a", "b"], signal), {
      scores: [2.5, -0.75],
      kind: "raw",
    });
    const body = server.seen.at(-1)!.body as { text: string[] };
    assert.match(body.text[0]!, /^<\|im_start\|>system\n/);
  });

  it("concurrent calls each find the working dialect and agree on it", async () => {
    server = await startFakeServer((req, res) =>
      "use_activation" in (req.body as object)
        ? sendJson(res, 400, { error: { message: "Extra inputs are not permitted" } })
        : sendJson(res, 200, classifyAnswer((req.body as { input: string[] }).input.map(() => 1.5))),
    );
    const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
    const results = await Promise.all(
      [1, 2, 3].map((k) => client.score("rm", "p", Array(k).fill("s"), signal)),
    );
    assert.deepEqual(
      results.map((r) => r.kind),
      ["raw", "raw", "raw"],
      "nobody skipped to the sigmoid default",
    );
    await client.score("rm", "p", ["x"], signal);
    assert.ok(
      "activation" in (server.seen.at(-1)!.body as object),
      "the next call goes straight to `activation`",
    );
  });

  it("falls back to /pooling and takes the last value of a token-level reward", async () => {
    server = await startFakeServer((req, res) =>
      req.path === "/pooling"
        ? sendJson(res, 200, {
            data: [
              { index: 0, object: "pooling", data: [0.1, 0.2, 3.5] },
              { index: 1, object: "pooling", data: [-1] },
            ],
          })
        : sendJson(res, 404, { detail: "Not Found" }),
    );
    const result = await new VllmRewardBackend({ baseUrl: server.url, apiKey: null }).score(
      "rm",
      "p",
      ["a", "b"],
      signal,
    );
    assert.deepEqual(result, { scores: [3.5, -1], kind: "raw" });
  });

  it("rejects a response without scores as malformed", async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, { data: [{ index: 0 }] }));
    await assert.rejects(
      new VllmRewardBackend({ baseUrl: server.url, apiKey: null }).score("rm", "p", ["a"], signal),
      (error: unknown) => error instanceof BackendError && error.kind === "malformed",
    );
  });

  it("rejects a response with too few scores", async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, classifyAnswer([1])));
    await assert.rejects(
      new VllmRewardBackend({ baseUrl: server.url, apiKey: null }).score("rm", "p", ["a", "b"], signal),
      /expected 2 scores, got 1/,
    );
  });

  it("sends the API key as a bearer token", async () => {
    let auth: string | undefined;
    server = await startFakeServer((_req, res, raw) => {
      auth = raw.headers.authorization;
      sendJson(res, 200, classifyAnswer([1]));
    });
    await new VllmRewardBackend({ baseUrl: server.url, apiKey: "sk-test" }).score("rm", "p", ["a"], signal);
    assert.equal(auth, "Bearer sk-test");
  });
});
