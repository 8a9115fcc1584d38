/**
 * What a chat server does with `n` > 1 (docs/protocol.md §2): vLLM and SGLang honour it, newer
 * llama.cpp caps it at its slot count, older llama.cpp refuses it (HTTP 400), Ollama ignores it (one
 * choice comes back). Learnt once per endpoint by a tiny probe and remembered.
 */
import { BackendError } from "./errors";

export type NSupport =
  { kind: "honoured" } | { kind: "capped"; max: number } | { kind: "refused" } | { kind: "ignored" };

/** One request of a solve: choices `first`…`first + count − 1`, with seed `seed + first` (as vLLM numbers them). */
export interface RequestPart {
  first: number;
  count: number;
}

/** Splits n candidates into the requests this server accepts. */
export function planParts(n: number, support: NSupport | null): RequestPart[] {
  const perRequest =
    support === null || support.kind === "honoured" ? n : support.kind === "capped" ? support.max : 1;
  const size = Math.max(1, Math.min(n, perRequest));
  const parts: RequestPart[] = [];
  for (let first = 0; first < n; first += size) parts.push({ first, count: Math.min(size, n - first) });
  return parts;
}

/**
 * Reads an HTTP 400 about `n`: llama.cpp's "Only one completion choice is allowed", or a cap such
 * as "n must be at most 4". Null when the error is about something else.
 */
export function nRefusal(error: unknown, asked: number): NSupport | null {
  if (!(error instanceof BackendError) || error.kind !== "http") return null;
  if (error.status !== 400 && error.status !== 422) return null;
  const message = error.message;
  if (!/\bn\b|completion choice|choices/i.test(message)) return null;
  if (/context|token/i.test(message) && !/completion choice/i.test(message)) return null;
  const limit = [...message.matchAll(/\b(\d+)\b/g)].map((m) => Number(m[1])).find((v) => v >= 2 && v < asked);
  return limit === undefined ? { kind: "refused" } : { kind: "capped", max: limit };
}

export function describeNSupport(support: NSupport | null): string {
  if (support === null) return "not yet known";
  switch (support.kind) {
    case "honoured":
      return "honoured (one request for all candidates)";
    case "capped":
      return `capped at ${support.max} (requests of up to ${support.max} candidates)`;
    case "refused":
      return "refused (one request per candidate)";
    case "ignored":
      return "ignored (one request per candidate)";
  }
}

/** The sentence the panel shows when a solve's candidates go out in several requests (once per solve). */
export function fanOutSentence(
  url: string,
  support: NSupport,
  n: number,
  requests: number,
  concurrency: number,
): string {
  const why =
    support.kind === "capped"
      ? `accepts at most ${support.max} candidates per request`
      : support.kind === "refused"
        ? 'refuses to write several candidates in one request ("n")'
        : support.kind === "ignored"
          ? 'ignores "n" and writes one candidate per request'
          : "";
  const split = requests === n ? `${n} separate requests` : `${requests} requests`;
  return `The policy server at ${url} ${why}, so the ${n} candidates go out as ${split} (seed + i each, at most ${concurrency} at a time).`;
}
