import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  downloadModel,
  ModelDownloadError,
  partialPath,
  type DownloadProgress,
} from "../../../src/backends/embedded/download";
import { tinyModelBytes } from "../../support/gguf/tinyModel";
import { runCli } from "../cli/cliHarness";

const FILE = tinyModelBytes();
const SHA = createHash("sha256").update(FILE).digest("hex");

interface Served {
  url: string;
  ranges: Array<string | undefined>;
  close(): Promise<void>;
}

/** Serves the tiny model with Range support; `dropAfter` cuts the first response after that many bytes. */
async function serve(options: { dropAfter?: number; etag?: string; status?: number } = {}): Promise<Served> {
  const ranges: Array<string | undefined> = [];
  let first = true;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    ranges.push(req.headers.range);
    if (options.status) return void res.writeHead(options.status).end("gone");
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    const start = match ? Number(match[1]) : 0;
    const body = FILE.subarray(start);
    const headers: Record<string, string> = { "content-length": String(body.length) };
    if (options.etag) headers["x-linked-etag"] = `"${options.etag}"`;
    if (match) headers["content-range"] = `bytes ${start}-${FILE.length - 1}/${FILE.length}`;
    res.writeHead(match ? 206 : 200, headers);
    if (first && options.dropAfter !== undefined) {
      first = false;
      res.write(body.subarray(0, options.dropAfter), () => res.destroy());
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tiny.gguf`,
    ranges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("embedded engine: model download", function () {
  this.timeout(20000);
  let dir: string;
  let served: Served | undefined;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "acemath-dl-"))));
  afterEach(async () => {
    await served?.close();
    served = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  const signal = () => new AbortController().signal;

  it("downloads with progress up to the full size and keeps the verified file", async () => {
    served = await serve();
    const progress: DownloadProgress[] = [];
    const destination = join(dir, "m.gguf");
    const path = await downloadModel({
      source: { url: served.url, sha256: SHA, approximateBytes: 1 },
      destination,
      signal: signal(),
      onProgress: (p) => progress.push({ ...p }),
    });
    assert.equal(path, destination);
    assert.deepEqual(readFileSync(destination), FILE);
    assert.equal(existsSync(partialPath(destination)), false);
    assert.equal(progress.at(-1)?.received, FILE.length);
    assert.ok(progress.every((p) => p.total === FILE.length));
    assert.ok(progress.length > 2, "several progress events");
  });

  it("resumes after a dropped connection with a Range request, fetching only the rest", async () => {
    served = await serve({ dropAfter: 100_000 });
    const destination = join(dir, "m.gguf");
    const source = { url: served.url, sha256: SHA, approximateBytes: 1 };
    await assert.rejects(downloadModel({ source, destination, signal: signal() }), ModelDownloadError);
    const kept = statSync(partialPath(destination)).size;
    assert.ok(kept > 0 && kept < FILE.length, `partial file kept (${kept} bytes)`);
    const progress: DownloadProgress[] = [];
    await downloadModel({ source, destination, signal: signal(), onProgress: (p) => progress.push(p) });
    assert.deepEqual(readFileSync(destination), FILE);
    assert.equal(served.ranges.at(-1), `bytes=${kept}-`);
    assert.equal(progress[0]?.resumed, true);
    assert.equal(progress[0]?.received, kept);
  });

  it("a checksum mismatch is a clear error and removes the partial file", async () => {
    served = await serve();
    const destination = join(dir, "m.gguf");
    const wrong = "0".repeat(64);
    await assert.rejects(
      downloadModel({
        source: { url: served.url, sha256: wrong, approximateBytes: 1 },
        destination,
        signal: signal(),
      }),
      (error: unknown) =>
        error instanceof ModelDownloadError && error.reason === "checksum" && error.message.includes(SHA),
    );
    assert.equal(existsSync(partialPath(destination)), false);
    assert.equal(existsSync(destination), false);
  });

  it("uses the host's published SHA-256 when none is pinned, and refuses a file with neither", async () => {
    served = await serve({ etag: SHA });
    const destination = join(dir, "a.gguf");
    await downloadModel({
      source: { url: served.url, sha256: null, approximateBytes: 1 },
      destination,
      signal: signal(),
    });
    assert.deepEqual(readFileSync(destination), FILE);
    await served.close();
    served = await serve();
    await assert.rejects(
      downloadModel({
        source: { url: served.url, sha256: null, approximateBytes: 1 },
        destination: join(dir, "b.gguf"),
        signal: signal(),
      }),
      /cannot be verified/,
    );
  });

  it("offline and HTTP errors say what to do; an existing file is not fetched again", async () => {
    const destination = join(dir, "m.gguf");
    await assert.rejects(
      downloadModel({
        source: { url: "http://127.0.0.1:9/x.gguf", sha256: SHA, approximateBytes: 1 },
        destination,
        signal: signal(),
      }),
      (error: unknown) =>
        error instanceof ModelDownloadError &&
        error.reason === "offline" &&
        /acemath\.embedded\.modelPath/.test(error.message),
    );
    served = await serve({ status: 404 });
    await assert.rejects(
      downloadModel({
        source: { url: served.url, sha256: SHA, approximateBytes: 1 },
        destination,
        signal: signal(),
      }),
      /HTTP 404/,
    );
    writeFileSync(destination, "already here");
    const requests = served.ranges.length;
    assert.equal(
      await downloadModel({
        source: { url: served.url, sha256: SHA, approximateBytes: 1 },
        destination,
        signal: signal(),
      }),
      destination,
    );
    assert.equal(served.ranges.length, requests);
  });
});

describe("acemath fetch-model: never downloads unasked", function () {
  this.timeout(20000);
  let dir: string;
  let served: Served;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "acemath-fetch-"));
    served = await serve();
  });
  afterEach(async () => {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("without --yes and no terminal to ask, downloads nothing and says how to agree", async () => {
    const to = join(dir, "m.gguf");
    const run = await runCli(["fetch-model", "--to", to, "--url", served.url, "--sha256", SHA]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /nothing downloaded.*about 1\.1 GB.*--yes/s);
    assert.equal(served.ranges.length, 0, "no request made");
    assert.equal(existsSync(to), false);
  });

  it("with --yes, downloads, reports progress on stderr and prints the path on stdout", async () => {
    const to = join(dir, "m.gguf");
    const run = await runCli(["fetch-model", "--yes", "--to", to, "--url", served.url, "--sha256", SHA]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${to}\n`);
    assert.deepEqual(readFileSync(to), FILE);
    assert.match(run.stderr, /\(100%\)/);
  });

  it("a wrong checksum exits 1 with the reason, keeping nothing", async () => {
    const to = join(dir, "m.gguf");
    const run = await runCli([
      "fetch-model",
      "--yes",
      "--to",
      to,
      "--url",
      served.url,
      "--sha256",
      "f".repeat(64),
    ]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /SHA-256/);
    assert.equal(existsSync(to) || existsSync(partialPath(to)), false);
  });
});
