import assert from "node:assert/strict";
import { join } from "node:path";
import { alignSteps, MAX_LCS_CELLS, normaliseStep, type AlignedRow } from "../../../src/core/steps/align";
import { splitSteps, type Step } from "../../../src/core/steps/split";
import { readJsonl } from "../../support/jsonl";

const SAMPLES = join(__dirname, "../../fixtures/eval/math_cot_100.jsonl");

/** Steps from short texts, one per entry (the kind does not matter to alignment). */
function steps(...texts: string[]): Step[] {
  let at = 0;
  return texts.map((text, index) => {
    const step: Step = { index, text, start: at, end: at + text.length, line: index, kind: "paragraph" };
    at += text.length + 2;
    return step;
  });
}

/** Rows as `left | right` with `=` for same rows, `≠` for changed, blanks for a missing side. */
function show(rows: AlignedRow[]): string[] {
  return rows.map((r) => `${r.left?.text ?? ""} ${r.same ? "=" : "≠"} ${r.right?.text ?? ""}`.trim());
}

describe("steps: normalising for alignment", () => {
  const SAME: [string, string][] = [
    ["\\[ x = 2 \\]", "$$x=2$$"],
    ["\\( a \\) is  \n even.", "\\(a\\) is even"],
    ["1. Add them: $3+4$", "Add them: 3 + 4"],
    ["**Step 2:** Multiply", "Step 2. multiply"],
    ["\\left( x \\right)\\, &= 1", "(x) = 1"],
    ["\\text{area} = 4", "area = 4"],
  ];
  for (const [a, b] of SAME)
    it(`${JSON.stringify(a)} ~ ${JSON.stringify(b)}`, () => assert.equal(normaliseStep(a), normaliseStep(b)));

  const DIFFERENT: [string, string][] = [
    ["x = 2", "x = 3"],
    ["x^2", "x_2"],
    ["\\frac{1}{2}", "\\frac{2}{1}"],
  ];
  for (const [a, b] of DIFFERENT)
    it(`${JSON.stringify(a)} ≁ ${JSON.stringify(b)}`, () =>
      assert.notEqual(normaliseStep(a), normaliseStep(b)));
});

describe("steps: aligning two solutions", () => {
  it("identical solutions align row by row", () => {
    assert.deepEqual(show(alignSteps(steps("a", "b", "c"), steps("a", "b", "c"))), [
      "a = a",
      "b = b",
      "c = c",
    ]);
  });

  it("a changed step between equal ones is one changed row", () => {
    assert.deepEqual(show(alignSteps(steps("a", "x = 2", "c"), steps("a", "x = 3", "c"))), [
      "a = a",
      "x = 2 ≠ x = 3",
      "c = c",
    ]);
  });

  it("an extra step on one side gets a row of its own", () => {
    assert.deepEqual(show(alignSteps(steps("a", "b", "c"), steps("a", "extra", "b", "c"))), [
      "a = a",
      "≠ extra",
      "b = b",
      "c = c",
    ]);
    assert.deepEqual(show(alignSteps(steps("a", "p", "q", "c"), steps("a", "r", "c"))), [
      "a = a",
      "p ≠ r",
      "q ≠",
      "c = c",
    ]);
  });

  it("the longest common subsequence wins over an early greedy match", () => {
    // greedy on "b" first would lose c, d; the LCS keeps the three
    assert.deepEqual(show(alignSteps(steps("c", "d", "e", "b"), steps("b", "c", "d", "e"))), [
      "≠ b",
      "c = c",
      "d = d",
      "e = e",
      "b ≠",
    ]);
  });

  it("empty sides", () => {
    assert.deepEqual(alignSteps([], []), []);
    assert.deepEqual(show(alignSteps(steps("a"), [])), ["a ≠"]);
    assert.deepEqual(show(alignSteps([], steps("a", "b"))), ["≠ a", "≠ b"]);
  });

  it("every step of both sides appears once, in order (real candidates of one problem)", () => {
    const row = readJsonl<{ code: string[] }>(SAMPLES)[21];
    const [left, right] = [splitSteps(row?.code[5] ?? ""), splitSteps(row?.code[2] ?? "")];
    const rows = alignSteps(left, right);
    assert.deepEqual(
      rows.flatMap((r) => (r.left ? [r.left.index] : [])),
      left.map((s) => s.index),
    );
    assert.deepEqual(
      rows.flatMap((r) => (r.right ? [r.right.index] : [])),
      right.map((s) => s.index),
    );
    for (const r of rows.filter((x) => x.same))
      assert.equal(normaliseStep(r.left!.text), normaliseStep(r.right!.text));
    assert.ok(rows.some((r) => r.same) && rows.some((r) => !r.same));
  });

  it("past the cell cap a bounded greedy walk still matches shifted runs and keeps order", () => {
    const n = Math.ceil(Math.sqrt(MAX_LCS_CELLS)) + 10;
    const a = steps(...Array.from({ length: n }, (_, i) => `s${i}`));
    const b = steps("new", ...Array.from({ length: n }, (_, i) => (i === 7 ? "changed" : `s${i}`)));
    const rows = alignSteps(a, b);
    assert.deepEqual(show(rows).slice(0, 3), ["≠ new", "s0 = s0", "s1 = s1"]);
    assert.equal(show(rows)[8], "s7 ≠ changed");
    assert.equal(rows.filter((r) => r.same).length, n - 1);
    assert.deepEqual(
      rows.flatMap((r) => (r.right ? [r.right.index] : [])),
      b.map((s) => s.index),
    );
  });
});
