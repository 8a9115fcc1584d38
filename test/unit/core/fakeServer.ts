/** A tiny scripted HTTP server for adapter tests: each request is answered by the test's handler. */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

export type Handler = (
  request: SeenRequest,
  res: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

export interface FakeServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startFakeServer(handler: Handler): Promise<FakeServer> {
  const seen: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const request = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    seen.push(request);
    await handler(request, res, req);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** The `url` of the simulator (or anything with one) that `ignoringN` forwards to. */
interface Upstream {
  url: string;
}

/**
 * A server that ignores `n` (as Ollama does): forwards to the simulator with n = 1, and drops the upstream
 * request when its client goes away, so the simulator sees each abort.
 */
export async function ignoringN(upstreamServer: Upstream): Promise<FakeServer> {
  return startFakeServer((req, res) => {
    const body = req.body === undefined ? undefined : JSON.stringify({ ...(req.body as object), n: 1 });
    const upstream = httpRequest(
      `${upstreamServer.url}${req.path}`,
      { method: req.method, headers: body ? { "content-type": "application/json" } : {} },
      (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(res);
      },
    );
    res.on("close", () => upstream.destroy());
    upstream.end(body);
  });
}
