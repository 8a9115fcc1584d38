import assert from "node:assert/strict";
import { TokenTextStream } from "../../../src/backends/embedded/textStream";

/** A byte-level vocabulary: one token per UTF-8 byte, partial characters decode to U+FFFD. */
const bytes = {
  encode: (text: string): number[] => [...new TextEncoder().encode(text)],
  decode: (tokens: readonly number[]): string => new TextDecoder().decode(new Uint8Array(tokens)),
};

/**
 * A SentencePiece-like vocabulary: one token per word, spelled with a leading "▁" for a space, and the
 * leading space of the first token of a decoded sequence dropped (as such decoders do).
 */
function sentencePiece(text: string) {
  const pieces = text.split(/(?= )/).map((w) => w.replace(/^ /, "▁"));
  const byId = [...new Set(pieces)];
  const ids = new Map(byId.map((p, i) => [p, i] as const));
  return {
    tokens: pieces.map((p) => ids.get(p)!),
    decode: (tokens: readonly number[]): string =>
      tokens
        .map((t) => byId[t]!)
        .join("")
        .replace(/▁/g, " ")
        .replace(/^ /, ""),
  };
}

/** Feeds the tokens one by one; returns the deltas and how many tokens the decoder was given in all. */
function stream(tokens: readonly number[], decode: (t: readonly number[]) => string) {
  let decoded = 0;
  const counting = (t: readonly number[]) => {
    decoded += t.length;
    return decode(t);
  };
  const text = new TokenTextStream(counting);
  const deltas: string[] = [];
  for (let i = 1; i <= tokens.length; i++) deltas.push(text.delta(tokens.slice(0, i)));
  deltas.push(text.delta(tokens, true));
  return { deltas, decoded };
}

describe("embedded engine: tokens to text deltas", () => {
  const solution = "Let $x = 2$. Then $x^2 = 4$, so the answer is \\boxed{4}. ∑ π ≈ 3.14 — 数学 🧮 done.";

  it("byte-level tokens: the deltas join to the text, and no delta holds half a character", () => {
    const { deltas } = stream(bytes.encode(solution), bytes.decode);
    assert.equal(deltas.join(""), solution);
    for (const d of deltas)
      assert.ok(!d.includes("\uFFFD"), `no replacement character in ${JSON.stringify(d)}`);
    assert.ok(deltas.filter((d) => d !== "").length > 40, "text streams as it comes, not all at the end");
  });

  it("SentencePiece-style decoding keeps the spaces between words", () => {
    const { tokens, decode } = sentencePiece(solution);
    const { deltas } = stream(tokens, decode);
    assert.equal(deltas.join(""), solution);
  });

  it("a sequence cut inside a character flushes what it has at the end", () => {
    const cut = bytes.encode("answer: 数").slice(0, -1);
    const { deltas } = stream(cut, bytes.decode);
    assert.equal(deltas.slice(0, -1).join(""), "answer: ");
    assert.equal(deltas.at(-1), "\uFFFD");
  });

  it("decodes a short window per token: work grows linearly with the answer's length", () => {
    const long = solution.repeat(40);
    const tokens = bytes.encode(long);
    const { deltas, decoded } = stream(tokens, bytes.decode);
    assert.equal(deltas.join(""), long);
    assert.ok(decoded < 8 * tokens.length, `decoded ${decoded} tokens for ${tokens.length}`);
  });
});
