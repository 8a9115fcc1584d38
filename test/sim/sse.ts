// TEST FIXTURE: Server-Sent Events framing exactly as vLLM writes it: `data: <json>\n\n`, then `data: [DONE]\n\n`.
import type { ServerResponse } from "node:http";

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive",
} as const;

export function sseEvent(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export const SSE_DONE = "data: [DONE]\n\n";

/** A chunk whose JSON stops half-way, for the `malformed` fault. */
export const SSE_MALFORMED =
  'data: {"id":"chatcmpl-sim-malformed","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"\n\n';

/** Writes one event, waiting for the socket to drain so a slow or absent reader throttles generation. */
export async function writeSse(res: ServerResponse, text: string): Promise<void> {
  if (res.destroyed) return;
  if (res.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
