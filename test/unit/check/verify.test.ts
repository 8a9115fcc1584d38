import assert from "node:assert/strict";
import { createGrader } from "../../../src/backends/grading";
import { type Grader } from "../../../src/core/grading";
import { verifyAnswer, type SymbolicVerdict } from "../../../src/core/check";

/** [problem, written answer, expected verdict, what the reason must say]. */
type Case = [string, string, SymbolicVerdict, RegExp];

const ROOTS: Case[] = [
  ["Solve $x^2-5x+6=0$.", "x = 2, 3", "verified", /complete: 2 real roots/],
  ["Solve $x^2-5x+6=0$.", "x=2 \\text{ or } x=3", "verified", /complete/],
  ["Solve $x^3 - x = 0$.", "x \\in \\{-1, 0, 1\\}", "verified", /3 real roots/],
  ["Solve $x^2 = 2$.", "x = \\pm\\sqrt{2}", "verified", /complete/],
  ["Solve $x^2 + 1 = 2x$.", "x = 1", "verified", /1 real root/],
  ["Find all real solutions of $x^4 = 1$.", "x = \\pm 1", "verified", /other roots .* not real/],
  ["Solve $x^2-5x+6=0$.", "x = 2, 4", "refuted", /x = 4 does not satisfy .*left − right = 2/],
  ["Solve $x^2-5x+6=0$.", "x = 2", "refuted", /incomplete: x ≈ 3 is also a root/],
  ["Solve $x^2 = 2$.", "x = \\sqrt{2}", "refuted", /x ≈ -1\.41421/],
  ["Find the positive root of $x^2 = 9$.", "x = 3", "verified", /complete/],
  ["Solve the system $x+y=3$, $x-y=1$.", "(2, 1)", "verified", /2 equations/],
  ["Solve the system $x+y=3$, $x-y=1$.", "x = 1, y = 2", "refuted", /does not satisfy x-y=1/],
  ["Solve $\\sqrt{x} = 3$.", "x = 9", "verified", /not a polynomial/],
  ["Find the zeros of $f(x) = x^2 - 4$.", "x = -2, 2", "verified", /complete/],
];

const CALCULUS: Case[] = [
  [
    "Evaluate the integral $\\displaystyle\\int x^2 e^{2x}\\,dx$.",
    "\\tfrac14(2x^2-2x+1)e^{2x} + C",
    "verified",
    /integrand at \d+ random points/,
  ],
  [
    "Evaluate the integral $\\int x^2 e^{2x}\\,dx$.",
    "\\tfrac14(2x^2+2x+1)e^{2x}",
    "refuted",
    /d\/dx of the answer is .* but the integrand is/,
  ],
  ["Find $\\int \\frac{1}{x}\\,dx$.", "\\ln|x| + C", "verified", /integrand/],
  ["Find $\\int \\cos(3x)\\,dx$.", "\\sin(3x) + C", "refuted", /integrand/],
  ["Compute $\\int_0^1 x^2\\,dx$.", "\\frac13", "verified", /Simpson/],
  ["Compute $\\int_0^{\\pi} \\sin x\\,dx$.", "1", "refuted", /is 2 numerically/],
  ["Find the derivative of $f(x) = \\sin(x^2)$.", "f'(x) = 2x\\cos(x^2)", "verified", /numeric derivative/],
  [
    "Find the derivative of $f(x) = \\sin(x^2)$.",
    "\\cos(x^2)",
    "refuted",
    /derivative is .* but the answer gives/,
  ],
  [
    "Compute $\\frac{d}{dx}\\left(x^3 \\ln x\\right)$ for $x > 0$.",
    "3x^2\\ln x + x^2",
    "verified",
    /numeric derivative/,
  ],
  ["Differentiate $y = e^{-x^2}$.", "-2xe^{-x^2}", "verified", /numeric derivative/],
  ["Differentiate $y = e^{-x^2}$.", "2xe^{-x^2}", "refuted", /at x = /],
  ["Find the Laplace transform of $te^{-t}$.", "\\frac{1}{{(s+1)}^2}", "verified", /numeric integration/],
  ["Find the Laplace transform of $te^{-t}$.", "\\frac{1}{s+1}", "refuted", /at s = 1\.5/],
  ["Find the inverse Laplace transform of $\\frac{8}{s^3(s+2)}$.", "2t^2-2t+1-e^{-2t}", "verified", /agrees/],
];

const IDENTITIES: Case[] = [
  ["Simplify $\\frac{x^2-1}{x-1}$ for $x \\neq 1$.", "x+1", "verified", /stated domain/],
  ["Simplify $\\frac{x^2-1}{x-1}$.", "x-1", "refuted", /at x = .* the original is/],
  ["Expand $(x+1)^3$.", "x^3+3x^2+3x+1", "verified", /random points/],
  ["Expand $(x+1)^3$.", "x^3+3x^2+2x+1", "refuted", /the original is/],
  ["Factor $x^2-5x+6$.", "(x-2)(x-3)", "verified", /random points/],
  ["Factor $x^2-5x+6$.", "(x-1)(x-6)", "refuted", /the original is/],
  ["Factor $x^2-5x+6$.", "x^2-5x+6", "refuted", /not written as a product/],
  ["Simplify $\\sqrt{x^2}$ for $x \\geq 0$.", "x", "verified", /stated domain/],
  ["Simplify $\\sqrt{x^2}$.", "x", "refuted", /x = -/],
  ["Simplify $\\sin^2 x + \\cos^2 x$.", "1", "verified", /random points/],
];

const ARITHMETIC: Case[] = [
  ["Compute $\\frac12+\\frac13$.", "\\frac56", "verified", /as claimed/],
  ["Compute $\\frac12+\\frac13$.", "\\frac25", "refuted", /not 0\.4/],
  ["What is $2^{10} - 24$?", "1000", "verified", /1000/],
  ["What is $2^{10} - 24$?", "1024", "refuted", /not 1024/],
  ["Evaluate $\\sqrt{18} \\cdot \\sqrt{2}$.", "6", "verified", /6/],
  [
    "Suppose that the values of $x$, $y$, and $z$ are given by \\[x=-\\frac{2}{3} \\qquad y=\\frac{5}{7} \\qquad z=-\\frac{11}{13}.\\]What is $\\frac{xy}{z}$?",
    "\\frac{130}{231}",
    "verified",
    /with x = -\\frac\{2\}\{3\}, y = \\frac\{5\}\{7\}, z = -\\frac\{11\}\{13\} = 0\.562771/,
  ],
  [
    "Suppose that the values of $x$, $y$, and $z$ are given by \\[x=-\\frac{2}{3} \\qquad y=\\frac{5}{7} \\qquad z=-\\frac{11}{13}.\\]What is $\\frac{xy}{z}$?",
    "\\frac{110}{273}",
    "refuted",
    /not 0\.40293/,
  ],
  ["If $a = 3$, what is $a^2 + 1$?", "10", "verified", /with a = 3/],
];

const UNCHECKED: Case[] = [
  ["Prove that there are infinitely many primes.", "\\text{QED}", "unchecked", /no checkable form/],
  ["", "42", "unchecked", /no problem was found/],
  [
    "Find the x-coordinates of the relative extrema of $g(x) = 3x^2 + 5x +5$",
    "rel. min. at x=-5/6",
    "unchecked",
    /no checkable form/,
  ],
  ["Simplify $i^3$ where $i$ is the complex unit.", "-i", "unchecked", /complex/],
  ["Solve $x^2-5x+6=0$.", "two and three", "unchecked", /not a list of values/],
];

function run(cases: Case[]): void {
  for (const [problem, answer, verdict, reason] of cases) {
    it(`${verdict}: ${problem || "(no problem)"} → ${answer}`, async () => {
      const result = await verifyAnswer({ problem, answer });
      assert.equal(result.verdict, verdict, result.reason);
      assert.match(result.reason, reason);
    });
  }
}

describe("check: symbolic verifier, roots of equations and systems", () => run(ROOTS));
describe("check: symbolic verifier, antiderivatives, derivatives, integrals, Laplace transforms", () =>
  run(CALCULUS));
describe("check: symbolic verifier, simplification, expansion, factorisation (with stated domains)", () =>
  run(IDENTITIES));
describe("check: symbolic verifier, arithmetic", () => run(ARITHMETIC));
describe("check: symbolic verifier, honest unchecked", () => run(UNCHECKED));

describe("check: symbolic verifier through the grading engine (CAS worker)", function () {
  this.timeout(30000);
  let grader: Grader;
  before(() => (grader = createGrader()));
  after(() => grader.dispose());

  it("arithmetic the check parser cannot read goes to the grading engine: a sum", async () => {
    const right = await verifyAnswer({ problem: "Compute $\\sum_{n=1}^{10} n$.", answer: "55" }, grader);
    assert.equal(right.verdict, "verified", right.reason);
    const wrong = await verifyAnswer({ problem: "Compute $\\sum_{n=1}^{10} n$.", answer: "56" }, grader);
    assert.equal(wrong.verdict, "refuted", wrong.reason);
  });

  it("exact rational arithmetic is decided by the engine, with the value shown", async () => {
    const result = await verifyAnswer(
      { problem: "Compute $\\frac12+\\frac13$.", answer: "\\frac{5}{6}" },
      grader,
    );
    assert.equal(result.verdict, "verified");
    assert.match(result.reason, /0\.833333/);
  });
});

describe("check: symbolic verifier, real-data regressions", () => {
  it("a unit fragment (in$^2$) is not an arithmetic expression, and words are not refuted", async () => {
    const problem =
      "A printer needs to make a poster that will have a total area of $200$ in$^2$ and will have $1$ inch margins. What dimensions will give the largest printed area?";
    const result = await verifyAnswer({ problem, answer: "width is 10 in., height is 20 in." });
    assert.equal(result.verdict, "unchecked", result.reason);
  });
});
