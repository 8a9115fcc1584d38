/**
 * Issue #7, round 2: the probe tables (gold answers from the evaluation sets, predictions as models
 * write them, expected verdicts as a careful human would give them) through the full grader, gold
 * first as in `acemath grade`. Each kind lists every pair that disagrees, with the rule's reason.
 */
import * as assert from "node:assert/strict";
import { createGrader } from "../../../src/backends/grading";
import { type Grader } from "../../../src/core/grading";
import { PROBES } from "./probes";
import { itGradesEveryRow } from "./verdictTables";

describe("grading: probe pairs in the styles other graders exercise (issue #7, round 2)", function () {
  this.timeout(30000);
  let grader: Grader;
  before(() => {
    grader = createGrader();
  });
  after(() => grader.dispose());

  itGradesEveryRow(PROBES, () => grader);

  it("has at least 300 probes, with near misses that must stay unequal", () => {
    const all = Object.values(PROBES).flat();
    assert.ok(all.length >= 300, `${all.length} probes`);
    assert.ok(all.filter(([, , expected]) => expected === "not-equal").length >= 100);
  });
});
