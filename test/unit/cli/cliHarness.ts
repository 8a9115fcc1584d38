/** Runs the CLI in-process with captured streams. */
import { PassThrough, Readable } from "node:stream";
import { main } from "../../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { stdin?: string; signal?: AbortSignal; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => out.push(chunk));
  stderr.on("data", (chunk: Buffer) => err.push(chunk));
  const code = await main(
    argv,
    { stdin: Readable.from([options.stdin ?? ""]), stdout, stderr, env: options.env ?? {} },
    options.signal ?? new AbortController().signal,
  );
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}
