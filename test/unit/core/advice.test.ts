import assert from "node:assert/strict";
import { adviseOnBackendError } from "../../../src/core/backend/advice";
import { BackendError, type BackendErrorKind, type BackendRole } from "../../../src/core/backend/errors";

type Case = [
  string,
  BackendRole,
  BackendErrorKind,
  number | null,
  RegExp,
  string | undefined,
  RegExp | undefined,
];

describe("advice on backend errors", () => {
  const url = "http://127.0.0.1:8000/v1";
  const cases: Case[] = [
    [
      "policy unreachable",
      "policy",
      "unreachable",
      null,
      /Cannot reach the policy model server at http:\/\/127\.0\.0\.1:8000\/v1 \(ECONNREFUSED\)/,
      "acemath.policy.baseUrl",
      /AceMath-7B-Instruct/,
    ],
    [
      "reward unreachable",
      "reward",
      "unreachable",
      null,
      /Cannot reach the reward model server/,
      "acemath.reward.baseUrl",
      /AceMath-7B-RM/,
    ],
    ["unauthorised", "policy", "http", 401, /HTTP 401.*AceMath: Set API Key/, undefined, undefined],
    ["policy 404", "policy", "http", 404, /model id.*\/v1/, "acemath.policy.model", undefined],
    [
      "reward 404",
      "reward",
      "http",
      404,
      /no reward endpoint \(\/classify or \/pooling\).*without \/v1/,
      "acemath.reward.baseUrl",
      undefined,
    ],
    ["prompt too long", "policy", "http", 400, /lower acemath\.maxTokens/, "acemath.maxTokens", undefined],
    ["overloaded", "policy", "http", 503, /overloaded/, undefined, undefined],
    ["dropped", "policy", "dropped", null, /dropped the connection/, "acemath.policy.baseUrl", undefined],
    [
      "malformed",
      "reward",
      "malformed",
      null,
      /not in the OpenAI\/vLLM format/,
      "acemath.reward.baseUrl",
      undefined,
    ],
  ];
  for (const [name, role, kind, status, message, setting, hint] of cases) {
    it(name, () => {
      const text =
        kind === "http" && status === 400
          ? "This model's maximum context length is 4096 tokens"
          : "ECONNREFUSED";
      const advice = adviseOnBackendError(new BackendError(role, kind, url, text, status));
      assert.match(advice.message, message);
      assert.equal(advice.setting, setting);
      if (hint) assert.match(advice.hint ?? "", hint);
      else assert.equal(advice.hint, undefined);
    });
  }

  it("the start command names the configured URL's port and the configured policy model", () => {
    const error = new BackendError("policy", "unreachable", "http://127.0.0.1:9123/v1", "ECONNREFUSED");
    const advice = adviseOnBackendError(error, { policyModel: "Qwen/Qwen2.5-Math-7B-Instruct" });
    assert.match(advice.message, /at http:\/\/127\.0\.0\.1:9123\/v1 /);
    assert.equal(
      advice.hint,
      "vllm serve Qwen/Qwen2.5-Math-7B-Instruct --port 9123 --max-model-len 4096 --enable-prefix-caching",
    );
  });

  it("the reward start command names the reward URL's port and the configured reward model", () => {
    const error = new BackendError("reward", "unreachable", "http://localhost:7001", "ECONNREFUSED");
    const advice = adviseOnBackendError(error, { policyModel: "p", rewardModel: "my-org/AceMath-72B-RM" });
    assert.equal(advice.hint, "vllm serve my-org/AceMath-72B-RM --port 7001 --max-model-len 4096");
  });

  it("the reward 404 advice names the configured model and port too", () => {
    const error = new BackendError("reward", "http", "http://10.0.0.5:9001", "Not Found", 404);
    const advice = adviseOnBackendError(error, { rewardModel: "rm-custom" });
    assert.match(advice.message, /vllm serve rm-custom --port 9001 --max-model-len 4096/);
  });

  const portCases: [string, string, RegExp][] = [
    [
      "no model configured: AceMath's default model",
      "http://127.0.0.1:8000/v1",
      /^vllm serve nvidia\/AceMath-7B-Instruct --port 8000 /,
    ],
    ["a URL without a port: the scheme's port", "http://gpu-box/v1", / --port 80 /],
    ["https without a port", "https://gpu.example/v1", / --port 443 /],
    ["a URL that does not parse: the default port", "not a url", / --port 8000 /],
  ];
  for (const [name, url, hint] of portCases) {
    it(`start command: ${name}`, () => {
      const advice = adviseOnBackendError(new BackendError("policy", "unreachable", url, "ECONNREFUSED"));
      assert.match(advice.hint ?? "", hint);
    });
  }

  it("a model id that is not one shell word is quoted", () => {
    const error = new BackendError("policy", "unreachable", "http://127.0.0.1:8000/v1", "ECONNREFUSED");
    const advice = adviseOnBackendError(error, { policyModel: "my model; rm -rf ~" });
    assert.match(advice.hint ?? "", /^vllm serve 'my model; rm -rf ~' --port 8000/);
  });

  it("wraps an unexpected error without pretending to know more", () => {
    assert.deepEqual(adviseOnBackendError(new Error("boom")), { message: "Unexpected error: boom" });
  });
});
