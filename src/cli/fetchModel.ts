/**
 * `acemath fetch-model`: downloads the embedded engine's default model once, after the user agreed
 * (a question on a terminal, or `--yes`), and prints the file's path, so that
 * `acemath solve --gguf "$(acemath fetch-model --yes)" …` solves offline. Never downloads unasked.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { DEFAULT_GGUF_FILE, DEFAULT_GGUF_SOURCE } from "../backends/embedded/defaultModel";
import { downloadModel, ModelDownloadError, type DownloadProgress } from "../backends/embedded/download";
import { UsageError, type CliIo } from "./io";

export const FETCH_MODEL_USAGE = `acemath fetch-model [--yes] [--to PATH]
  download the embedded engine's model (AceMath-1.5B-Instruct, Q4_K_M, about 1.1 GB) once, SHA-256
  checked and resumable; asks first unless --yes; prints the model file's path
  --to PATH            where to keep it (default $XDG_CACHE_HOME/acemath/models or ~/.cache/acemath/models)
  --url URL --sha256 H another GGUF file and its checksum`;

const OPTIONS = {
  yes: { type: "boolean", default: false },
  to: { type: "string" },
  url: { type: "string" },
  sha256: { type: "string" },
} as const;

export function defaultModelPath(env: CliIo["env"]): string {
  const cache = env.XDG_CACHE_HOME ?? join(env.HOME ?? homedir(), ".cache");
  return join(cache, "acemath", "models", DEFAULT_GGUF_FILE);
}

export async function runFetchModel(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parse(args);
  const source = {
    ...DEFAULT_GGUF_SOURCE,
    ...(values.url ? { url: values.url } : {}),
    ...(values.sha256 ? { sha256: values.sha256.toLowerCase() } : {}),
  };
  const destination = values.to ?? defaultModelPath(io.env);
  const gigabytes = (source.approximateBytes / 1e9).toFixed(1);
  const question = `Download the model (about ${gigabytes} GB) from ${source.url} into ${destination}?`;
  if (!values.yes && !(await agreed(io, question))) {
    io.stderr.write(`acemath: nothing downloaded. ${question.replace(/\?$/, "")}: pass --yes to agree.\n`);
    return 1;
  }
  try {
    const path = await downloadModel({ source, destination, signal, onProgress: progressPrinter(io) });
    io.stderr.write("\n");
    io.stdout.write(`${path}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ModelDownloadError)) throw error;
    io.stderr.write(`\nacemath: ${error.message}\n`);
    return error.reason === "cancelled" ? 130 : 1;
  }
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Asks on a terminal only; with no terminal to answer, the answer is no. */
async function agreed(io: CliIo, question: string): Promise<boolean> {
  if (!(io.stdin as { isTTY?: boolean }).isTTY) return false;
  const prompt = createInterface({ input: io.stdin, output: io.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

/** One line, rewritten in place on a terminal; a line per 10% otherwise (logs stay short). */
function progressPrinter(io: CliIo): (progress: DownloadProgress) => void {
  const tty = Boolean((io.stderr as { isTTY?: boolean }).isTTY);
  let lastTenth = -1;
  return ({ received, total, resumed }) => {
    const mb = (received / 1e6).toFixed(0);
    const percent = total ? Math.floor((100 * received) / total) : null;
    const line = `${resumed ? "resuming: " : ""}${mb} MB${total ? ` of ${(total / 1e6).toFixed(0)} MB (${percent}%)` : ""}`;
    if (tty) return void io.stderr.write(`\r${line}`);
    const tenth = percent === null ? lastTenth : Math.floor(percent / 10);
    if (tenth !== lastTenth) io.stderr.write(`${line}\n`);
    lastTenth = tenth;
  };
}
