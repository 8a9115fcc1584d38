import { strict as assert } from "node:assert";
import { splitMarkdownBlocks } from "../../../src/webview/render/blocks";

describe("splitMarkdownBlocks (streaming chunks)", () => {
  const cases: [string, string, string[]][] = [
    ["paragraphs", "a\n\nb\n\n\nc", ["a", "b", "c"]],
    ["bracket math with a blank line", "x\n\n\\[\na\n\nb\n\\]\n\ny", ["x", "\\[\na\n\nb\n\\]", "y"]],
    ["double dollars", "$$\na\n\nb\n$$\n\nc", ["$$\na\n\nb\n$$", "c"]],
    ["code fence", "```\na\n\nb\n```\n\nc", ["```\na\n\nb\n```", "c"]],
    [
      "environment",
      "\\begin{align}\na\n\nb\n\\end{align}\n\nc",
      ["\\begin{align}\na\n\nb\n\\end{align}", "c"],
    ],
    ["unclosed tail stays one chunk", "a\n\n\\[\nx\n\ny", ["a", "\\[\nx\n\ny"]],
    ["leading blank lines", "\n\na", ["a"]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(splitMarkdownBlocks(text), expected));
  }

  it("keeps earlier chunks identical as the text grows", () => {
    const text = "Step 1.\n\n\\[\nx = 1\n\\]\n\nStep 2 is long";
    const full = splitMarkdownBlocks(text);
    for (let end = 1; end < text.length; end++) {
      const partial = splitMarkdownBlocks(text.slice(0, end));
      partial.slice(0, -1).forEach((chunk, i) => assert.equal(chunk, full[i], `prefix ${end}`));
    }
  });
});
