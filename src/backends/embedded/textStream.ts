/**
 * Turns a growing list of tokens into text deltas. A byte-level vocabulary can split one UTF-8
 * character over several tokens; the partial character decodes to U+FFFD, so a trailing U+FFFD is
 * held back until the next token completes it (or the sequence ends).
 */
export class TokenTextStream {
  private emitted = 0;

  constructor(private readonly decode: (tokens: readonly number[]) => string) {}

  /** The new text since the last call; `final` flushes what was held back. */
  delta(tokens: readonly number[], final = false): string {
    let text = this.decode(tokens);
    if (!final) text = text.replace(/\uFFFD+$/u, "");
    if (text.length <= this.emitted) return "";
    const delta = text.slice(this.emitted);
    this.emitted = text.length;
    return delta;
  }
}
