import { strict as assert } from "node:assert";
import { buildWebviewCsp } from "../../../src/extension/csp";

const SOURCE = "https://*.vscode-cdn.net";
const NONCE = "abcDEF0123456789xyzXYZ==";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("buildWebviewCsp", () => {
  const policy = directives(buildWebviewCsp(SOURCE, NONCE));
  const expected: [string, string[]][] = [
    ["default-src", ["'none'"]],
    ["script-src", [`'nonce-${NONCE}'`]],
    ["style-src", [SOURCE, `'nonce-${NONCE}'`]],
    ["style-src-elem", [SOURCE, `'nonce-${NONCE}'`]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["font-src", [SOURCE]],
    ["img-src", [SOURCE, "data:"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'none'"]],
  ];
  for (const [name, values] of expected) {
    it(`${name} is ${values.join(" ")}`, () => assert.deepEqual(policy.get(name), values));
  }

  it("has no other directive", () => {
    assert.deepEqual([...policy.keys()].sort(), expected.map(([name]) => name).sort());
  });

  it("never allows inline or evaluated script, nor inline style elements", () => {
    const csp = buildWebviewCsp(SOURCE, NONCE);
    for (const name of ["script-src", "style-src", "style-src-elem"]) {
      assert.ok(!policy.get(name)?.includes("'unsafe-inline'"), name);
    }
    assert.doesNotMatch(csp, /unsafe-eval|strict-dynamic|\*\s*;|https:\s/);
  });

  it("is pure: same input, same output", () => {
    assert.equal(buildWebviewCsp(SOURCE, NONCE), buildWebviewCsp(SOURCE, NONCE));
  });

  const badNonces = [
    "",
    "short",
    "abc def ghi jkl mno",
    "abcdefghijklmnop'; script-src *",
    "abcdefghijklmnop;x",
  ];
  for (const nonce of badNonces) {
    it(`rejects the nonce ${JSON.stringify(nonce)}`, () =>
      assert.throws(() => buildWebviewCsp(SOURCE, nonce)));
  }
  const badSources = [
    "",
    "https://a.example; script-src *",
    "'unsafe-inline'",
    "'self' 'unsafe-eval'",
    "*",
    "'self' https:",
    "a,b",
  ];
  // VS Code for the web and code-server give several sources in one string.
  const goodSources = ["https://*.vscode-cdn.net", "'self' https://*.vscode-cdn.net", "vscode-webview://abc"];
  for (const source of goodSources) {
    it(`accepts the source ${JSON.stringify(source)}`, () => {
      const policy = directives(buildWebviewCsp(source, NONCE));
      assert.deepEqual(policy.get("font-src"), source.split(" "));
    });
  }
  for (const source of badSources) {
    it(`rejects the source ${JSON.stringify(source)}`, () =>
      assert.throws(() => buildWebviewCsp(source, NONCE)));
  }
});
