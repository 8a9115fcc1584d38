/**
 * Fitting a request into the model's context (docs/protocol.md §3 "Counting tokens"): prompt plus
 * max_tokens must not exceed max_model_len, or the server answers HTTP 400 after the user waited.
 */

/**
 * A cautious estimate where the server cannot count: Qwen2's tokenizer gives about 3.5 characters per
 * token for English and fewer for LaTeX, so one token per 3 characters over-counts slightly.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}

export type BudgetDecision =
  | { kind: "fits"; maxTokens: number }
  | { kind: "lowered"; maxTokens: number; message: string }
  | { kind: "too-long"; message: string };

/** The room a solve needs at least to be worth sending: below this a solution cannot reach `\boxed{}`. */
export const MIN_COMPLETION_TOKENS = 64;

export function fitMaxTokens(
  promptTokens: number,
  exact: boolean,
  maxTokens: number,
  maxModelLen: number | null,
): BudgetDecision {
  if (maxModelLen === null) return { kind: "fits", maxTokens };
  const counted = exact ? `${promptTokens} tokens` : `about ${promptTokens} tokens (estimated)`;
  const room = maxModelLen - promptTokens;
  if (room < MIN_COMPLETION_TOKENS) {
    return {
      kind: "too-long",
      message: `The problem takes ${counted}, and the model's context is ${maxModelLen} tokens: no room is left for a solution (at least ${MIN_COMPLETION_TOKENS} tokens). Shorten the problem, or serve the model with a longer --max-model-len.`,
    };
  }
  if (promptTokens + maxTokens <= maxModelLen) return { kind: "fits", maxTokens };
  return {
    kind: "lowered",
    maxTokens: room,
    message: `The problem takes ${counted} of the model's ${maxModelLen}-token context, so each solution may use at most ${room} tokens instead of ${maxTokens} (acemath.maxTokens).`,
  };
}
