// API keys on the in-memory `vscode` fake: kept in SecretStorage only (never settings or the log), per
// server or shared, trimmed, and removed by an empty entry or "Clear API Key".
import assert from "node:assert/strict";
import type * as vscode from "vscode";
import { ApiKeyStore } from "../../../src/extension/secrets";
import { fake } from "../../support/vscodeFake";
import { asVscode } from "./harness";

const KEY = "sk-test-0123456789abcdef";

function store() {
  const context = fake.createExtensionContext();
  return { secrets: context.secrets, keys: new ApiKeyStore(asVscode<vscode.SecretStorage>(context.secrets)) };
}

/** The user picks the row whose label starts with `row` and types `typed`. */
function answer(row: string, typed: string | undefined) {
  fake.window.pick = (items) => items.find((item) => item.label.startsWith(row));
  fake.window.input = () => typed;
}

describe("API keys", () => {
  beforeEach(() => fake.reset());

  it("a key for both servers serves both; a server's own key wins over it", async () => {
    const { keys } = store();
    answer("All", `  ${KEY}  `);
    assert.equal(await keys.promptAndStore(), true);
    assert.equal(await keys.get("policy"), KEY, "stored trimmed");
    assert.equal(await keys.get("reward"), KEY);
    answer("Reward", "sk-reward");
    await keys.promptAndStore();
    assert.equal(await keys.get("reward"), "sk-reward");
    assert.equal(await keys.get("policy"), KEY);
  });

  it("the process reward model has its own key, else the shared one", async () => {
    const { keys } = store();
    answer("All", KEY);
    await keys.promptAndStore();
    assert.equal(await keys.get("prm"), KEY);
    answer("Process", "sk-prm");
    await keys.promptAndStore();
    assert.equal(await keys.get("prm"), "sk-prm");
    assert.equal(await keys.get("policy"), KEY, "the PRM's key is not sent to the policy server");
    assert.equal(await keys.get("reward"), KEY);
  });

  it("the key is typed in a password box and lands nowhere but SecretStorage", async () => {
    const { keys, secrets } = store();
    answer("Policy", KEY);
    await keys.promptAndStore();
    assert.equal((fake.window.inputBoxes[0] as { password?: boolean }).password, true);
    assert.deepEqual([...secrets.values.keys()], ["acemath.apiKey.policy"]);
    const elsewhere = JSON.stringify([
      ...fake.workspace.userSettings,
      ...fake.window.logLines(),
      fake.window.messages,
    ]);
    assert.ok(!elsewhere.includes(KEY));
  });

  it("Escape changes nothing; an empty entry removes that key; Clear removes them all", async () => {
    const { keys, secrets } = store();
    answer("All", KEY);
    await keys.promptAndStore();
    answer("Policy", KEY);
    await keys.promptAndStore();
    answer("All", undefined);
    assert.equal(await keys.promptAndStore(), false);
    fake.window.pick = () => undefined;
    assert.equal(await keys.promptAndStore(), false);
    assert.equal(secrets.values.size, 2);
    answer("All", "   ");
    await keys.promptAndStore();
    assert.deepEqual([...secrets.values.keys()], ["acemath.apiKey.policy"]);
    await keys.clear();
    assert.equal(secrets.values.size, 0);
    assert.equal(await keys.get(), null);
  });
});
