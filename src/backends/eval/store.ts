/**
 * The append-only JSONL store of an eval run (`--out DIR/samples.jsonl`): one line per finished
 * request (a problem's N samples, or its greedy sample) written as soon as it arrives, so an
 * interrupted run loses at most the requests in flight. `--resume` reads it back; a line cut off by
 * a crash is ignored. Failures are not stored, so a resumed run tries them again. The reward scores
 * of the live run go to scores.jsonl (scoreStore.ts), keyed by the reward model, once they arrive.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";

export type RequestKind = "samples" | "greedy";

export interface StoredCandidate {
  text: string;
  finishReason: string | null;
  score: number | null;
}

export interface StoreLine {
  dataset: string;
  /** Position of the problem in its file, and a hash of its text: a changed file is not reused. */
  index: number;
  problemHash: string;
  kind: RequestKind;
  candidates: StoredCandidate[];
  policyModel: string | null;
  /** Null now (scores are in scores.jsonl); a line stored by an earlier version held its scores inline, by this model. */
  rewardModel: string | null;
}

export const STORE_FILE = "samples.jsonl";

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function storeKey(dataset: string, index: number, problemHash: string, kind: RequestKind): string {
  return `${dataset}\u0000${index}\u0000${problemHash}\u0000${kind}`;
}

/** True when DIR already holds a run's generations (a fresh run there would mix two runs). */
export function storeHasData(dir: string): boolean {
  const path = join(dir, STORE_FILE);
  return existsSync(path) && readFileSync(path, "utf8").trim() !== "";
}

export class SampleStore {
  private readonly path: string;
  private readonly lines = new Map<string, StoreLine>();

  constructor(dir: string, resume: boolean) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, STORE_FILE);
    if (resume && existsSync(this.path)) this.load();
  }

  get(dataset: string, index: number, problemHash: string, kind: RequestKind): StoreLine | undefined {
    return this.lines.get(storeKey(dataset, index, problemHash, kind));
  }

  append(line: StoreLine): void {
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
    this.lines.set(storeKey(line.dataset, line.index, line.problemHash, line.kind), line);
  }

  private load(): void {
    for (const text of readFileSync(this.path, "utf8").split("\n")) {
      if (text.trim() === "") continue;
      try {
        const line = JSON.parse(text) as StoreLine;
        if (Array.isArray(line.candidates))
          this.lines.set(storeKey(line.dataset, line.index, line.problemHash, line.kind), line);
      } catch {
        // The last line of a killed run may be cut off: that request is simply made again.
      }
    }
  }
}
