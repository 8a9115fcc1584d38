// Where the editor's step squiggle goes (pure: no VS Code): on the first refuted step of each written
// solution, on the failing relation, never on a correct solution; and what the step hover says.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findCheckTargets, hoverPlainText, type CheckDialect } from "../../../src/core/check";
import {
  documentStepChecks,
  MAX_SOLUTIONS,
  solutionsAround,
  StepCheckCache,
  stepAt,
  stepDiagnostics,
  stepHoverSegments,
} from "../../../src/extension/steps/documentSteps";
import { firstRefutedStep } from "../../../src/core/check/writtenSteps";
import { checkSteps } from "../../../src/core/steps/check";

const STEPS = join(__dirname, "../../fixtures/check/steps");

function load(file: string, dialect: CheckDialect) {
  const text = readFileSync(join(STEPS, file), "utf8");
  const targets = findCheckTargets({ text, dialect });
  return { text, targets, solutions: documentStepChecks(text, targets) };
}

/** 1-based line of an offset. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

describe("step diagnostics and the step hover (placement)", () => {
  it(".tex: one warning per solution with a slip, on the failing relation's line; none on the correct expansion", () => {
    const { text, solutions } = load("slip.tex", "latex");
    const found = stepDiagnostics(text, solutions);
    assert.deepEqual(
      found.map((d) => lineAt(text, d.start)),
      [10, 33],
    );
    assert.equal(lineAt(text, found[0]?.end ?? 0), 10, "the squiggle stays on one line");
    assert.match(text.slice(found[0]?.start, found[0]?.end), /17 \\times 4 = 78/);
    assert.match(found[0]?.message ?? "", /^AceMath step check: refuted\. .*68/);
  });

  it(".md: the warning is on line 7 (144 − 4 = 130), not on the answer line", () => {
    const { text, solutions } = load("slip.md", "markdown");
    const found = stepDiagnostics(text, solutions);
    assert.deepEqual(
      found.map((d) => lineAt(text, d.start)),
      [7],
    );
  });

  it("the hover over a step says its verdict and points to the first error; over the answer it leaves the answer's hover alone", () => {
    const { text, solutions } = load("slip.tex", "latex");
    const later = text.indexOf("78 + 10 = 88");
    const found = stepAt(solutions, later);
    assert.ok(found);
    const first = firstRefutedStep(solutions.find((s) => s.target === found.target)?.checks ?? []);
    const said = hoverPlainText(stepHoverSegments(found, first));
    assert.match(said, /^\*\*AceMath step check\*\* — step 3 of 3: \$\(pass\) \*\*verified\*\*/);
    assert.match(said, /first error in this solution is earlier, on line 10/);
    const slip = stepAt(solutions, text.indexOf("17 \\times 4 = 78"));
    assert.ok(slip);
    assert.match(
      hoverPlainText(stepHoverSegments(slip, first)),
      /refuted.*The first error in this solution/s,
    );
    assert.equal(stepAt(solutions, text.indexOf("\\boxed{88}") + 2), null);
  });

  it("a hover checks only the solution around it; the cache computes each solution once", () => {
    const { text, targets } = load("slip.tex", "latex");
    const around = solutionsAround(text, targets, text.indexOf("2x &= 8"));
    assert.equal(around.length, 1);
    assert.equal(around[0]?.answer.latex, "x = 5");
    let computed = 0;
    const cache = new StepCheckCache((solution, problem) => {
      computed++;
      return checkSteps(solution, { problem });
    });
    documentStepChecks(text, targets, cache.check);
    documentStepChecks(`${text}\n% an edit after the document`, targets, cache.check);
    assert.equal(computed, targets.length);
  });

  it(`bounded: at most ${MAX_SOLUTIONS} solutions of a document are checked`, () => {
    const one = (k: number) => `**Problem ${k}.** What is $2+2$?\n\nWe get $2 + 2 = 5$.\n\nAnswer: $5$\n\n`;
    const text = Array.from({ length: MAX_SOLUTIONS + 20 }, (_, k) => one(k + 1)).join("");
    const targets = findCheckTargets({ text, dialect: "markdown" });
    assert.ok(targets.length > MAX_SOLUTIONS);
    assert.equal(documentStepChecks(text, targets).length, MAX_SOLUTIONS);
  });
});
