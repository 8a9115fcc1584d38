import assert from "node:assert/strict";
import { BackendError } from "../../../src/core/backend/errors";
import { VllmRewardBackend } from "../../../src/backends/http/vllmReward";
import { renderRewardInput } from "../../../src/core/prompts";
import { sendJson, startFakeServer, type FakeServer, type SeenRequest } from "./fakeServer";

const signal = new AbortController().signal;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function classifyAnswer(scores: number[], order = scores.map((_, i) => i)) {
  return {
    object: "list",
    data: order.map((index) => ({ index, label: "LABEL_0", probs: [scores[index]], num_classes: 1 })),
  };
}

interface Body {
  input: string[];
  use_activation?: boolean;
  activation?: boolean;
}

/**
 * A vLLM-like /classify: the raw score of an input is its length / 100; the default activation (sigmoid)
 * applies unless the flag this "version" honours is false. Unknown fields are ignored, as vLLM does.
 */
function vllmClassify(honours: "use_activation" | "activation" | null, order?: (n: number) => number[]) {
  return (req: SeenRequest, res: Parameters<typeof sendJson>[0]) => {
    const body = req.body as Body;
    const raw = body.input.map((text) => text.length / 100);
    const activation = honours === null || body[honours] !== false;
    sendJson(res, 200, classifyAnswer(activation ? raw.map(sigmoid) : raw, order?.(raw.length)));
  };
}

const flagOf = (r: SeenRequest) =>
  Object.keys(r.body as object).find((k) => k.includes("activation")) ?? "(none)";

describe("vLLM reward client", () => {
  let server: FakeServer;
  afterEach(async () => server?.close());

  it("maps scores back by data[i].index, whatever the response order", async () => {
    server = await startFakeServer(vllmClassify("use_activation", (n) => [...Array(n).keys()].reverse()));
    const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
    const result = await client.score("rm", "p", ["a", "bb", "ccc"], signal);
    const lengths = result.scores.map((s) => Math.round(s! * 100));
    assert.deepEqual(
      lengths,
      [...lengths].sort((a, b) => a - b),
      "input order, not response order",
    );
    assert.equal(result.kind, "raw");
    assert.equal(server.seen.at(-1)!.path, "/classify");
    assert.equal((server.seen.at(-1)!.body as Body).use_activation, false);
  });

  it("strips a trailing /v1 from the base URL (the reward endpoints live at the root)", async () => {
    server = await startFakeServer(vllmClassify("use_activation"));
    const client = new VllmRewardBackend({ baseUrl: `${server.url}/v1/`, apiKey: null });
    await client.score("rm", "p", ["a"], signal);
    assert.ok(server.seen.every((r) => r.path === "/classify"));
  });

  const versions: [string, "use_activation" | "activation" | null, string[], "raw" | "sigmoid"][] = [
    ["newest vLLM honours use_activation", "use_activation", ["(none)", "use_activation"], "raw"],
    ["older vLLM honours activation", "activation", ["(none)", "use_activation", "activation"], "raw"],
    [
      "vLLM before the flag ignores both: sigmoid, and labelled so",
      null,
      ["(none)", "use_activation", "activation"],
      "sigmoid",
    ],
  ];
  for (const [name, honours, probes, kind] of versions) {
    it(`learns from the values, not from errors: ${name}`, async () => {
      server = await startFakeServer(vllmClassify(honours));
      const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
      const result = await client.score("rm", "p", ["a solution"], signal);
      assert.equal(result.kind, kind);
      assert.deepEqual(
        server.seen.slice(0, probes.length).map(flagOf),
        probes,
        "the same input, flag on and off",
      );
      const scoring = server.seen.slice(probes.length);
      assert.deepEqual(scoring.map(flagOf), [honours ?? "(none)"]);
      const raw = renderRewardInput("p", "a solution").length / 100;
      assert.ok(Math.abs(result.scores[0]! - (kind === "raw" ? raw : sigmoid(raw))) < 1e-9);
      // Remembered: the next call sends only the scoring request.
      await client.score("rm", "p", ["b"], signal);
      assert.equal(server.seen.length, probes.length + 2);
      assert.equal(client.profile()?.kind, kind);
    });
  }

  it("a flag refused with an error that names it counts as not honoured", async () => {
    server = await startFakeServer((req, res) =>
      "use_activation" in (req.body as object)
        ? sendJson(res, 400, {
            error: { message: "use_activation: Extra inputs are not permitted", code: 400 },
          })
        : vllmClassify("activation")(req, res),
    );
    const result = await new VllmRewardBackend({ baseUrl: server.url, apiKey: null }).score(
      "rm",
      "p",
      ["x"],
      signal,
    );
    assert.equal(result.kind, "raw");
    assert.equal(flagOf(server.seen.at(-1)!), "activation");
  });

  it("a 400 that names no field is reported as it is, without trying other request shapes", async () => {
    server = await startFakeServer((_req, res) =>
      sendJson(res, 400, { error: { message: "The model does not support Classification API", code: 400 } }),
    );
    await assert.rejects(
      new VllmRewardBackend({ baseUrl: server.url, apiKey: null }).score("rm", "p", ["a"], signal),
      (error: unknown) =>
        error instanceof BackendError &&
        error.status === 400 &&
        /does not support Classification API/.test(error.message),
    );
    assert.equal(server.seen.length, 1, "one request, no walk through dialects");
  });

  it("speaks SGLang's /classify when the server asks for `text`: text in, embedding[0] out", async () => {
    server = await startFakeServer((req, res) =>
      "text" in (req.body as object)
        ? sendJson(
            res,
            200,
            (req.body as { text: string[] }).text.map((_, i) => ({
              index: i,
              embedding: [i === 0 ? 2.5 : -0.75],
            })),
          )
        : sendJson(res, 400, { error: { message: "Field required: text" } }),
    );
    const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
    assert.deepEqual(await client.score("rm", "p", ["a", "b"], signal), {
      scores: [2.5, -0.75],
      kind: "raw",
    });
    const body = server.seen.at(-1)!.body as { text: string[] };
    assert.match(body.text[0]!, /^<\|im_start\|>system\n/);
    assert.equal(client.profile()?.endpoint, "sglang /classify");
  });

  it("concurrent calls share one probe and agree on the dialect", async () => {
    server = await startFakeServer(vllmClassify("activation"));
    const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
    const results = await Promise.all(
      [1, 2, 3].map((k) => client.score("rm", "p", Array(k).fill("s"), signal)),
    );
    assert.deepEqual(
      results.map((r) => r.kind),
      ["raw", "raw", "raw"],
    );
    assert.equal(server.seen.length, 3 + 3, "three probe requests, then one per call");
  });

  it("falls back to /pooling and takes the last value of a token-level reward", async () => {
    server = await startFakeServer((req, res) =>
      req.path === "/pooling"
        ? sendJson(res, 200, {
            data: (req.body as Body).input.map((_, index) => ({
              index,
              object: "pooling",
              data: index === 0 ? [0.1, 0.2, 3.5] : [-1],
            })),
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

  it("a candidate too long for the reward model's context: its error is kept, the others are scored", async () => {
    const limit = 400;
    server = await startFakeServer((req, res) => {
      const body = req.body as Body;
      const tooLong = body.input.find((t) => t.length > limit);
      if (tooLong)
        return sendJson(res, 400, {
          error: {
            message: `This model's maximum context length is ${limit} tokens. However, you requested ${tooLong.length} tokens in the input.`,
            code: 400,
          },
        });
      vllmClassify("use_activation")(req, res);
    });
    const client = new VllmRewardBackend({ baseUrl: server.url, apiKey: null });
    const result = await client.score("rm", "p", ["short", "x".repeat(500), "also short"], signal);
    assert.equal(result.scores[1], null);
    assert.ok(result.scores[0] !== null && result.scores[2] !== null);
    assert.equal(result.failures?.length, 1);
    assert.equal(result.failures![0]!.position, 1);
    assert.match(result.failures![0]!.message, /maximum context length is 400 tokens/);
    assert.ok(
      server.seen.every((r) => r.path === "/classify"),
      "no other request shape was tried",
    );
  });

  it("rejects a response without scores as malformed", async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, { data: [{ index: 0 }] }));
    await assert.rejects(
      new VllmRewardBackend({ baseUrl: server.url, apiKey: null }).score("rm", "p", ["a"], signal),
      (error: unknown) => error instanceof BackendError && error.kind === "malformed",
    );
  });

  it("rejects a response with too few scores", async () => {
    server = await startFakeServer((req, res) =>
      (req.body as Body).input.length > 1
        ? sendJson(res, 200, classifyAnswer([1]))
        : vllmClassify("use_activation")(req, res),
    );
    await assert.rejects(
      new VllmRewardBackend({ baseUrl: server.url, apiKey: null }).score("rm", "p", ["a", "b"], signal),
      /expected 2 scores, got 1/,
    );
  });

  it("sends the API key as a bearer token", async () => {
    let auth: string | undefined;
    server = await startFakeServer((req, res, raw) => {
      auth = raw.headers.authorization;
      vllmClassify("use_activation")(req, res);
    });
    await new VllmRewardBackend({ baseUrl: server.url, apiKey: "sk-test" }).score("rm", "p", ["a"], signal);
    assert.equal(auth, "Bearer sk-test");
  });
});
