import assert from "node:assert/strict";
import { ChoiceAccumulator, MalformedChunkError, splitChunk } from "../../../src/core/backend/demux";

/** A vLLM-style n-choice stream: role chunks, content chunks (one choice each), finish chunks, usage. */
function vllmStream(texts: string[][], finish: ("stop" | "length")[]): unknown[] {
  const roles = texts.map((_, index) => ({
    choices: [{ index, delta: { role: "assistant", content: "" }, finish_reason: null }],
  }));
  const content = texts.flatMap((pieces, index) =>
    pieces.map((content) => ({ choices: [{ index, delta: { content }, finish_reason: null }] })),
  );
  const ends = texts.map((_, index) => ({
    choices: [{ index, delta: { content: "" }, finish_reason: finish[index] }],
  }));
  return [roles, content, ends];
}

/** Deterministic shuffle that keeps each choice's own pieces in order (as a server does). */
function interleave(groups: unknown[][], seed: number): unknown[] {
  const perChoice = new Map<number, unknown[]>();
  for (const group of groups) {
    for (const chunk of group) {
      const index = (chunk as { choices: { index: number }[] }).choices[0]!.index;
      perChoice.set(index, [...(perChoice.get(index) ?? []), chunk]);
    }
  }
  const queues = [...perChoice.values()];
  const out: unknown[] = [];
  let state = seed;
  while (queues.some((q) => q.length > 0)) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const live = queues.filter((q) => q.length > 0);
    out.push(live[state % live.length]!.shift());
  }
  return out;
}

describe("stream demultiplexer", () => {
  const texts = [
    ["The ", "answer ", "is ", "\\boxed{4}"],
    ["We ", "get ", "\\boxed{5}"],
    ["Hmm"],
    ["So ", "\\(x=2\\)", " and ", "\\boxed{2}."],
  ];
  const finish: ("stop" | "length")[] = ["stop", "stop", "length", "stop"];

  for (const seed of [1, 2, 3, 17, 99, 1234, 4242, 77777]) {
    it(`reassembles every choice from a shuffled interleaving (seed ${seed})`, () => {
      const [roles, content, ends] = vllmStream(texts, finish) as unknown[][];
      const chunks = [...roles!, ...interleave([content!, ends!], seed)];
      const accumulator = new ChoiceAccumulator();
      const finishedOrder: number[] = [];
      for (const chunk of chunks)
        for (const piece of splitChunk(chunk)) if (accumulator.add(piece)) finishedOrder.push(piece.index);
      assert.deepEqual(accumulator.indices(), [0, 1, 2, 3]);
      texts.forEach((pieces, index) => assert.equal(accumulator.text(index), pieces.join("")));
      finish.forEach((reason, index) => assert.equal(accumulator.finishReason(index), reason));
      assert.deepEqual([...finishedOrder].sort(), [0, 1, 2, 3], "each choice finishes exactly once");
      assert.deepEqual(accumulator.unfinished(), []);
    });
  }

  it("ignores the usage chunk (no choices)", () => {
    assert.deepEqual(splitChunk({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 9 } }), []);
  });

  it("ignores content after a choice finished", () => {
    const accumulator = new ChoiceAccumulator();
    accumulator.add({ index: 0, content: "a", finishReason: "stop" });
    assert.equal(accumulator.add({ index: 0, content: "b", finishReason: null }), false);
    assert.equal(accumulator.text(0), "a");
  });

  it("reports unfinished choices (a cut stream)", () => {
    const accumulator = new ChoiceAccumulator();
    accumulator.add({ index: 1, content: "partial", finishReason: null });
    accumulator.add({ index: 0, content: "done", finishReason: "stop" });
    assert.deepEqual(accumulator.unfinished(), [1]);
  });

  const malformed: [string, unknown][] = [
    ["not an object", "hello"],
    ["no choices", { id: "x" }],
    ["index missing", { choices: [{ delta: { content: "a" } }] }],
    ["negative index", { choices: [{ index: -1, delta: { content: "a" } }] }],
    ["non-text content", { choices: [{ index: 0, delta: { content: 42 } }] }],
  ];
  for (const [name, chunk] of malformed) {
    it(`rejects a malformed chunk: ${name}`, () => {
      assert.throws(() => splitChunk(chunk), MalformedChunkError);
    });
  }

  it("treats any finish reason other than length as a normal end", () => {
    assert.equal(
      splitChunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })[0]!.finishReason,
      "stop",
    );
    assert.equal(
      splitChunk({ choices: [{ index: 0, delta: {}, finish_reason: "eos" }] })[0]!.finishReason,
      "stop",
    );
    assert.equal(
      splitChunk({ choices: [{ index: 0, delta: {}, finish_reason: "length" }] })[0]!.finishReason,
      "length",
    );
  });
});
