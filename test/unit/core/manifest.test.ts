/**
 * package.json repeats facts whose home is in the code (VS Code reads the manifest before any code runs):
 * the language ids AceMath reads, the default server URLs, the settings a workspace may not set. These
 * tests hold each copy to its home, so changing one without the other fails here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENDPOINT_OPTIONS } from "../../../src/cli/endpoints";
import { DEFAULT_POLICY_URL, DEFAULT_REWARD_URL } from "../../../src/core/backend/defaults";
import { LANGUAGE_IDS, SUPPORTED_LANGUAGE_IDS, dialectOf } from "../../../src/core/problem";
import { RANKING_OPTION } from "../../../src/cli/ranking";
import { DEFAULT_RANKING_POLICY, RANKING_POLICIES } from "../../../src/core/solve/ranking";
import { TRUST_RESTRICTED_SETTINGS, USER_ONLY_SETTINGS } from "../../../src/extension/config";

interface SettingSchema {
  default?: unknown;
  enum?: string[];
  scope?: string;
}

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: {
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings?: { command: string; when?: string }[];
    configuration: { properties: Record<string, SettingSchema> };
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8")) as Manifest;
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** Every `when` clause of the menus and keybindings that tests the editor's language. */
function languageClauses(): { where: string; when: string }[] {
  const { menus, keybindings = [] } = manifest.contributes;
  const entries = [
    ...Object.entries(menus).flatMap(([menu, items]) => items.map((item) => ({ where: menu, ...item }))),
    ...keybindings.map((item) => ({ where: "keybindings", ...item })),
  ];
  return entries
    .filter((entry) => entry.when?.includes("editorLangId"))
    .map((entry) => ({ where: `${entry.where} ${entry.command}`, when: entry.when ?? "" }));
}

/** The ids of `editorLangId =~ /^(a|b|c)$/`; a clause written any other way fails the test. */
function idsOfClause(when: string): string[] {
  const match = /editorLangId =~ \/\^\(([a-z0-9|-]+)\)\$\//.exec(when);
  assert.ok(match?.[1], `unrecognised language clause: ${when}`);
  return match[1].split("|");
}

describe("package.json agrees with the code", () => {
  describe("language ids (core/problem/languages.ts)", () => {
    it("activates on exactly the ids the problem finder reads", () => {
      const activated = manifest.activationEvents
        .filter((event) => event.startsWith("onLanguage:"))
        .map((event) => event.slice("onLanguage:".length));
      assert.deepEqual(sorted(activated), sorted(SUPPORTED_LANGUAGE_IDS));
    });

    it("offers Solve in the editor menu for exactly those ids", () => {
      const clauses = languageClauses();
      assert.ok(clauses.some((clause) => clause.where === "editor/context acemath.solve"));
      for (const clause of clauses) {
        assert.deepEqual(sorted(idsOfClause(clause.when)), sorted(SUPPORTED_LANGUAGE_IDS), clause.where);
      }
    });

    it("reads every listed id in its own dialect, and an unknown id as plain text", () => {
      for (const [dialect, ids] of Object.entries(LANGUAGE_IDS)) {
        for (const id of ids) assert.equal(dialectOf(id), dialect, id);
      }
      assert.equal(dialectOf("python"), "plaintext");
    });
  });

  describe("default server URLs (core/backend/defaults.ts)", () => {
    const { properties } = manifest.contributes.configuration;

    it("the settings' defaults are the core's", () => {
      assert.equal(properties["acemath.policy.baseUrl"]?.default, DEFAULT_POLICY_URL);
      assert.equal(properties["acemath.reward.baseUrl"]?.default, DEFAULT_REWARD_URL);
    });

    it("the CLI's defaults are the core's", () => {
      assert.equal(ENDPOINT_OPTIONS["policy-url"].default, DEFAULT_POLICY_URL);
      assert.equal(ENDPOINT_OPTIONS["reward-url"].default, DEFAULT_REWARD_URL);
    });
  });

  describe("ranking policies (core/solve/ranking.ts)", () => {
    it("the setting offers exactly the core's policies, with the core's default, as the CLI's --ranking does", () => {
      const setting = manifest.contributes.configuration.properties["acemath.ranking.policy"];
      assert.deepEqual(sorted(setting?.enum ?? []), sorted(RANKING_POLICIES));
      assert.equal(setting?.default, DEFAULT_RANKING_POLICY);
      assert.equal(RANKING_OPTION.ranking.default, DEFAULT_RANKING_POLICY);
    });
  });

  describe("settings a workspace cannot set (extension/config.ts)", () => {
    const { properties } = manifest.contributes.configuration;

    it("restricts in untrusted workspaces exactly the user-only and GPU-cost settings", () => {
      const expected = [...USER_ONLY_SETTINGS, ...TRUST_RESTRICTED_SETTINGS].map((key) => `acemath.${key}`);
      assert.deepEqual(
        sorted(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations),
        sorted(expected),
      );
    });

    it("declares every user-only setting application-scoped", () => {
      for (const key of USER_ONLY_SETTINGS) {
        assert.equal(properties[`acemath.${key}`]?.scope, "application", `acemath.${key}`);
      }
    });
  });
});
