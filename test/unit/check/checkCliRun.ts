/** What the `acemath check` CLI tests (cli.test.ts, stepsCli.test.ts) share: a file to check, and reading --json. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckRecord } from "../../../src/cli/check";

/** Writes `text` as `name` in a new temporary folder; returns the file's path. */
export function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "acemath-check-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** `--json` output: one record per line. */
export const records = (stdout: string): CheckRecord[] =>
  stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CheckRecord);
