// Helpers for the tests of the simulated backend (a TEST FIXTURE itself).
import { loadDataset } from "../../sim/data";
import type { SimProblem } from "../../sim/types";
import { POLICY_SYSTEM_PROMPT, renderRewardInput } from "../../../src/core/prompts";

// The requests a real client sends: the product's own prompt and reward-input rendering.
export { POLICY_SYSTEM_PROMPT as SYSTEM_PROMPT, renderRewardInput as chatMl };

/** A fixture problem by id, e.g. "math_cot_100/5". */
export function fixtureProblem(id: string): SimProblem {
  const problem = loadDataset().problems.find((p) => p.id === id);
  if (!problem) throw new Error(`no fixture problem ${id}`);
  return problem;
}

export function chatBody(problem: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: "nvidia/AceMath-7B-Instruct",
    messages: [
      { role: "system", content: POLICY_SYSTEM_PROMPT },
      { role: "user", content: problem },
    ],
    ...extra,
  };
}

export function postJson(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    ...init,
  });
}

/** The raw `data:` payloads of a complete SSE body, checking vLLM's framing on the way. */
export function ssePayloads(body: string): string[] {
  if (!body.endsWith("\n\n")) throw new Error("an SSE body must end with a blank line");
  return body
    .slice(0, -2)
    .split("\n\n")
    .map((event) => {
      if (!event.startsWith("data: ") || event.includes("\n"))
        throw new Error(`not a one-line data event: ${event}`);
      return event.slice("data: ".length);
    });
}

export interface StreamChoice {
  index: number;
  delta: { role?: string; content?: string };
  logprobs: null;
  finish_reason: "stop" | "length" | null;
  stop_reason?: string | null;
}

export interface StreamChunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: StreamChoice[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** Chunks of a finished stream (the final [DONE] is checked and left out). */
export function streamChunks(body: string): StreamChunk[] {
  const payloads = ssePayloads(body);
  if (payloads.pop() !== "[DONE]") throw new Error("the stream must end with data: [DONE]");
  return payloads.map((p) => JSON.parse(p) as StreamChunk);
}

/** Each choice's text, joined from its content deltas. */
export function textsByIndex(chunks: readonly StreamChunk[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const chunk of chunks) {
    for (const c of chunk.choices) texts.set(c.index, (texts.get(c.index) ?? "") + (c.delta.content ?? ""));
  }
  return texts;
}

export function waitUntil(condition: () => boolean, timeoutMs = 1500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (condition()) resolve();
      else if (Date.now() > deadline) reject(new Error("condition not met in time"));
      else setTimeout(poll, 5);
    };
    poll();
  });
}
