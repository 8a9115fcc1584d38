// Reading JSON Lines files (fixtures, shared data), shared by tests, the simulator and benchmarks.
import { readFileSync } from "node:fs";

/** One parsed value per non-blank line. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
