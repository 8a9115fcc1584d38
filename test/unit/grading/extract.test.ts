import * as assert from "node:assert/strict";
import { extractAnswer, extractBoxed, type ExtractOptions } from "../../../src/core/grading";

/** Checks the answer, its method, and that the offsets point at the answer in the text. */
function check(text: string, expected: string | null, method?: string, options?: ExtractOptions): void {
  const found = extractAnswer(text, options);
  assert.equal(found?.answer ?? null, expected, text);
  if (!found) return;
  if (method) assert.equal(found.method, method, text);
  if (found.method !== "choice" || text.slice(found.start, found.end) === found.answer) {
    assert.equal(text.slice(found.start, found.end), found.answer, `offsets of ${text}`);
  }
}

describe("grading: extraction", () => {
  it("takes the last \\boxed with brace matching", () => {
    check("So \\(\\boxed{\\frac{1}{2}}\\).", "\\frac{1}{2}", "boxed");
    check("\\boxed{1} then \\boxed{2}", "2", "boxed");
    check("\\boxed{\\{1, 2\\}}", "\\{1, 2\\}", "boxed");
    check("$\\boxed{x^{2}+\\frac{1}{x}}$", "x^{2}+\\frac{1}{x}", "boxed");
    check("\\fbox{7}", "7", "boxed");
    check("\\boxed 5$ done", "5", "boxed");
    check("\\boxed{ 42 }.", "42", "boxed");
  });

  it("skips a truncated last box and empty boxes", () => {
    check("\\boxed{3} and then \\boxed{4", "3", "boxed");
    check("put it in \\boxed{} ... the answer is 12.", "12", "answer-phrase");
    assert.equal(extractBoxed("no box here 12"), null);
  });

  it("falls back to the answer phrase, then to the last number", () => {
    check("Thus the answer is $3.5$.\nDone", "3.5", "answer-phrase");
    check("The final answer is: 17", "17", "answer-phrase");
    check("step 1\n#### 1,234", "1,234", "answer-phrase");
    check("so she makes 13 * 2 = $<<13*2=26>>26\nA: 26", "26", "last-number");
    check("we get -0.5 in the end", "-0.5", "last-number");
    check("no numbers at all", null);
  });

  it("finds multiple-choice letters", () => {
    const mc = { multipleChoice: true };
    check("\\boxed{\\text{(B)}}", "B", "boxed", mc);
    check("The answer is (C) 42.", "C", "answer-phrase", mc);
    check("so option (D) is right", "D", "choice", mc);
    check("\\boxed{B}", "B", "boxed", mc);
  });
});
