/**
 * What `acemath eval` says about its progress: problems done of total, samples and tokens per
 * second, and the time left, as one terminal line (a bar that is redrawn in place) or as a JSON
 * object for machines. Pure formatting; the CLI decides where and when it is written.
 */
import { terminalSafeLine } from "../util/terminalSafe";

export interface ProgressSnapshot {
  dataset: string;
  done: number;
  total: number;
  /** Generated in this run (stored samples cost nothing and are not counted). */
  samples: number;
  /** Estimated from the text (about 3 characters a token) where the server does not report usage. */
  tokens: number;
  elapsedS: number;
  detail?: string;
}

export interface ProgressRates {
  samplesPerS: number;
  tokensPerS: number;
  /** Null until one problem is done. */
  etaS: number | null;
}

export function progressRates(s: ProgressSnapshot): ProgressRates {
  const t = s.elapsedS > 0 ? s.elapsedS : 0;
  const perProblem = s.done > 0 && t > 0 ? t / s.done : null;
  return {
    samplesPerS: t > 0 ? s.samples / t : 0,
    tokensPerS: t > 0 ? s.tokens / t : 0,
    etaS: perProblem === null ? null : Math.max(0, Math.round(perProblem * (s.total - s.done))),
  };
}

/** `1h02m`, `3m05s`, `42s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

/**
 * One line of at most `width` columns, nothing in it able to control the terminal:
 * `gsm8k [#######·····] 120/500 · 9.6 samples/s · 1,840 tokens/s · ETA 3m05s`. The bar narrows on
 * an 80-column terminal so the numbers fit; a line still too long loses its end.
 */
export function progressLine(s: ProgressSnapshot, width: number, barWidth = width < 100 ? 10 : 20): string {
  const rates = progressRates(s);
  const filled = s.total > 0 ? Math.round((barWidth * s.done) / s.total) : 0;
  const bar = `[${"#".repeat(filled)}${"·".repeat(barWidth - filled)}]`;
  const parts = [
    `${terminalSafeLine(s.dataset)} ${bar} ${s.done}/${s.total}`,
    `${rates.samplesPerS.toFixed(1)} samples/s`,
    `${Math.round(rates.tokensPerS).toLocaleString("en-US")} tokens/s`,
    rates.etaS === null
      ? "ETA …"
      : s.done >= s.total
        ? `done in ${formatDuration(s.elapsedS)}`
        : `ETA ${formatDuration(rates.etaS)}`,
  ];
  const line = parts.join(" · ");
  return [...line].length <= width ? line : `${[...line].slice(0, Math.max(1, width - 1)).join("")}…`;
}

/** The `--json` progress object (one per line on stderr), keys in snake_case like the summary's. */
export function progressJson(s: ProgressSnapshot): Record<string, unknown> {
  const rates = progressRates(s);
  return {
    progress: {
      dataset: s.dataset,
      done: s.done,
      total: s.total,
      samples: s.samples,
      tokens: s.tokens,
      elapsed_s: round(s.elapsedS),
      samples_per_s: round(rates.samplesPerS),
      tokens_per_s: round(rates.tokensPerS),
      ...(rates.etaS === null ? {} : { eta_s: rates.etaS }),
      ...(s.detail ? { detail: s.detail } : {}),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
