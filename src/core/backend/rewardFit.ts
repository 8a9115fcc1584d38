/**
 * The reward input must fit too (docs/protocol.md §3 "Counting tokens"): a candidate whose ChatML
 * input exceeds the reward model's max_model_len is not sent (the server would refuse it with a 400
 * after a round trip), gets its own warning, and the others are scored. The server's own refusal
 * remains the safety net for what the count misses.
 */
import { estimateTokens } from "./tokenBudget";

/** One input's size: counted by the server (vLLM's /tokenize) or estimated. */
export interface InputCount {
  count: number;
  exact: boolean;
}

/** Counts one input; null when the server cannot count (the estimate is used instead). */
export type InputCounter = (input: string) => Promise<InputCount | null>;

export interface FitResult {
  /** Positions of the inputs to send, in input order. */
  send: number[];
  /** Inputs left out, with a sentence saying why. */
  tooLong: { position: number; message: string }[];
}

/**
 * Splits the inputs into those that fit `limit` tokens and those that do not. The estimate over-counts
 * Qwen2's tokens for ordinary text, so an input whose estimate is at most half the context is sent
 * without asking the server; longer ones are counted exactly where the server can count.
 */
export async function fitRewardInputs(
  inputs: readonly string[],
  limit: number | null,
  count: InputCounter,
): Promise<FitResult> {
  if (limit === null) return { send: inputs.map((_, i) => i), tooLong: [] };
  const sizes = await Promise.all(
    inputs.map(async (input): Promise<InputCount> => {
      const estimate = estimateTokens(input);
      if (estimate <= limit / 2) return { count: estimate, exact: false };
      return (await count(input)) ?? { count: estimate, exact: false };
    }),
  );
  const result: FitResult = { send: [], tooLong: [] };
  sizes.forEach((size, position) => {
    if (size.count <= limit) result.send.push(position);
    else result.tooLong.push({ position, message: tooLongMessage(size, limit) });
  });
  return result;
}

function tooLongMessage(size: InputCount, limit: number): string {
  const counted = size.exact ? `${size.count} tokens` : `about ${size.count} tokens (estimated)`;
  return `its reward-model input (problem plus solution) takes ${counted}, more than the reward model's ${limit}-token context, so it was not sent for scoring`;
}
