/** JSON over fetch with errors classified as `BackendError`s. Used by the reward client. */
import { BackendError, isAbortError, serverErrorMessage, systemErrorCode, type BackendRole } from "./errors";

export interface JsonRequest {
  role: BackendRole;
  url: string;
  method: "GET" | "POST";
  body?: unknown;
  apiKey: string | null;
  signal: AbortSignal;
}

export async function requestJson(request: JsonRequest): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  if (request.apiKey) headers.authorization = `Bearer ${request.apiKey}`;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    const code = systemErrorCode(error);
    throw new BackendError(request.role, "unreachable", request.url, code ?? describe(error));
  }
  const text = await readBody(response, request);
  const body = parseJson(text);
  if (!response.ok) {
    const message = serverErrorMessage(body) ?? (text.slice(0, 200) || response.statusText);
    throw new BackendError(request.role, "http", request.url, message, response.status);
  }
  if (body === undefined) {
    throw new BackendError(request.role, "malformed", request.url, `not JSON: ${text.slice(0, 120)}`);
  }
  return body;
}

async function readBody(response: Response, request: JsonRequest): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new BackendError(request.role, "dropped", request.url, describe(error));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
