/**
 * Backend failures, classified so that every message can say which URL failed, why, and what
 * fixes it. Adapters throw `BackendError`; the pipeline turns it into a `SolveErrorInfo`.
 */
export type BackendErrorKind =
  | "unreachable" // nothing listens, DNS fails, connection refused
  | "http" // the server answered with an error status
  | "malformed" // the server answered something we cannot parse
  | "dropped" // the connection broke mid-response
  | "timeout"; // a deadline passed (connect, first token, idle stream); the message says which

export type BackendRole = "policy" | "reward";

export class BackendError extends Error {
  constructor(
    readonly role: BackendRole,
    readonly kind: BackendErrorKind,
    readonly url: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "BackendError";
  }
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ECONNRESET",
  "ETIMEDOUT",
]);

/** Finds a Node system error code anywhere in an error's `cause` chain (fetch wraps it). */
export function systemErrorCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return code;
  }
  return null;
}

/**
 * Node's fetch refuses the ports browsers block (the Fetch standard's "bad ports": 1, 6000, 6665…),
 * failing with a bare "fetch failed" whose cause says "bad port". Nothing was tried: say so.
 */
export function isBlockedPort(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { message?: unknown }).message === "bad port") return true;
  }
  return false;
}

/** Pulls the human message out of vLLM's two error shapes (`{error:{message}}` and `{object:"error",message}`). */
export function serverErrorMessage(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const record = body as { error?: unknown; message?: unknown };
  if (typeof record.error === "object" && record.error !== null) {
    const message = (record.error as { message?: unknown }).message;
    if (typeof message === "string") return message;
  }
  if (typeof record.error === "string") return record.error;
  if (typeof record.message === "string") return record.message;
  return null;
}

export function isAbortError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "AbortError" || name === "APIUserAbortError";
}
