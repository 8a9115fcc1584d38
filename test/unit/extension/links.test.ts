// Links from model output, on the in-memory `vscode` fake: a refused link never reaches openExternal
// (the user only learns why), and an allowed one opens only after the modal showing its full URL was
// answered "Open".
import assert from "node:assert/strict";
import { openCheckedLink } from "../../../src/extension/solve/links";
import { fake } from "../../support/vscodeFake";

const REFUSED = [
  "javascript:alert(document.cookie)",
  "file:///etc/passwd",
  "command:workbench.action.terminal.new",
  "vscode://vscode.git/clone?url=x",
  "data:text/html,<script>alert(1)</script>",
  "ftp://example.com/file",
  "http://localhost:8000/admin",
  "http://127.1/",
  "http://0x7f.0.0.1/",
  "http://2130706433/",
  "http://[::1]:3000/",
  "http://192.168.1.1/router",
  "http://example.com@127.0.0.1/",
  "https://user:secret@example.com/",
  "http://printer.local/",
  "../../secrets.txt",
  "",
];

describe("links from model output", () => {
  beforeEach(() => fake.reset());

  it("a refused link is never opened and no dialog offers to open it; a warning says why", async () => {
    fake.window.respond = (shown) => shown.items[0]; // a user who clicks whatever is offered
    for (const href of REFUSED) await openCheckedLink(href);
    assert.deepEqual(fake.env.opened, []);
    assert.equal(fake.window.messages.length, REFUSED.length, "one notice per refused link");
    for (const shown of fake.window.messages) {
      assert.equal(shown.severity, "warning");
      assert.equal(shown.options, undefined, "not a modal dialog");
      assert.deepEqual(shown.items, [], "no Open button");
      assert.match(shown.message, /^AceMath did not open a link from the model's output: .+\. \(/);
    }
  });

  it("a very long refused link is shown cut short", async () => {
    await openCheckedLink(`javascript:${"a".repeat(5000)}`);
    const shown = fake.window.messages[0]!;
    assert.ok(shown.message.length < 400);
    assert.match(shown.message, /…\)$/);
  });

  it("an allowed link opens only after the modal with its full URL was answered Open", async () => {
    const url = "https://example.com/paper?id=1#section-2";
    const seen: string[] = [];
    fake.window.respond = (shown) => {
      assert.deepEqual(fake.env.opened, [], "nothing opens before the user answered");
      seen.push(shown.options?.detail ?? "");
      return shown.options?.modal ? "Open" : undefined;
    };
    await openCheckedLink(url);
    assert.equal(fake.window.messages.length, 1);
    assert.equal(fake.window.messages[0]!.options?.modal, true);
    assert.deepEqual(fake.window.messages[0]!.items, ["Open"]);
    assert.ok(seen[0]!.startsWith(`${url}\n`), "the dialog shows the whole URL");
    assert.deepEqual(
      fake.env.opened.map((uri) => [uri.scheme, uri.authority, uri.path, uri.query, uri.fragment]),
      [["https", "example.com", "/paper", "id=1", "section-2"]],
    );
  });

  it("a dismissed dialog opens nothing", async () => {
    await openCheckedLink("https://example.com/");
    assert.equal(fake.window.messages.length, 1);
    assert.deepEqual(fake.env.opened, []);
  });

  it("the URL opened is the parsed one, not the text as written", async () => {
    fake.window.respond = () => "Open";
    await openCheckedLink("  HTTPS://Example.COM/a b  ");
    assert.deepEqual(
      fake.env.opened.map((uri) => uri.toString()),
      ["https://example.com/a%20b"],
    );
  });
});
