/**
 * Downloads a GGUF model once, with the user's consent asked by the caller (never here): progress
 * events, resumable (a `.part` file continued with an HTTP Range request), verified against a SHA-256
 * before it takes the final name. A mismatch removes the partial file; every failure says what to do.
 */
import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname } from "node:path";
import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

export interface ModelSource {
  url: string;
  /** Lower-case hex. Null: use the SHA-256 the host publishes for the file (Hugging Face's `x-linked-etag`). */
  sha256: string | null;
  /** For the consent dialog; the server's Content-Length wins once known. */
  approximateBytes: number;
}

export interface DownloadProgress {
  received: number;
  total: number | null;
  resumed: boolean;
}

export interface DownloadOptions {
  source: ModelSource;
  destination: string;
  signal: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  fetchImpl?: typeof fetch;
}

export class ModelDownloadError extends Error {
  constructor(
    message: string,
    readonly reason: "offline" | "http" | "checksum" | "disk" | "cancelled",
  ) {
    super(message);
    this.name = "ModelDownloadError";
  }
}

export function partialPath(destination: string): string {
  return `${destination}.part`;
}

/** Resolves to the destination path once the verified file is there (at once when it already is). */
export async function downloadModel(options: DownloadOptions): Promise<string> {
  const { source, destination, signal } = options;
  if (existsSync(destination)) return destination;
  mkdirSync(dirname(destination), { recursive: true });
  const part = partialPath(destination);
  const already = existsSync(part) ? statSync(part).size : 0;
  const response = await request(options, already);
  const resumed = already > 0 && response.status === 206;
  const expected = source.sha256 ?? publishedSha256(response);
  const total = contentTotal(response, resumed ? already : 0);
  let received = resumed ? already : 0;
  options.onProgress?.({ received, total, resumed });
  if (!response.body) throw new ModelDownloadError(`${source.url} sent no body`, "http");
  const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  const written = await appendAll(body, part, resumed, (bytes) => {
    received += bytes;
    options.onProgress?.({ received, total, resumed });
  });
  if (written.error) throw translateWriteError(written.error, source.url, part, signal);
  await verify(part, expected, source.url);
  renameSync(part, destination);
  return destination;
}

/**
 * Writes what arrives and, when the stream breaks, still flushes what was written before failing
 * (a destroyed write stream would drop its buffered chunks, and the resume would start too early).
 */
async function appendAll(
  body: Readable,
  part: string,
  append: boolean,
  onBytes: (bytes: number) => void,
): Promise<{ error: unknown }> {
  const out = createWriteStream(part, { flags: append ? "a" : "w" });
  let failure: unknown = null;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (!out.write(chunk)) await once(out, "drain");
      onBytes(chunk.length);
    }
  } catch (error) {
    failure = error;
  }
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(resolve);
  }).catch((error: unknown) => (failure ??= error));
  return { error: failure };
}

async function request(options: DownloadOptions, offset: number): Promise<Response> {
  const { source, signal } = options;
  const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {};
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(source.url, { headers, signal, redirect: "follow" });
  } catch (error) {
    if (signal.aborted)
      throw new ModelDownloadError("The model download was cancelled; it resumes next time.", "cancelled");
    throw new ModelDownloadError(
      `Cannot reach ${source.url} (${causeText(error)}). Check the network, or set acemath.embedded.modelPath to a .gguf file you already have.`,
      "offline",
    );
  }
  if (response.status !== 200 && response.status !== 206)
    throw new ModelDownloadError(
      `${source.url} answered HTTP ${response.status}; the model was not downloaded.`,
      "http",
    );
  return response;
}

function publishedSha256(response: Response): string | null {
  const etag = response.headers.get("x-linked-etag") ?? "";
  const hex = etag.replace(/^W\//, "").replace(/"/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

function contentTotal(response: Response, offset: number): number | null {
  const range = /\/(\d+)$/.exec(response.headers.get("content-range") ?? "");
  if (range) return Number(range[1]);
  const length = Number(response.headers.get("content-length"));
  return Number.isFinite(length) && length > 0 ? offset + length : null;
}

async function verify(part: string, expected: string | null, url: string): Promise<void> {
  if (expected === null) {
    rmSync(part, { force: true });
    throw new ModelDownloadError(
      `${url} publishes no SHA-256 for the file and none is configured, so it cannot be verified; it was not kept.`,
      "checksum",
    );
  }
  const hash = createHash("sha256");
  await pipeline(createReadStream(part), hash);
  const actual = hash.digest("hex");
  if (actual !== expected) {
    rmSync(part, { force: true });
    throw new ModelDownloadError(
      `The downloaded model's SHA-256 is ${actual}, expected ${expected}: the file was corrupted or replaced. The partial file was removed; try again.`,
      "checksum",
    );
  }
}

function translateWriteError(
  error: unknown,
  url: string,
  part: string,
  signal: AbortSignal,
): ModelDownloadError {
  if (signal.aborted)
    return new ModelDownloadError("The model download was cancelled; it resumes next time.", "cancelled");
  const code = (error as { code?: string }).code;
  if (code === "ENOSPC")
    return new ModelDownloadError(
      `The disk is full: the model could not be written to ${part}. Free some space and try again; the download resumes.`,
      "disk",
    );
  if (code === "EACCES" || code === "EROFS")
    return new ModelDownloadError(`Cannot write ${part} (${code}).`, "disk");
  return new ModelDownloadError(
    `The download from ${url} broke off (${causeText(error)}); what arrived is kept and the next attempt resumes.`,
    "offline",
  );
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
