// TEST FIXTURE: the simulated backend's tokenizer.
// A "token" is one run of non-whitespace together with the whitespace before it (text that ends in
// whitespace gets one more token for it). Real BPE tokenizers give roughly 1.3 tokens per English word and
// more for LaTeX, so counts here are lower than a real server's; what matters for tests is that
// `splitIntoTokens(text).join("") === text` and that max_tokens and the context limit behave the same way.

export function splitIntoTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

export function countTokens(text: string): number {
  return splitIntoTokens(text).length;
}
