/**
 * Prompt formats of the AceMath models (docs/protocol.md §1). Exact strings: the models were
 * trained with them, so a changed character changes the model's behaviour.
 */

/** System message of the policy (Qwen2.5-Math "cot" format). */
export const POLICY_SYSTEM_PROMPT = "Please reason step by step, and put your final answer within \\boxed{}.";

/** System message the reward model was trained with. Note "check", not "put". */
export const REWARD_SYSTEM_PROMPT =
  "Please reason step by step, and check your final answer within \\boxed{}.";

/** Stop strings worth sending: the ChatML end markers, in case a server's template omits them. */
export const POLICY_STOP_STRINGS = ["<|im_end|>", "<|endoftext|>"];

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export function buildPolicyMessages(problem: string): ChatMessage[] {
  return [
    { role: "system", content: POLICY_SYSTEM_PROMPT },
    { role: "user", content: problem },
  ];
}

/** Qwen2 ChatML rendering, without a generation prompt. */
export function renderChatMl(messages: readonly ChatMessage[]): string {
  return messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join("");
}

/** The reward model's input: (system, problem, candidate solution) rendered as ChatML. */
export function renderRewardInput(problem: string, solution: string): string {
  return renderChatMl([
    { role: "system", content: REWARD_SYSTEM_PROMPT },
    { role: "user", content: problem },
    { role: "assistant", content: solution },
  ]);
}
