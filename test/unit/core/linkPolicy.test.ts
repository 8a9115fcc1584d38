import assert from "node:assert/strict";
import { classifyLink } from "../../../src/core/util/linkPolicy";

describe("link policy for links in model output", () => {
  const allowed: [string, string][] = [
    ["https://example.com/docs?q=1#x", "https://example.com/docs?q=1#x"],
    ["http://en.wikipedia.org/wiki/Prime", "http://en.wikipedia.org/wiki/Prime"],
    ["HTTPS://EXAMPLE.com", "https://example.com/"],
    ["https://8.8.8.8/", "https://8.8.8.8/"],
    ["https://172.32.0.1/", "https://172.32.0.1/"],
    ["https://[2001:db8::1]/", "https://[2001:db8::1]/"],
    ["https://example.com:8443/a", "https://example.com:8443/a"],
  ];
  for (const [href, url] of allowed) {
    it(`allows ${href}`, () => assert.deepEqual(classifyLink(href), { allowed: true, url }));
  }

  // [href, a word the reason must contain]
  const refused: [string, RegExp][] = [
    ["http://127.0.0.1:8000/v1/models", /loopback/],
    ["http://127.1/", /loopback/],
    ["http://2130706433/", /loopback/], // decimal
    ["http://0x7f000001/", /loopback/], // hex
    ["http://0x7f.1/", /loopback/],
    ["http://0177.0.0.1/", /loopback/], // octal
    ["http://017700000001/", /loopback/],
    ["http://localhost:8080/", /local network name/],
    ["http://LOCALHOST./", /local network name/],
    ["http://api.localhost/", /local network name/],
    ["http://0.0.0.0:8000/", /unspecified/],
    ["http://0/", /unspecified/],
    ["http://[::1]/", /loopback/],
    ["http://[0:0:0:0:0:0:0:1]:8080/", /loopback/],
    ["http://[::]/", /unspecified/],
    ["http://[::ffff:127.0.0.1]/", /loopback/],
    ["http://[::ffff:10.0.0.1]/", /private/],
    ["http://[fc00::1]/", /private/],
    ["http://[fd12:3456::1]/", /private/],
    ["http://[fe80::1]/", /link-local/],
    ["http://10.1.2.3/", /private/],
    ["http://172.16.0.1/", /private/],
    ["http://172.31.255.255/", /private/],
    ["http://192.168.1.1/admin", /private/],
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    ["http://printer.local/", /local network name/],
    ["http://metadata.google.internal/", /local network name/],
    ["http://intranet/", /local network name/],
    ["http://example.com@127.0.0.1/", /user name/],
    ["http://user:pass@example.com/", /user name/],
    ["file:///etc/passwd", /file:/],
    ["javascript:alert(1)", /javascript:/],
    ["vscode://settings/acemath", /vscode:/],
    ["command:workbench.action.terminal.new", /command:/],
    ["data:text/html,<script>alert(1)</script>", /data:/],
    ["ftp://example.com/x", /ftp:/],
    ["/relative/path", /not a complete web address/],
    ["", /not a complete web address/],
  ];
  for (const [href, reason] of refused) {
    it(`refuses ${JSON.stringify(href)}`, () => {
      const verdict = classifyLink(href);
      assert.equal(verdict.allowed, false);
      if (!verdict.allowed) assert.match(verdict.reason, reason);
    });
  }
});
