/**
 * Turns a growing list of tokens into text deltas, decoding only a short window of recent tokens per
 * call (decoding the whole sequence each time made a long answer quadratic).
 *
 * Two offsets mark the window: the text of the tokens before `readOffset` has been emitted, and the
 * window starts a little earlier, at `prefixOffset`, so that the decoder sees the token before the new
 * ones (a SentencePiece decoder drops the leading space of a sequence's first token: decoding from an
 * earlier token and cutting off that token's text keeps the space). A byte-level vocabulary can split one
 * UTF-8 character over several tokens; the partial character decodes to U+FFFD, so while the window's
 * text ends in U+FFFD nothing is emitted and the window grows until the character is complete (or the
 * sequence ends).
 */
export class TokenTextStream {
  private prefixOffset = 0;
  private readOffset = 0;

  constructor(private readonly decode: (tokens: readonly number[]) => string) {}

  /** The new text since the last call; `final` flushes what was held back. */
  delta(tokens: readonly number[], final = false): string {
    if (tokens.length <= this.readOffset && !final) return "";
    const emitted = this.decode(tokens.slice(this.prefixOffset, this.readOffset));
    const text = this.decode(tokens.slice(this.prefixOffset));
    if (text.length <= emitted.length) return "";
    if (!final && text.endsWith("\uFFFD")) return "";
    this.prefixOffset = this.readOffset;
    this.readOffset = tokens.length;
    return text.slice(emitted.length);
  }
}
