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

  it("reads several boxes in the final sentence as one list answer, spanning them", () => {
    const text = "So $x = \\boxed{1}$ or $x = \\boxed{-2}$.";
    const found = extractAnswer(text);
    assert.equal(found?.answer, "1, -2");
    assert.equal(found?.method, "boxed");
    assert.equal(text.slice(found?.start, found?.end), "1}$ or $x = \\boxed{-2");
    check("We try \\boxed{1}, which fails, so \\boxed{2}", "2", "boxed");
  });

  it("narrows an answer sentence to its value (Minerva format, verbs, units)", () => {
    check("Final Answer: The final answer is $3,125$. I hope it is correct.", "3,125", "answer-phrase");
    check("Final Answer: The area of $PQRS$ is 48.", "48", "answer-phrase");
    check("Answer: $9$", "9", "answer-phrase");
    check("The answer is $\\frac{1}{2}$ meters.", "\\frac{1}{2}", "answer-phrase");
    check("The answer is 5 apples.", "5", "answer-phrase");
    check("The final answer is $x=2$ or $x=3$.", "$x=2$ or $x=3$", "answer-phrase");
  });

  it("takes the last math span or number, whichever is later, and stops at chat-template tokens", () => {
    check("so the point is $(4, -1)$. <|im_start|>user\nWhat is 7?", "(4, -1)", "math-span");
    check("the point is $(4,-1)$</s> 12", "(4,-1)", "math-span");
    check("$PQRS$ has area 48 square units", "48", "last-number");
    check("\\[ 9 \\]", "9", "math-span");
    check("It costs \\$5 in total for 7 people", "7", "last-number");
  });

  it("finds multiple-choice letters", () => {
    const mc = { multipleChoice: true };
    check("\\boxed{\\text{(B)}}", "B", "boxed", mc);
    check("The answer is (C) 42.", "C", "answer-phrase", mc);
    check("so option (D) is right", "D", "choice", mc);
    check("\\boxed{B}", "B", "boxed", mc);
  });
});
