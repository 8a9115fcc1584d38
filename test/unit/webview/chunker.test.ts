import { strict as assert } from "node:assert";
import { MarkdownChunker, splitLongLine } from "../../../src/webview/render/chunker";
import * as fx from "./solveFixture";

/** One chunk per block: shows where the chunker may cut. */
const perBlock = () => new MarkdownChunker({ targetChars: 1, maxChars: 8000 });

describe("MarkdownChunker (solutions cut into bounded chunks)", () => {
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
    it(`cuts only at block boundaries: ${name}`, () => assert.deepEqual(perBlock().update(text), expected));
  }

  it("gathers blocks up to the target size", () => {
    const chunker = new MarkdownChunker({ targetChars: 10, maxChars: 100 });
    assert.deepEqual(chunker.update("one\n\ntwo\n\nthree four\n\nfive"), [
      "one\n\ntwo\n\nthree four",
      "five",
    ]);
  });

  it("keeps earlier chunks identical as the text grows, fed piece by piece", () => {
    const text = fx.loadSample(37).solutions.join("\n\n");
    const whole = new MarkdownChunker({ targetChars: 500, maxChars: 2000 }).update(text);
    const growing = new MarkdownChunker({ targetChars: 500, maxChars: 2000 });
    for (let end = 1; end <= text.length; end += 97) {
      const partial = growing.update(text.slice(0, end));
      partial.slice(0, -2).forEach((chunk, i) => assert.equal(chunk, whole[i], `prefix ${end}, chunk ${i}`));
    }
    assert.deepEqual(growing.update(text), whole);
  });

  it("never makes a chunk over maxChars: an open construct or one huge line is cut anyway", () => {
    const unclosedFence = "```\n" + "code line\n".repeat(5000);
    const oneLine = "x".repeat(50_000);
    for (const text of [unclosedFence, oneLine, `intro\n\n${oneLine}\n\nend`]) {
      const chunks = new MarkdownChunker({ targetChars: 3000, maxChars: 8000 }).update(text);
      assert.ok(chunks.length >= text.length / 8000, `${chunks.length} chunks`);
      assert.ok(chunks.every((chunk) => chunk.length <= 8000));
      assert.equal(chunks.join("").replace(/\s/g, ""), text.replace(/\s/g, ""), "no text lost");
    }
  });

  it("starts over when the text is replaced, not extended", () => {
    const chunker = perBlock();
    chunker.update("first\n\nsolve");
    assert.deepEqual(chunker.update("other\n\ntext"), ["other", "text"]);
  });

  it("splits long lines without breaking a surrogate pair", () => {
    const pieces = splitLongLine("ab😀cd", 3);
    assert.deepEqual(pieces, ["ab", "😀c", "d"]);
    assert.equal(pieces.join(""), "ab😀cd");
  });
});
