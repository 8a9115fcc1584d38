// The one CSP nonce source (core/util/cspNonce.ts) shared by the eval report and the webview pages.
import assert from "node:assert/strict";
import { newCspNonce } from "../../../src/core/util/cspNonce";
import { buildWebviewCsp } from "../../../src/extension/csp";

describe("newCspNonce", () => {
  it("is 16 bytes in standard base64, which the webview CSP accepts", () => {
    const nonce = newCspNonce();
    assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    assert.equal(Buffer.from(nonce, "base64").length, 16);
    assert.match(
      buildWebviewCsp("'self'", nonce),
      new RegExp(`script-src 'nonce-${nonce.replace(/[+/]/g, "\\$&")}'`),
    );
  });

  it("differs on every call", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newCspNonce()));
    assert.equal(nonces.size, 50);
  });
});
