import * as assert from "node:assert/strict";
import { isEquivalentFast, type EquivalenceOptions, type Verdict } from "../../../src/core/grading";

function check(gold: string, pred: string, expected: Verdict, options?: EquivalenceOptions): void {
  const result = isEquivalentFast(gold, pred, options);
  assert.equal(result.verdict, expected, `${gold} vs ${pred}: ${result.reason}`);
  assert.ok(result.reason.length > 0);
}

const E = "equal";
const N = "not-equal";
const U = "unknown";

describe("grading: fast equivalence (no CAS)", () => {
  const table: [string, string, Verdict][] = [
    // exact text and numbers
    ["5", "5", E],
    ["5", "5.0", E],
    ["5", "5.001", N],
    ["1/2", "0.5", E],
    ["\\frac{1}{2}", "0.5", E],
    ["0.0833333333333333", "\\frac{1}{12}", E],
    ["\\frac13", "0.33", N],
    ["918\\frac{1}{2}", "918.5", E],
    ["12\\frac{3}{5}", "\\frac{63}{5}", E],
    ["7,425,000", "7425000", E],
    ["6290000", "6287000", N],
    ["-3969", "-3969", E],
    ["-4", "4", N],
    ["37.50", "37.5", E],
    ["2.5", "\\frac{5}{2}", E],
    // exact rationals where a tolerance would be wrong
    ["\\frac{100000}{100001}", "\\frac{100001}{100002}", N],
    ["\\frac{2}{4}", "\\frac{1}{2}", E],
    // radicals and constants, exactly
    ["\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt{2}}", E],
    ["\\sqrt{8}", "2\\sqrt{2}", E],
    ["\\sqrt{12}", "3\\sqrt{2}", N],
    ["2\\sqrt[3]{4}", "\\sqrt[3]{32}", E],
    ["-1-\\sqrt{3}", "-\\sqrt{3}-1", E],
    ["7\\pi", "21.99114857", E],
    ["7\\pi", "22", N],
    ["\\log_2 8", "3", E],
    ["\\binom{5}{2}", "10", E],
    ["5!", "120", E],
    ["e^{2}", "7.389056", E],
    // percentages
    ["10\\%", "0.1", E],
    ["10\\%", "10", E],
    ["0.1", "10\\%", E],
    ["25\\%", "0.2", N],
    // units, degrees, words
    ["30^\\circ", "30", E],
    ["12 \\text{ cm}", "12", E],
    ["\\text{odd}", "odd", E],
    ["\\text{even}", "odd", N],
    ["twelve", "12", E],
    ["A", "\\text{(A)}", E],
    ["C", "C. x = 42", E],
    ["B", "(C)", N],
    // tuples and intervals
    ["(1,4.5)", "(1,\\frac{9}{2})", E],
    ["(1,2)", "(2,1)", N],
    ["(3,1)", "[3,1]", E], // a point: brackets do not matter for tuples
    ["[1,2)", "(1,2)", N], // an interval: they do
    ["[1,2]", "(1,2)", N],
    ["(-\\infty, 3)", "(-\\infty,3]", N],
    ["(-\\infty, 3)", "\\left(-\\infty, 3\\right)", E],
    ["(1,2,3)", "(1,2)", N],
    ["(1,2,3)", "[1,2,3]", E],
    // sets and unions
    ["\\{1,3\\} \\cup \\{2,4\\}", "\\{1,2,3,4\\}", E],
    ["\\{1,2\\}", "\\{2,1\\}", E],
    ["\\{1,2\\}", "\\{1,2,3\\}", N],
    ["1, 2", "2, 1", E],
    ["\\sqrt{67},-\\sqrt{85}", "\\sqrt{67}", N],
    ["(-\\infty,1]\\cup[3,\\infty)", "[3,\\infty)\\cup(-\\infty,1]", E],
    ["(-\\infty,1]\\cup[3,\\infty)", "(-\\infty,1)\\cup[3,\\infty)", N],
    ["\\emptyset", "\\varnothing", E],
    ["2\\pm\\sqrt{3}", "2+\\sqrt{3}, 2-\\sqrt{3}", E],
    ["\\pm 2", "\\{2,-2\\}", E],
    ["2\\pm\\sqrt{3}", "2+\\sqrt{3}", N],
    // inequalities against intervals
    ["\\{x|-2\\leq x < 1\\}", "[-2,1)", E],
    ["x > 3", "(3, \\infty)", E],
    ["x \\geq 3", "(3, \\infty)", N],
    ["3 < x", "x > 3", E],
    ["x<1 \\text{ or } x>3", "(-\\infty,1)\\cup(3,\\infty)", E],
    // matrices
    ["\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}", E],
    ["\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{pmatrix}1&2\\\\4&3\\end{pmatrix}", N],
    ["\\begin{pmatrix}1\\\\2\\end{pmatrix}", "(1,2)", E],
    ["\\begin{pmatrix}1&2\\end{pmatrix}", "\\begin{pmatrix}1\\\\2\\\\3\\end{pmatrix}", N],
    // infinity and overflow
    ["\\infty", "+\\infty", E],
    ["\\infty", "-\\infty", N],
    ["10^{10^{10}}", "5", U],
    // malformed and text
    ["4:30p..", "4:30", N],
    // a time of day wrapped whole in text (MATH's gold) against the spellings models write
    ["\\text{4:30 p.m.}", "4:30 \\text{ p.m.}", E],
    ["\\text{4:30 p.m.}", "16:30", E],
    ["\\mathrm{7:05 am}", "7:05", E],
    ["\\text{4:30 a.m.}", "4:30 \\text{ p.m.}", N],
    ["", "5", N],
    // symbolic work is left to the worker
    ["\\frac{x}{7}+\\frac{2}{7}", "\\frac{x+2}{7}", U],
    ["x+1", "1+x", U],
  ];
  for (const [gold, pred, expected] of table)
    it(`${gold} vs ${pred} → ${expected}`, () => check(gold, pred, expected));

  it("applies the relative tolerance from the options", () => {
    check("100", "100.5", N);
    check("100", "100.5", E, { relativeTolerance: 1e-2 });
  });

  it("accepts gold ×100 or ÷100 only with percentage leniency", () => {
    check("0.25", "25", N);
    check("0.25", "25", E, { percentLeniency: true });
    check("25", "0.25", E, { percentLeniency: true });
    check("25", "0.3", N, { percentLeniency: true });
  });

  // Only that the fast path answers at all; how fast is measured by bench/grading.bench.ts.
  it("answers pathological input without the CAS, never hanging", () => {
    const inputs = [
      "10^{10^{10}}",
      "9^{9^{9^{9}}}",
      "(".repeat(500) + "1" + ")".repeat(500),
      "1000!",
      "\\binom{10^9}{5000}",
    ];
    for (const input of inputs) {
      const result = isEquivalentFast(input, "5");
      assert.ok(["equal", "not-equal", "unknown"].includes(result.verdict), input);
    }
  });
});
