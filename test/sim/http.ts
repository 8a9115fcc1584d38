// TEST FIXTURE: small HTTP helpers for the simulated backend (plain node:http, vLLM's error shapes).
import type { IncomingMessage, ServerResponse } from "node:http";

/** vLLM's current error body; `type` follows the HTTP status as FastAPI/vLLM name it. */
export interface VllmError {
  error: { message: string; type: string; param: string | null; code: number };
}

const ERROR_TYPES: Record<number, string> = {
  400: "BadRequestError",
  404: "NotFoundError",
  429: "RateLimitError",
  500: "InternalServerError",
  503: "ServiceUnavailableError",
};

export function vllmError(status: number, message: string, param: string | null = null): VllmError {
  return { error: { message, type: ERROR_TYPES[status] ?? "Error", param, code: status } };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  param: string | null = null,
): void {
  sendJson(res, status, vllmError(status, message, param));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Resolves after `ms`, or at once when the signal fires, so a waiting handler notices a client that left. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Resolves when the signal fires: a hung request waits here until its client gives up. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
