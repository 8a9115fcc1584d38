// TEST FIXTURE: ChatML (Qwen2) rendering and parsing for the simulated backend.

export interface ChatMessage {
  role: string;
  content: string;
}

/** `<|im_start|>role\ncontent<|im_end|>\n` per message, plus the assistant header when generating. */
export function renderChatMl(
  messages: readonly ChatMessage[],
  options: { addGenerationPrompt: boolean },
): string {
  const rendered = messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join("");
  return options.addGenerationPrompt ? `${rendered}<|im_start|>assistant\n` : rendered;
}

export interface RewardInput {
  problem: string;
  solution: string;
}

/**
 * Takes the last user message as the problem and the last assistant message as the solution from a reward
 * model input. An unterminated last message runs to the end of the text; a text without ChatML markers is
 * taken as a bare solution to an unknown problem.
 */
export function parseRewardInput(rendering: string): RewardInput {
  const messages: ChatMessage[] = [];
  const pattern = /<\|im_start\|>([^\n]*)\n([\s\S]*?)(?:<\|im_end\|>|$)/g;
  for (const match of rendering.matchAll(pattern)) {
    messages.push({ role: (match[1] ?? "").trim(), content: match[2] ?? "" });
  }
  if (messages.length === 0) return { problem: "", solution: rendering };
  const last = (role: string) => messages.filter((m) => m.role === role).pop()?.content ?? "";
  return { problem: last("user"), solution: last("assistant") };
}
