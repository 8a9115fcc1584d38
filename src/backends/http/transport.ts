/**
 * HTTP for both adapters: every request has a deadline (connect, first token, idle stream), 429/503
 * answers are retried a bounded number of times honouring Retry-After, and every failure becomes a
 * `BackendError` naming the URL, the status and a short excerpt of what the server said. API keys go
 * only into the Authorization header, never into a message.
 */
import { stripTerminalControls } from "../../core/util/terminalSafe";
import {
  BackendError,
  isAbortError,
  isBlockedPort,
  serverErrorMessage,
  systemErrorCode,
  type BackendRole,
} from "../../core/backend/errors";

/** Milliseconds; each also has a setting (`acemath.timeouts.*`) and the CLI's `--timeout`. */
export interface Timeouts {
  /** Until the server answers with a status line and headers (a JSON answer: all of it). */
  connectMs: number;
  /** Until the first token of a stream. */
  firstTokenMs: number;
  /** Between two events of a stream. */
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 30_000, firstTokenMs: 120_000, idleMs: 60_000 };

export interface RetryPolicy {
  /** Further attempts after the first for 429/503. */
  retries: number;
  /** Back-off when the server gives no Retry-After: base × 2^attempt. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the request fails at once and says so. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Waits `ms` or until `signal` aborts (then rejects with an AbortError). Injectable so tests see the waits. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

export const realWait: Wait = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });

export interface TransportOptions {
  role: BackendRole;
  apiKey: string | null;
  timeouts?: Timeouts;
  retry?: RetryPolicy;
  wait?: Wait;
  /** Told about things the client skipped or waited for (a log line, never a failure). */
  onLog?: (message: string) => void;
}

export interface HttpCall {
  url: string;
  method: "GET" | "POST";
  body?: unknown;
  signal: AbortSignal;
}

type Phase = "connect" | "first-token" | "idle";

/** One request's deadlines: a timer per phase aborts the request and remembers which phase it was. */
class Deadline {
  readonly controller = new AbortController();
  readonly signal: AbortSignal;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstTimer: ReturnType<typeof setTimeout> | null = null;
  expired: { phase: Phase; ms: number } | null = null;

  /**
   * A stream must answer within the connect deadline and send its first token within the first-token
   * one; a JSON answer must arrive whole within the connect deadline.
   */
  constructor(outer: AbortSignal, timeouts: Timeouts, streaming: boolean) {
    this.signal = AbortSignal.any([outer, this.controller.signal]);
    this.timer = this.arm("connect", timeouts.connectMs);
    this.firstTimer = streaming ? this.arm("first-token", timeouts.firstTokenMs) : null;
  }

  private arm(phase: Phase, ms: number): ReturnType<typeof setTimeout> | null {
    if (!Number.isFinite(ms) || ms <= 0) return null;
    return setTimeout(() => {
      this.expired ??= { phase, ms };
      this.controller.abort(new DOMException(`${phase} timeout`, "AbortError"));
    }, ms);
  }

  connected(): void {
    this.clear("timer");
  }

  /** An event arrived: the first-token deadline is met, and the idle one starts again. */
  progress(idleMs: number): void {
    this.clear("firstTimer");
    this.clear("timer");
    this.timer = this.arm("idle", idleMs);
  }

  done(): void {
    this.clear("timer");
    this.clear("firstTimer");
  }

  private clear(which: "timer" | "firstTimer"): void {
    const timer = this[which];
    if (timer) clearTimeout(timer);
    this[which] = null;
  }
}

export class Transport {
  private readonly timeouts: Timeouts;
  private readonly retry: RetryPolicy;
  private readonly wait: Wait;

  constructor(private readonly options: TransportOptions) {
    this.timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.wait = options.wait ?? realWait;
  }

  /** A JSON request; the whole answer must arrive within the connect deadline. */
  async json(call: HttpCall): Promise<unknown> {
    const { response, deadline } = await this.open(call, false);
    try {
      const text = await this.readText(response, call, deadline);
      const body = parseJson(text);
      if (body === undefined)
        throw new BackendError(
          this.options.role,
          "malformed",
          call.url,
          `expected JSON, got ${excerpt(text)}`,
        );
      return body;
    } finally {
      deadline.done();
    }
  }

  /**
   * A streaming request: yields each `data:` payload parsed as JSON, until `[DONE]` or the end of the
   * body. A line that is not JSON is skipped with a log line (other choices are unaffected).
   */
  async *sse(call: HttpCall): AsyncIterable<unknown> {
    const { response, deadline } = await this.open(call, true);
    try {
      for await (const line of this.lines(response, call, deadline)) {
        if (!line.startsWith("data:")) continue; // comments, `event:` and `id:` lines carry nothing we use
        const payload = line.slice(5).trim();
        if (payload === "[DONE]") return;
        const parsed = parseJson(payload);
        if (parsed === undefined) {
          this.options.onLog?.(
            `Skipped a stream line from ${call.url} that is not JSON: ${excerpt(payload)}`,
          );
          continue;
        }
        const streamError = inStreamError(parsed);
        if (streamError !== null)
          throw new BackendError(
            this.options.role,
            "http",
            call.url,
            `error inside the stream: ${streamError}`,
          );
        yield parsed;
      }
    } finally {
      deadline.done();
    }
  }

  /** Sends the request, retrying 429/503 as the server asks; resolves with a 2xx response. */
  private async open(
    call: HttpCall,
    streaming: boolean,
  ): Promise<{ response: Response; deadline: Deadline }> {
    const accept = streaming ? "text/event-stream" : "application/json";
    for (let attempt = 0; ; attempt++) {
      const deadline = new Deadline(call.signal, this.timeouts, streaming);
      let response: Response;
      try {
        response = await fetch(call.url, {
          method: call.method,
          headers: this.headers(accept, call.body !== undefined),
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          signal: deadline.signal,
        });
      } catch (error) {
        deadline.done();
        throw this.failure(error, call, deadline);
      }
      if (streaming) deadline.connected(); // a JSON answer's deadline covers its body too
      if (response.ok) return { response, deadline };
      const text = await this.readText(response, call, deadline).finally(() => deadline.done());
      const delay = this.retryDelay(response, attempt);
      if (delay === null) throw this.httpError(response.status, text, call.url, attempt);
      if (delay > this.retry.maxDelayMs) {
        throw this.httpError(
          response.status,
          text,
          call.url,
          attempt,
          `the server asked to retry after ${seconds(delay)}, longer than the client waits`,
        );
      }
      this.options.onLog?.(
        `${call.url} answered HTTP ${response.status}; retrying in ${seconds(delay)} (attempt ${attempt + 2} of ${this.retry.retries + 1}).`,
      );
      await this.wait(delay, call.signal);
    }
  }

  /** A server may echo the request's headers in its error: the key never reaches a message. */
  private redact(text: string): string {
    const key = this.options.apiKey;
    return key ? text.split(key).join("[API key]") : text;
  }

  private headers(accept: string, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { accept };
    if (hasBody) headers["content-type"] = "application/json";
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    return headers;
  }

  /** Milliseconds to wait before the next attempt, or null when this answer is final. */
  private retryDelay(response: Response, attempt: number): number | null {
    if (response.status !== 429 && response.status !== 503) return null;
    if (attempt >= this.retry.retries) return null;
    return parseRetryAfter(response.headers.get("retry-after")) ?? this.retry.baseDelayMs * 2 ** attempt;
  }

  private httpError(status: number, text: string, url: string, attempt: number, why?: string): BackendError {
    const said = this.redact(serverErrorMessage(parseJson(text)) ?? excerpt(text)).replace(/\.$/, "");
    const tries = attempt > 0 ? ` (after ${attempt + 1} attempts)` : "";
    return new BackendError(
      this.options.role,
      "http",
      url,
      `${said}${tries}${why ? `; ${why}` : ""}`,
      status,
    );
  }

  private async readText(response: Response, call: HttpCall, deadline: Deadline): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw this.failure(error, call, deadline);
    }
  }

  private async *lines(response: Response, call: HttpCall, deadline: Deadline): AsyncIterable<string> {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffered = "";
    const reader = response.body.getReader();
    try {
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw this.failure(error, call, deadline);
        }
        if (chunk.done) break;
        deadline.progress(this.timeouts.idleMs);
        buffered += decoder.decode(chunk.value, { stream: true });
        const parts = buffered.split(/\r?\n/);
        buffered = parts.pop() ?? "";
        for (const line of parts) if (line !== "") yield line;
      }
      if (buffered.trim() !== "") yield buffered;
    } finally {
      // Leaving early (the caller stopped, or a deadline passed) closes the connection: the server sees it.
      void reader.cancel().catch(() => undefined);
    }
  }

  /** A transport failure as the user should read it: a deadline, a refused connection, or a drop. */
  private failure(error: unknown, call: HttpCall, deadline: Deadline): unknown {
    const role = this.options.role;
    if (deadline.expired && !call.signal.aborted) {
      return new BackendError(
        role,
        "timeout",
        call.url,
        describeTimeout(deadline.expired.phase, deadline.expired.ms),
      );
    }
    if (isAbortError(error) || call.signal.aborted) return error;
    if (error instanceof BackendError) return error;
    const code = systemErrorCode(error);
    if (code === "ECONNRESET") return new BackendError(role, "dropped", call.url, "the connection was reset");
    if (code) return new BackendError(role, "unreachable", call.url, code);
    if (isBlockedPort(error)) {
      const port = new URL(call.url).port;
      return new BackendError(
        role,
        "unreachable",
        call.url,
        `port ${port} is one that fetch never connects to (a "bad port", blocked as browsers do): serve on another port, e.g. 8000`,
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    // Node's fetch says only "fetch failed"; its cause says what happened (e.g. "other side closed").
    const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
    const detail =
      message === "fetch failed" && typeof cause === "string" && cause ? `${message}: ${cause}` : message;
    // A body that ends early (the server closed the socket) reads as "terminated" in Node's fetch.
    return new BackendError(role, "dropped", call.url, detail);
  }
}

export function describeTimeout(phase: Phase, ms: number): string {
  switch (phase) {
    case "connect":
      return `did not answer within ${seconds(ms)}`;
    case "first-token":
      return `sent no token within ${seconds(ms)}`;
    case "idle":
      return `stopped sending for ${seconds(ms)} mid-stream`;
  }
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * A short, single-line excerpt of a body that is not the expected JSON: HTML tags and control
 * characters removed, so an error page reads as its text.
 */
export function excerpt(text: string, max = 160): string {
  const plain = stripTerminalControls(text)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain === "") return "an empty body";
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `{"error": …}` sent as a stream event (vLLM and SGLang report failures mid-stream this way). */
function inStreamError(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null || !("error" in payload)) return null;
  if ("choices" in payload) return null;
  return serverErrorMessage(payload) ?? "unknown error";
}
