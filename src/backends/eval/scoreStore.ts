/**
 * Reward scores, append-only in `--out DIR/scores.jsonl`: one line per request's samples (a live
 * run's samples or greedy sample, a `--rescore`d problem) and reward model, keyed by the problem,
 * the reward model id and a hash of the sample texts (other samples are scored again). With
 * `--resume` a stored line is used instead of asking the server again.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hashText } from "./store";

export interface ScoreLine {
  dataset: string;
  index: number;
  problemHash: string;
  samplesHash: string;
  rewardModel: string;
  scores: (number | null)[];
}

export const SCORE_FILE = "scores.jsonl";

export function samplesHash(texts: readonly string[]): string {
  return hashText(JSON.stringify(texts));
}

function key(line: Omit<ScoreLine, "scores">): string {
  return [line.dataset, line.index, line.problemHash, line.samplesHash, line.rewardModel].join("\u0000");
}

export function scoreStoreHasData(dir: string): boolean {
  const path = join(dir, SCORE_FILE);
  return existsSync(path) && readFileSync(path, "utf8").trim() !== "";
}

export class ScoreStore {
  private readonly path: string;
  private readonly lines = new Map<string, ScoreLine>();

  constructor(dir: string, resume: boolean) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, SCORE_FILE);
    if (resume && existsSync(this.path)) this.load();
  }

  get(line: Omit<ScoreLine, "scores">): ScoreLine | undefined {
    return this.lines.get(key(line));
  }

  append(line: ScoreLine): void {
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
    this.lines.set(key(line), line);
  }

  private load(): void {
    for (const text of readFileSync(this.path, "utf8").split("\n")) {
      if (text.trim() === "") continue;
      try {
        const line = JSON.parse(text) as ScoreLine;
        if (Array.isArray(line.scores)) this.lines.set(key(line), line);
      } catch {
        // A line cut off by a killed run: that problem is scored again.
      }
    }
  }
}
