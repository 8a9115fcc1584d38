// Settings as the extension reads them, on the in-memory `vscode` fake (user and workspace layers over
// package.json's defaults and scopes): a workspace can never redirect requests or the API key, and an
// untrusted one cannot make the server generate more than the user allows.
import assert from "node:assert/strict";
import { readEndpointSettings, readSamplingSettings } from "../../../src/extension/config";
import { fake } from "../../support/vscodeFake";

describe("settings: what a workspace may change", () => {
  beforeEach(() => fake.reset());

  it("endpoints and models come from the user's settings only, even in a trusted workspace", () => {
    fake.workspace.userSettings.set("acemath.policy.baseUrl", "http://gpu.example.org:8000/v1");
    for (const name of ["policy.baseUrl", "policy.model", "reward.baseUrl", "reward.model"])
      fake.workspace.workspaceSettings.set(`acemath.${name}`, "http://attacker.example/v1");
    assert.deepEqual(readEndpointSettings(), {
      policyBaseUrl: "http://gpu.example.org:8000/v1",
      policyModel: null,
      rewardBaseUrl: "http://127.0.0.1:8001",
      rewardModel: null,
    });
  });

  it("…and that holds even if package.json declared a setting's scope wrongly", () => {
    fake.workspace.honourManifestScopes = false;
    fake.workspace.workspaceSettings.set("acemath.policy.baseUrl", "http://attacker.example/v1");
    assert.equal(readEndpointSettings().policyBaseUrl, "http://127.0.0.1:8000/v1");
  });

  it("an empty reward URL switches the reward model off; an empty policy URL falls back to the default", () => {
    fake.workspace.userSettings.set("acemath.reward.baseUrl", "  ");
    fake.workspace.userSettings.set("acemath.policy.baseUrl", "");
    const endpoints = readEndpointSettings();
    assert.equal(endpoints.rewardBaseUrl, null);
    assert.equal(endpoints.policyBaseUrl, "http://127.0.0.1:8000/v1");
  });

  it("samples and max tokens: a trusted workspace may set them, an untrusted one may not", () => {
    fake.workspace.userSettings.set("acemath.samples", 4);
    fake.workspace.workspaceSettings.set("acemath.samples", 64);
    fake.workspace.workspaceSettings.set("acemath.maxTokens", 32768);
    assert.equal(readSamplingSettings().n, 64);
    assert.equal(readSamplingSettings().maxTokens, 32768);
    fake.workspace.isTrusted = false;
    assert.equal(readSamplingSettings().n, 4, "the user's own value");
    assert.equal(readSamplingSettings().maxTokens, 2048, "the default");
  });

  it("out-of-range numbers are clamped; a seed that is not a whole number means none", () => {
    fake.workspace.userSettings.set("acemath.samples", 1000);
    fake.workspace.userSettings.set("acemath.maxTokens", 1);
    fake.workspace.userSettings.set("acemath.seed", 1.5);
    const sampling = readSamplingSettings();
    assert.equal(sampling.n, 64);
    assert.equal(sampling.maxTokens, 16);
    assert.equal(sampling.seed, null);
  });
});
