import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../../../src/core/check/math/ast";
import { checkSteps, firstError, MAX_LINKS, type StepCheck } from "../../../src/core/steps/check";
import { parseMember } from "../../../src/core/steps/formula";
import { readJsonl } from "../../support/jsonl";

const SAMPLES = join(__dirname, "../../fixtures/eval/math_cot_100.jsonl");

type V = "verified" | "refuted" | "unchecked";

interface Row {
  name: string;
  text: string;
  /** Expected verdict of each step, in order. */
  verdicts: V[];
  /** Text the first error's reason must contain (when a step is refuted). */
  reason?: RegExp;
  problem?: string;
}

function verdicts(checks: StepCheck[]): V[] {
  return checks.map((c) => c.verdict);
}

function runTable(rows: Row[]): void {
  for (const row of rows) {
    it(row.name, () => {
      const checks = checkSteps(row.text, row.problem === undefined ? {} : { problem: row.problem });
      assert.deepEqual(
        verdicts(checks),
        row.verdicts,
        checks.map((c) => `${c.verdict}: ${c.reason}`).join("\n"),
      );
      const first = firstError(checks);
      if (row.reason) assert.match(first?.reason ?? "(no refuted step)", row.reason);
      else assert.equal(first, null);
    });
  }
}

describe("step checks: arithmetic", () => {
  runTable([
    {
      name: "17 × 4 = 78 is refuted and the message names the correct value 68",
      text: "We compute \\(17 \\times 4 = 78\\).",
      verdicts: ["refuted"],
      reason: /17 × 4 = 78 is false: 17 × 4 = 68/,
    },
    {
      name: "the same slip written without math delimiters (plain text, as a user or GSM8K writes it)",
      text: "She buys 17 × 4 = 78 apples.",
      verdicts: ["refuted"],
      reason: /17 × 4 = 68/,
    },
    {
      name: "numbered steps: the first wrong one is the first error",
      text: "1. Add: \\(12 + 5 = 17\\).\n2. Double: \\(17 \\cdot 2 = 34\\).\n3. Halve: \\(34 / 2 = 18\\).\n4. Then \\(18 + 1 = 19\\).",
      verdicts: ["verified", "verified", "refuted", "verified"],
      reason: /34 \/ 2 = 17/,
    },
    {
      name: "a correct chain of products (a real MATH solution's display)",
      text: "\\[10 \\cdot 6 \\cdot 7 = 60 \\cdot 7 = 420\\]",
      verdicts: ["verified"],
    },
    {
      name: "mixed numbers, thousands separators, percent, rounding to the digits written",
      text:
        "\\[2\\frac{1}{2} = 2 + \\frac{1}{2} = \\frac{5}{2}\\]\n\\[1{,}000 + 2,500 = 3500\\]\n" +
        "\\[\\frac{1}{4} = 25\\%\\]\n\\[\\frac{20}{3} = 6.67\\]",
      verdicts: ["verified", "verified", "verified", "verified"],
    },
    {
      name: "a rounded value that is wrong in its written digits is refuted",
      text: "\\[\\frac{20}{3} = 6.5\\]",
      verdicts: ["refuted"],
      reason: /20\/3 = 6\.66667/,
    },
    {
      name: "unit conversions and multipliers in words are not read as equal numbers",
      text: "\\[20 \\text{ dozen} = 20 \\times 12 = 240\\]\n\\[\\$1.20 = 120 \\text{ cents}\\]\n\\[3 \\text{ remainder } 2\\]",
      verdicts: ["verified", "unchecked", "unchecked"],
    },
    {
      name: "approximations are verified when close and never refuted; false inequalities between numbers are",
      text: "\\(\\sqrt{2} \\approx 1.414\\)\n\n\\(\\pi \\approx 3\\)\n\n\\(7 > 9\\)",
      verdicts: ["verified", "unchecked", "refuted"],
      reason: /7 > 9 is false/,
    },
  ]);
});

describe("step checks: chains, expansions and aligned displays", () => {
  runTable([
    {
      name: "align rows continuing a chain (&=): a correct expansion",
      text: "\\begin{align*}\n(x+2)^2 &= x^2 + 4x + 4 \\\\\n&= (x+2)(x+2)\n\\end{align*}",
      verdicts: ["verified", "verified"],
    },
    {
      name: "a line starting with = continues the previous line's chain; the wrong link is refuted",
      text: "\\[ (x+1)^2 = x^2 + 2x + 1 \\]\n\\[ = x^2 + 2x + 2 \\]",
      verdicts: ["verified", "refuted"],
      reason: /x\^2 \+ 2x \+ 1 = x\^2 \+ 2x \+ 2 is not an identity: at x = /,
    },
    {
      name: "a wrong expansion chained to a named function",
      text: "\\[ f(x) = (x+3)^2 = x^2 + 9 \\]",
      verdicts: ["refuted"],
      reason: /is not an identity/,
    },
    {
      name: "a defined function evaluated at a point",
      text: "Let \\(f(x) = x^2 + 1\\).\n\n\\(f(2) = 5\\) and \\(f(3) = 11\\).",
      verdicts: ["unchecked", "refuted"],
      reason: /f\(3\) = 10/,
    },
    {
      name: "a value found earlier substituted along a named chain",
      text: "\\[ a = 6\\sqrt{2} \\]\n\\[ A = \\frac{1}{2}a^2 = \\frac{1}{2} \\cdot 72 = 36 \\]\n\\[ B = \\frac{1}{2}a^2 = \\frac{1}{2} \\cdot 36 = 18 \\]",
      verdicts: ["unchecked", "verified", "refuted"],
      reason: /with a = 6√\(2\)/,
    },
  ]);

  it("the counterexample of a refuted identity is a point where the two sides differ", () => {
    const [check] = checkSteps("\\[ f(x) = (x+3)^2 = x^2 + 9 \\]");
    const point = new Map(Object.entries(check?.counterexample ?? {}));
    assert.deepEqual([...point.keys()], ["x"]);
    const left = evaluate(parseMember("(x+3)^2")!, point);
    const right = evaluate(parseMember("x^2 + 9")!, point);
    assert.ok(Math.abs(left - right) > 1e-3, `${left} vs ${right}`);
    assert.equal(check?.link, "(x+3)^2 = x^2 + 9");
  });
});

describe("step checks: transformed equations", () => {
  runTable([
    {
      name: "steps that keep the solution set: scaling, moving terms, the solved form",
      text: "\\[ 2x + 3 = 7 \\]\n\\[ 2x = 4 \\]\n\\[ x = 2 \\]",
      verdicts: ["unchecked", "verified", "verified"],
    },
    {
      name: "a solved form that does not satisfy the equation is refuted with the point",
      text: "We have \\(3x = 12\\), so\n\n\\(x = 5\\).",
      verdicts: ["unchecked", "refuted"],
      reason: /x = 5 does not satisfy 3x = 12/,
    },
    {
      name: "a wrong factorisation changes the roots",
      text: "\\[ x^2 - 5x + 6 = 0 \\]\n\\[ (x-2)(x-4) = 0 \\]",
      verdicts: ["unchecked", "refuted"],
      reason: /has x = 2, 3, this equation has x = 2, 4/,
    },
    {
      name: "dividing by x loses the root 0: not judged, never refuted",
      text: "\\[x^3 = 4x\\]\n\\[x^2 = 4\\]",
      verdicts: ["unchecked", "unchecked"],
    },
    {
      name: "both roots of a quadratic, one after the other",
      text: "\\[ x^2 - 5x + 6 = 0 \\]\n\\[ (x-2)(x-3) = 0 \\]\n\\[ x = 2 \\quad \\text{or} \\quad x = 3 \\]",
      verdicts: ["unchecked", "verified", "verified"],
    },
    {
      name: "a later value of the same variable is a new assignment, not a root (trying r = 9 after solving)",
      text: "\\[ 60 = 2\\pi r \\]\n\\[ r = \\frac{60}{2\\pi} \\]\nThe largest integer radius is\n\\[ r = 9 \\]",
      verdicts: ["unchecked", "verified", "unchecked", "unchecked"],
    },
  ]);
});

describe("step checks: derivatives and domains", () => {
  runTable([
    {
      name: "a correct derivative",
      text: "\\[ \\frac{d}{dx}\\left(x^3 - 2x\\right) = 3x^2 - 2 \\]",
      verdicts: ["verified"],
    },
    {
      name: "a wrong derivative",
      text: "\\[ \\frac{d}{dx}(x^3) = 3x \\]",
      verdicts: ["refuted"],
      reason: /the derivative is/,
    },
    {
      name: "a stated domain x ≠ 1 is honoured",
      text: "For \\(x \\neq 1\\): \\(\\frac{x^2 - 1}{x - 1} = x + 1\\).",
      verdicts: ["verified"],
    },
    {
      name: "an identity that holds only for positive values: unchecked without a domain, verified with x > 0",
      text: "\\(\\sqrt{x^2} = x\\)",
      verdicts: ["unchecked"],
    },
    {
      name: "…and verified where the problem states x > 0",
      text: "\\(\\sqrt{x^2} = x\\)",
      problem: "Let $x > 0$. Simplify $\\sqrt{x^2}$.",
      verdicts: ["verified"],
    },
  ]);
});

describe("step checks: what stays unchecked", () => {
  runTable([
    {
      name: "free functions, definitions with free symbols, sums, integrals and words",
      text:
        "Let \\(g(x) = h(x) + 1\\).\n\nThen \\(E = mc^2\\).\n\n\\(\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}\\)\n\n" +
        "\\(\\int_0^1 x\\,dx = \\frac12\\)\n\nThe answer is large.",
      verdicts: ["unchecked", "unchecked", "unchecked", "unchecked", "unchecked"],
    },
    {
      name: "geometry names (AB, \\text{Area}) are not products of variables",
      text: "\\(AB = AC\\)\n\n\\(BC = BD + DC = 5 + 3 = 8\\)\n\n\\(\\text{Area} = \\frac{1}{2} \\times AB \\times AC\\)",
      verdicts: ["unchecked", "verified", "unchecked"],
    },
    {
      name: "segments and quantities named in words carry values along named chains",
      text:
        "Let \\(CD = 3\\) and \\(DE = 4\\).\n\n\\[ AB = \\sqrt{CD^2 + DE^2} = \\sqrt{3^2 + 4^2} = 5 \\]\n\n" +
        "\\[ \\text{Area of the triangle} = \\frac{1}{2} \\times CD \\times DE = \\frac{1}{2} \\times 3 \\times 5 \\]",
      verdicts: ["unchecked", "verified", "refuted"],
      reason: /with CD = 3, DE = 4/,
    },
    {
      name: "a standalone equation is about its variable, whatever value that variable had in an earlier part",
      text: "\\[ x = 2 \\]\nPart (b):\n\\[ 2x + 1 = 9 \\]",
      verdicts: ["unchecked", "unchecked", "unchecked"],
    },
    {
      name: "complex numbers are left alone",
      text: "\\[ (1+i)^2 = 2i \\]",
      verdicts: ["unchecked"],
    },
  ]);

  it("a runaway chain is cut at MAX_LINKS relations, the rest unchecked", () => {
    const text = `\\[ ${Array.from({ length: MAX_LINKS + 50 }, () => "1").join(" = ")} \\]`;
    const [check] = checkSteps(text);
    assert.equal(check?.links.length, MAX_LINKS + 49);
    assert.equal(check?.links.filter((l) => l.verdict === "verified").length, MAX_LINKS);
    assert.equal(check?.links.at(-1)?.reason, "not checked: too many relations");
  });

  it("offsets and lines come from the step splitter (what diagnostics place)", () => {
    const text = "Intro.\n\n\\[ 2 + 2 = 5 \\]";
    const [, second] = checkSteps(text);
    assert.equal(second?.step.line, 2);
    assert.equal(text.slice(second?.step.start, second?.step.end), "\\[ 2 + 2 = 5 \\]");
  });
});

describe("step checks: real solutions (math_cot_100, 800 solutions with correctness labels)", () => {
  const rows = readJsonl<{ question: string; code: string[]; score: boolean[] }>(SAMPLES);

  it("no false alarm: the only refuted steps of solutions labelled correct are real slips", () => {
    let steps = 0;
    const refuted: string[] = [];
    rows.forEach((row, p) =>
      row.code.forEach((text, c) => {
        if (!row.score[c]) return;
        const checks = checkSteps(text, { problem: row.question });
        steps += checks.length;
        for (const r of checks.filter((k) => k.verdict === "refuted")) refuted.push(`${p}/${c}: ${r.link}`);
      }),
    );
    // Each of these is false as written, in a solution whose final answer happens to be right
    // (studied one by one; see the report): 29 - 10 - 1 is 18; 1 ÷ 50 is 0.02 (the model meant 50 ÷ 1);
    // √2·x/2 is not (√2/2)·√2·x.
    assert.deepEqual(refuted, [
      "16/3: 29 - 10 - 1 = 19",
      "25/1: \\frac{\\sqrt{2}x}{2} = \\frac{\\sqrt{2}}{2} \\times \\sqrt{2}x",
      "97/1: 1 \\div 50 = 50",
      "97/2: 1 \\div 50 = 50",
      "97/5: 1 \\div 50 = 50",
    ]);
    assert.ok(refuted.length / steps < 0.01);
  });

  it("a real solution with bold step headings: every display verified, prose unchecked", () => {
    const checks = checkSteps(rows[21]?.code[5] ?? "");
    const displays = checks.filter((c) => c.step.kind === "display");
    assert.equal(displays.length, 3);
    for (const d of displays) assert.equal(d.verdict, "verified", d.reason);
    assert.equal(firstError(checks), null);
  });

  it("a real wrong solution's arithmetic slip is found (problem 54: ½ · 24 · 26 is 312, not 156)", () => {
    const checks = checkSteps(rows[54]?.code[0] ?? "");
    assert.match(firstError(checks)?.reason ?? "", /= 312$/);
  });
});

describe("step checks: real GSM8K solutions (plain-text arithmetic, 200 problems × 4 solutions)", () => {
  const GSM8K = join(__dirname, "../../fixtures/steps/gsm8k_model_solutions_200.jsonl");
  type Solution = { is_correct: boolean; solution: string };
  const rows = readJsonl<Record<string, Solution | string>>(GSM8K);
  const KEYS = ["6b_finetuning", "6b_verification", "175b_finetuning", "175b_verification"];

  it("no false alarm in solutions labelled correct; the one refuted step is a real slip", () => {
    const refuted: string[] = [];
    let verified = 0;
    rows.forEach((row, p) => {
      for (const key of KEYS) {
        const solution = row[key] as Solution;
        const checks = checkSteps(solution.solution, { problem: String(row.question) });
        verified += checks.filter((c) => c.verdict === "verified").length;
        if (solution.is_correct)
          for (const r of checks.filter((c) => c.verdict === "refuted"))
            refuted.push(`${p}/${key}: ${r.link}`);
      }
    });
    // "the probability of rolling three is 1 - 1 - 1 - 1 - 1 - 1 - 1 - 1 = 0.01": false as written.
    assert.deepEqual(refuted, ["184/6b_verification: 1 - 1 - 1 - 1 - 1 - 1 - 1 - 1 = 0.01"]);
    assert.ok(verified > 500, `${verified} steps verified`);
  });

  it("a wrong calculator note is the first error (the slip of GSM8K problem 1099)", () => {
    const checks = checkSteps("So it takes 5-3=<<5-3=2.5>>2.5 minutes longer.");
    assert.equal(firstError(checks)?.link, "5-3 = 2.5");
    assert.match(firstError(checks)?.reason ?? "", /5-3 = 2$/);
  });
});

describe("step checks: documents with many exercises (test/fixtures/check/documents)", () => {
  runTable([
    {
      name: "a function defined in one exercise is not the f of the next one",
      text: "## Question 2\n\nConsider \\(f(x) = 2x + 1\\).\n\n## Question 3\n\nYou are given that \\(f(0) = 10\\).",
      verdicts: ["unchecked", "unchecked", "unchecked", "unchecked"],
    },
    {
      name: "pieces of a piecewise definition are not equations",
      text: "Let \\(f(t) = t - 1\\) for \\(1 \\leq t < 2\\) and \\(f(t) = 0\\) otherwise.",
      verdicts: ["unchecked"],
    },
    {
      name: "an inequality with a variable is a condition, whatever value the variable had",
      text: "The mass sits at \\(t = 0\\).\n\nIt is zero for \\(t \\neq 0\\).",
      verdicts: ["unchecked", "unchecked"],
    },
    {
      name: "probability and expectation notation is not a product",
      text: "\\(P(A) = \\frac{1}{3}\\), so \\(P(A^c) = \\frac{2}{3}\\) and \\(P(A) + P(A^c) = 1\\).",
      verdicts: ["unchecked"],
    },
  ]);

  it("no step of the real problem-set documents is refuted", () => {
    const root = join(__dirname, "../../fixtures/check/documents");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) =>
      /\.(?:tex|md|ipynb)$/.test(f),
    );
    assert.ok(files.length >= 10, files.join(", "));
    let verified = 0;
    for (const file of files) {
      const raw = readFileSync(join(root, file), "utf8");
      const text = file.endsWith(".ipynb") ? notebookText(raw) : raw;
      const checks = checkSteps(text);
      verified += checks.filter((c) => c.verdict === "verified").length;
      const refuted = checks
        .filter((c) => c.verdict === "refuted")
        .map((c) => `${file}:${c.step.line + 1} ${c.link}`);
      assert.deepEqual(refuted, []);
    }
    assert.ok(verified > 20, `${verified} verified`);
  });
});

function notebookText(raw: string): string {
  const cells = (JSON.parse(raw) as { cells: { source: string | string[] }[] }).cells;
  return cells.map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source)).join("\n\n");
}
