/**
 * Where `acemath eval` writes its progress: on a terminal, one bar redrawn in place on stderr (at
 * most ten times a second, cleared before any other message); on a pipe or file, a plain line now
 * and then; with --json, one JSON object per line. Stdout is left to the results.
 */
import { progressJson, progressLine, type ProgressSnapshot } from "../core/eval/progress";
import { terminalSafeLine } from "../core/util/terminalSafe";
import type { CliIo } from "./io";

export type ProgressMode = "tty" | "lines" | "json";

export interface ProgressUpdate {
  dataset: string;
  done: number;
  total: number;
  samples?: number;
  tokens?: number;
  detail?: string;
}

const REDRAW_MS = 100;
/** ESC[K: erase to the end of the line (our own control sequence; model text never reaches the bar unfiltered). */
const CLEAR_LINE = "\r\u001b[K";

export function progressMode(io: CliIo, json: boolean): ProgressMode {
  if (json) return "json";
  return (io.stderr as { isTTY?: boolean }).isTTY === true ? "tty" : "lines";
}

export class ProgressDisplay {
  private readonly started = new Map<string, number>();
  private shown = "";
  private lastDraw = 0;
  private lastLinePercent = -1;

  constructor(
    private readonly io: CliIo,
    private readonly mode: ProgressMode,
    private readonly now: () => number = Date.now,
  ) {}

  update(update: ProgressUpdate): void {
    const snapshot = this.snapshot(update);
    const finished = snapshot.done >= snapshot.total;
    if (this.mode === "json") {
      this.io.stderr.write(`${JSON.stringify(progressJson(snapshot))}\n`);
    } else if (this.mode === "lines") {
      // Every tenth of the way (and at the end): a log, not a bar.
      const percent = snapshot.total > 0 ? Math.floor((10 * snapshot.done) / snapshot.total) : 10;
      if (percent === this.lastLinePercent && !finished && !update.detail) return;
      this.lastLinePercent = finished ? -1 : percent;
      const detail = update.detail ? ` (${terminalSafeLine(update.detail)})` : "";
      this.io.stderr.write(`${progressLine(snapshot, 200)}${detail}\n`);
    } else {
      if (update.detail)
        this.say(`${terminalSafeLine(snapshot.dataset)}: ${terminalSafeLine(update.detail)}`);
      const time = this.now();
      if (!finished && time - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = time;
      this.shown = progressLine(snapshot, this.columns());
      this.io.stderr.write(`${CLEAR_LINE}${this.shown}${finished ? "\n" : ""}`);
      if (finished) this.shown = "";
    }
  }

  /** A message of its own line; on a terminal the bar is cleared first and drawn again below it. */
  say(message: string): void {
    if (this.mode === "tty" && this.shown) {
      this.io.stderr.write(`${CLEAR_LINE}${message}\n${this.shown}`);
    } else {
      this.io.stderr.write(`${message}\n`);
    }
  }

  /** Leaves the terminal on a fresh line (after an interruption the bar may be half-way). */
  end(): void {
    if (this.mode === "tty" && this.shown) this.io.stderr.write("\n");
    this.shown = "";
  }

  private snapshot(update: ProgressUpdate): ProgressSnapshot {
    const since = this.started.get(update.dataset) ?? this.now();
    this.started.set(update.dataset, since);
    return {
      dataset: update.dataset,
      done: update.done,
      total: update.total,
      samples: update.samples ?? 0,
      tokens: update.tokens ?? 0,
      elapsedS: (this.now() - since) / 1000,
      ...(update.detail ? { detail: update.detail } : {}),
    };
  }

  private columns(): number {
    const columns = (this.io.stderr as { columns?: number }).columns;
    return typeof columns === "number" && columns > 20 ? columns - 1 : 79;
  }
}
