/**
 * Demultiplexing of an OpenAI-style stream with n > 1. vLLM sends one role chunk per choice, then
 * chunks that each carry one choice, interleaved in any order; each choice ends with a chunk
 * whose `finish_reason` is set; a usage chunk has `choices: []`. Nothing here assumes an order.
 */
import type { ChoiceChunk } from "./ports";

export class MalformedChunkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedChunkError";
  }
}

interface RawChoice {
  index?: unknown;
  delta?: { content?: unknown } | null;
  finish_reason?: unknown;
}

/** Splits one parsed SSE chunk into per-choice pieces; throws `MalformedChunkError` on a shape we cannot trust. */
export function splitChunk(chunk: unknown): ChoiceChunk[] {
  if (
    typeof chunk !== "object" ||
    chunk === null ||
    !Array.isArray((chunk as { choices?: unknown }).choices)
  ) {
    throw new MalformedChunkError(`a stream chunk has no "choices" array: ${preview(chunk)}`);
  }
  const choices = (chunk as { choices: RawChoice[] }).choices;
  return choices.map((choice) => {
    if (typeof choice.index !== "number" || !Number.isInteger(choice.index) || choice.index < 0) {
      throw new MalformedChunkError(`a stream choice has no valid "index": ${preview(choice)}`);
    }
    const content = choice.delta?.content;
    if (content !== undefined && content !== null && typeof content !== "string") {
      throw new MalformedChunkError(`a stream choice has non-text content: ${preview(choice)}`);
    }
    return {
      index: choice.index,
      content: content ?? "",
      finishReason: parseFinishReason(choice.finish_reason),
    };
  });
}

function parseFinishReason(value: unknown): ChoiceChunk["finishReason"] {
  if (value === null || value === undefined) return null;
  // "length" is the only reason that means the text was cut; stop strings, EOS and tool calls all end normally.
  return value === "length" ? "length" : "stop";
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** Why a piece of a choice is not taken: the server misbehaved, or the client had cut that choice already. */
export type PieceRejection = "out-of-range" | "after-finish" | "after-cut";

type EndReason = "stop" | "length" | "client-limit";

/**
 * Per-choice accumulation of a demultiplexed stream: the text so far and whether it finished. Knows
 * `n`, so that a choice index outside 0…n−1 (a broken or hostile server) is never taken.
 */
export class ChoiceAccumulator {
  private readonly texts = new Map<number, string>();
  private readonly finished = new Map<number, EndReason>();

  constructor(private readonly n = Number.POSITIVE_INFINITY) {}

  /** Null when `add` would take the piece; otherwise why not. */
  rejection(piece: ChoiceChunk): PieceRejection | null {
    if (piece.index >= this.n) return "out-of-range";
    const finished = this.finished.get(piece.index);
    if (finished === "client-limit") return "after-cut";
    return finished ? "after-finish" : null;
  }

  /** Adds a piece; returns true when this piece finished its choice (once per choice). */
  add(piece: ChoiceChunk): boolean {
    if (this.rejection(piece) !== null) return false; // servers must not send more, and we ignore it if they do
    this.texts.set(piece.index, (this.texts.get(piece.index) ?? "") + piece.content);
    if (piece.finishReason === null) return false;
    this.finished.set(piece.index, piece.finishReason);
    return true;
  }

  /** The client stops taking this choice (it reached a size limit); later pieces are rejected as "after-cut". */
  cut(index: number): void {
    if (!this.texts.has(index)) this.texts.set(index, "");
    if (!this.finished.has(index)) this.finished.set(index, "client-limit");
  }

  text(index: number): string {
    return this.texts.get(index) ?? "";
  }

  finishReason(index: number): EndReason | null {
    return this.finished.get(index) ?? null;
  }

  indices(): number[] {
    return [...this.texts.keys()].sort((a, b) => a - b);
  }

  unfinished(): number[] {
    return this.indices().filter((i) => !this.finished.has(i));
  }
}
