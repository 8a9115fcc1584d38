// Polling for conditions outside the page (files on disk, the simulator's request log, log files), where
// playwright's own auto-waiting cannot help. Bounded: it fails with `what` after `timeoutMs`.
import { readFileSync } from "node:fs";

export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The file's text once a save has added to it (an insertion): longer than `before`, not only different,
 * because a save truncates the file before it writes it, and CI once read it empty in between.
 */
export function waitForGrownFile(what: string, path: string, before: string): Promise<string> {
  return waitUntil(what, () => {
    const text = readFileSync(path, "utf8");
    return text.length > before.length && text;
  });
}
