/** Runs data-driven verdict tables through the full grader: one test per table, listing every row that disagrees. */
import * as assert from "node:assert/strict";
import type { Grader, Verdict } from "../../../src/core/grading";

/** Gold, prediction, expected verdict; gold first, as in `acemath grade`. */
export type Row = [gold: string, pred: string, expected: Verdict];

export function itGradesEveryRow(tables: Record<string, Row[]>, grader: () => Grader): void {
  for (const [kind, rows] of Object.entries(tables)) {
    it(`${kind} (${rows.length} pairs)`, async () => {
      const wrong: string[] = [];
      for (const [gold, pred, expected] of rows) {
        const result = await grader().isEquivalent(gold, pred);
        if (result.verdict !== expected)
          wrong.push(`${gold} vs ${pred}: ${result.verdict} (${result.reason}), expected ${expected}`);
      }
      assert.deepEqual(wrong, []);
    });
  }
}
