import assert from "node:assert/strict";
import { requestOrder } from "../../../src/core/eval/requestOrder";

describe("eval: the order problems are asked in", () => {
  it("puts the longest statements first and keeps the file's order among equal lengths", () => {
    const problems = ["a b", "a b c d e f g h i j k l m n o p", "c d", "a b c d e f", "x y"].map(
      (problem) => ({
        problem,
      }),
    );
    assert.deepEqual(requestOrder(problems), [1, 3, 0, 2, 4]);
  });

  it("is a permutation: every problem once", () => {
    const problems = Array.from({ length: 50 }, (_, i) => ({ problem: "word ".repeat((i * 7) % 13) }));
    assert.deepEqual(
      [...requestOrder(problems)].sort((a, b) => a - b),
      [...Array(50).keys()],
    );
  });
});
