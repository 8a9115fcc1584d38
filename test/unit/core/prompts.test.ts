import assert from "node:assert/strict";
import {
  POLICY_SYSTEM_PROMPT,
  REWARD_SYSTEM_PROMPT,
  buildPolicyMessages,
  renderChatMl,
  renderRewardInput,
} from "../../../src/core/prompts";

describe("prompts", () => {
  it("uses the exact AceMath system prompts", () => {
    assert.equal(
      POLICY_SYSTEM_PROMPT,
      "Please reason step by step, and put your final answer within \\boxed{}.",
    );
    assert.equal(
      REWARD_SYSTEM_PROMPT,
      "Please reason step by step, and check your final answer within \\boxed{}.",
    );
  });

  it("builds the policy messages: system then the problem as written", () => {
    assert.deepEqual(buildPolicyMessages("What is $1+1$?"), [
      { role: "system", content: POLICY_SYSTEM_PROMPT },
      { role: "user", content: "What is $1+1$?" },
    ]);
  });

  const cases: [string, string, string][] = [
    [
      "plain",
      "What is 2+2?",
      "<|im_start|>system\nPlease reason step by step, and check your final answer within \\boxed{}.<|im_end|>\n" +
        "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\nIt is \\boxed{4}.<|im_end|>\n",
    ],
    [
      "multi-line problem keeps its newlines",
      "Line one\n\nLine two $x$",
      "<|im_start|>system\nPlease reason step by step, and check your final answer within \\boxed{}.<|im_end|>\n" +
        "<|im_start|>user\nLine one\n\nLine two $x$<|im_end|>\n<|im_start|>assistant\nIt is \\boxed{4}.<|im_end|>\n",
    ],
  ];
  for (const [name, problem, expected] of cases) {
    it(`renders the reward input as ChatML: ${name}`, () => {
      assert.equal(renderRewardInput(problem, "It is \\boxed{4}."), expected);
    });
  }

  it("renders ChatML without a generation prompt", () => {
    assert.equal(renderChatMl([{ role: "user", content: "hi" }]), "<|im_start|>user\nhi<|im_end|>\n");
  });
});
