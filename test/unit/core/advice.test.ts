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

  it("wraps an unexpected error without pretending to know more", () => {
    assert.deepEqual(adviseOnBackendError(new Error("boom")), { message: "Unexpected error: boom" });
  });
});
