import * as assert from "node:assert/strict";
import { normalizeAnswer } from "../../../src/core/grading";

function check(input: string, expected: string): void {
  assert.equal(normalizeAnswer(input), expected, input);
}

describe("grading: normalisation", () => {
  const table: [string, string][] = [
    ["\\dfrac{1}{2}", "\\frac{1}{2}"],
    ["\\tfrac{3}{4}", "\\frac{3}{4}"],
    ["\\left( 1, 2 \\right)", "(1,2)"],
    ["5\\text{ cm}^2", "5"],
    ["12 \\text{ apples}", "12"],
    ["5 square units", "5"],
    ["30^\\circ", "30"],
    ["30^{\\circ}", "30"],
    ["45°", "45"],
    ["10\\%", "10\\%"],
    ["10%", "10\\%"],
    ["x = 3", "3"],
    ["k=-2", "-2"],
    ["a_1 = 5", "5"],
    ["\\frac12", "\\frac{1}{2}"],
    ["\\frac1{x}", "\\frac{1}{x}"],
    ["\\sqrt3", "\\sqrt{3}"],
    ["2\\sqrt 2", "2\\sqrt{2}"],
    ["7,425,000", "7425000"],
    ["10{,}000", "10000"],
    [".5", "0.5"],
    ["-.25", "-0.25"],
    ["twenty-one", "21"],
    ["three hundred", "300"],
    ["infinity", "\\infty"],
    ["\\infty", "\\infty"],
    ["∞", "\\infty"],
    ["$\\boxed{7}$", "7"],
    ["\\$5.00", "5.00"],
    ["\\text{(C)}", "(C)"],
    ["\\textbf{A}", "A"],
    ["\\pi r^2", "\\pi r^2"],
    ["1\\,000", "1000"],
    ["\\{1,3\\} \\cup \\{2,4\\}", "\\{1,3\\}\\cup\\{2,4\\}"],
    ["x \\in [1, 2)", "[1,2)"],
    ["x \\le 3", "x\\leq3"],
    ["\\frac{\\sqrt{3}}{3} \\approx 0.577", "\\frac{\\sqrt{3}}{3}"],
    ["185\\", "185"],
    ["42.", "42"],
    ["−5", "-5"],
    ["y = 2x + 3", "2x+3"],
    ["x^2 + y^2 = 1", "x^2+y^2=1"],
  ];
  for (const [input, expected] of table) it(`${input} → ${expected}`, () => check(input, expected));

  it("keeps very long inputs as they are (bounded work)", () => {
    const long = "1+".repeat(5000) + "1";
    assert.equal(normalizeAnswer(long), long);
  });
});
