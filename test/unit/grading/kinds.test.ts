/**
 * Issue #7: grading holds on answers as people and models write them. Each kind's table runs
 * through the full grader (fast rules, then the worker), gold first as in `acemath grade`.
 */
import * as assert from "node:assert/strict";
import { createGrader } from "../../../src/backends/grading";
import { isEquivalentFast, type Grader } from "../../../src/core/grading";
import { KIND_TABLES } from "./kindTables";
import { itGradesEveryRow } from "./verdictTables";

describe("grading: answers as people and models write them (issue #7)", function () {
  this.timeout(20000);
  let grader: Grader;
  before(() => {
    grader = createGrader();
  });
  after(() => grader.dispose());

  itGradesEveryRow(KIND_TABLES, () => grader);

  describe("11. three-valued honesty", () => {
    it("leaves a union whose parts need the CAS unknown on the fast path, and the worker decides it", async () => {
      const gold = "(-\\infty, a+1) \\cup (2a, \\infty)";
      assert.equal(isEquivalentFast(gold, "(-\\infty, 1+a) \\cup (a+a, \\infty)").verdict, "unknown");
      assert.equal(
        (await grader.isEquivalent(gold, "(-\\infty, 1+a) \\cup (a+a, \\infty)")).verdict,
        "equal",
      );
      assert.equal(
        (await grader.isEquivalent(gold, "(-\\infty, 1+a) \\cup (3a, \\infty)")).verdict,
        "not-equal",
      );
    });

    it("keeps undecidable answers in separate classes and reports the pair", async () => {
      const report = await grader.clusterAnswersReport(["10^{10^{10}}", "5", "\\frac{10}{2}"]);
      assert.deepEqual(report.classes, [[0], [1, 2]]);
      assert.deepEqual(
        report.undecided.map((u) => [u.first, u.second]),
        [[0, 1]],
      );
      assert.match(report.undecided[0]?.reason ?? "", /too large/);
    });
  });
});
