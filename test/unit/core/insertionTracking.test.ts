// The problem's span through single edits, case by case (insertionPlacement.test.ts shows them in documents).
import assert from "node:assert/strict";
import { applyChanges, trackSpan, type TextChange } from "../../../src/core/insertion";

/** The span [10, 20) after one change. */
function check(change: TextChange, expected: { start: number; end: number; intact: boolean }): void {
  assert.deepEqual(applyChanges(trackSpan({ start: 10, end: 20 }), [change]), expected);
}

describe("insertion tracking: one change to the span [10, 20)", () => {
  const cases: [string, TextChange, { start: number; end: number; intact: boolean }][] = [
    ["insert before", { offset: 2, length: 0, insertedLength: 5 }, { start: 15, end: 25, intact: true }],
    [
      "insert at the start: pushed",
      { offset: 10, length: 0, insertedLength: 5 },
      { start: 15, end: 25, intact: true },
    ],
    ["insert inside", { offset: 12, length: 0, insertedLength: 5 }, { start: 10, end: 25, intact: true }],
    [
      "insert at the end: joins",
      { offset: 20, length: 0, insertedLength: 5 },
      { start: 10, end: 25, intact: true },
    ],
    ["insert after", { offset: 21, length: 0, insertedLength: 5 }, { start: 10, end: 20, intact: true }],
    [
      "replace right after the end",
      { offset: 20, length: 3, insertedLength: 1 },
      { start: 10, end: 20, intact: true },
    ],
    ["delete before", { offset: 0, length: 4, insertedLength: 0 }, { start: 6, end: 16, intact: true }],
    ["delete inside", { offset: 12, length: 4, insertedLength: 0 }, { start: 10, end: 16, intact: true }],
    [
      "replace across the start",
      { offset: 8, length: 4, insertedLength: 1 },
      { start: 8, end: 17, intact: true },
    ],
    [
      "replace across the end",
      { offset: 18, length: 4, insertedLength: 7 },
      { start: 10, end: 25, intact: true },
    ],
    [
      "delete all of it",
      { offset: 10, length: 10, insertedLength: 0 },
      { start: 10, end: 10, intact: false },
    ],
    [
      "replace all of it and more",
      { offset: 5, length: 30, insertedLength: 3 },
      { start: 5, end: 5, intact: false },
    ],
  ];
  for (const [name, change, expected] of cases) it(name, () => check(change, expected));

  it("once lost, it stays lost and moves like a point", () => {
    const lost = applyChanges(trackSpan({ start: 10, end: 20 }), [
      { offset: 10, length: 10, insertedLength: 0 },
      { offset: 0, length: 0, insertedLength: 4 },
      { offset: 14, length: 0, insertedLength: 2 },
    ]);
    assert.deepEqual(lost, { start: 16, end: 16, intact: false });
  });

  it("an empty span is never intact (nothing to insert after)", () => {
    assert.equal(trackSpan({ start: 3, end: 3 }).intact, false);
  });
});
