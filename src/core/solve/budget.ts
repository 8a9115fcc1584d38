/**
 * Before any generation request: count the prompt (the server's /tokenize where it has one, an
 * estimate elsewhere) and make prompt + max_tokens fit the model's context. A problem that cannot
 * fit fails here, with a clear message, instead of as a server 400 after the user waited.
 */
import { isAbortError } from "../backend/errors";
import type { PolicyBackend, PromptCount } from "../backend/ports";
import { estimateTokens, fitMaxTokens, type BudgetDecision } from "../backend/tokenBudget";
import { buildPolicyMessages, renderChatMl } from "../prompts";

export async function planTokenBudget(
  policy: PolicyBackend,
  model: string,
  problem: string,
  maxTokens: number,
  listedMaxModelLen: number | null,
  signal: AbortSignal,
): Promise<BudgetDecision> {
  const count = await countPrompt(policy, model, problem, signal);
  return fitMaxTokens(count.count, count.exact, maxTokens, listedMaxModelLen ?? count.maxModelLen);
}

async function countPrompt(
  policy: PolicyBackend,
  model: string,
  problem: string,
  signal: AbortSignal,
): Promise<PromptCount> {
  if (policy.countPromptTokens) {
    try {
      return await policy.countPromptTokens(model, problem, signal);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) throw error;
      // Counting is a courtesy: when it fails, the estimate below still protects the user.
    }
  }
  const prompt = `${renderChatMl(buildPolicyMessages(problem))}<|im_start|>assistant\n`;
  return { count: estimateTokens(prompt), exact: false, maxModelLen: null };
}
