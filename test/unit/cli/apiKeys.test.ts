// Which environment variable's key each server gets: its own, else the shared ACEMATH_API_KEY.
import assert from "node:assert/strict";
import { cliApiKey } from "../../../src/cli/endpoints";

describe("CLI API keys from the environment", () => {
  it("each server takes its own key first, then the shared one, else none", () => {
    const env = { ACEMATH_API_KEY: "shared", ACEMATH_PRM_API_KEY: "prm-own" };
    assert.equal(cliApiKey(env, "prm"), "prm-own");
    assert.equal(cliApiKey(env, "policy"), "shared");
    assert.equal(cliApiKey(env, "reward"), "shared");
    assert.equal(cliApiKey({ ACEMATH_REWARD_API_KEY: "r" }, "reward"), "r");
    assert.equal(
      cliApiKey({ ACEMATH_REWARD_API_KEY: "r" }, "policy"),
      null,
      "one server's key never goes to another",
    );
  });
});
