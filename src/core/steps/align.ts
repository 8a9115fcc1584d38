/**
 * Aligning the steps of two solutions for the side-by-side compare view.
 *
 * Steps match when their normalised texts are equal (see `normaliseStep`: whitespace, math
 * delimiters, emphasis, list numbering and spacing commands do not count). The matching is a longest
 * common subsequence; where it would need more than `MAX_LCS_CELLS` table cells (two very long
 * solutions) a greedy walk takes over: it matches a step with the next equal step of the other side
 * within `GREEDY_WINDOW` steps. Between two matches, the unmatched steps of both sides are paired in
 * order (a "changed" row: both sides, `same: false`); the surplus of the longer side gets rows of its own.
 */
import type { Step } from "./split";

export interface AlignedRow {
  left?: Step;
  right?: Step;
  /** Both sides present and equal once normalised. */
  same: boolean;
}

/** 500 × 500 steps: far more than a solution has; the table is a few MB at most. */
export const MAX_LCS_CELLS = 250_000;
export const GREEDY_WINDOW = 40;

export function alignSteps(a: Step[], b: Step[]): AlignedRow[] {
  const keysA = a.map((s) => normaliseStep(s.text));
  const keysB = b.map((s) => normaliseStep(s.text));
  const matches =
    (a.length + 1) * (b.length + 1) <= MAX_LCS_CELLS ? lcsMatches(keysA, keysB) : greedyMatches(keysA, keysB);
  return rowsFrom(a, b, matches);
}

/** The text that decides whether two steps are the same. */
export function normaliseStep(text: string): string {
  return text
    .replace(/^\s*(?:\*\*|__)?\s*(?:step\s+\d+\s*[:.)]?|\d{1,3}[.)]|\(\d{1,3}\)|#{1,6}|\\item)\s*/i, "")
    .replace(/\\text(?:bf|it|rm)?\{([^{}]*)\}/g, "$1")
    .replace(/\\(?:left|right|displaystyle|[,;:! ]|quad|qquad)(?![a-zA-Z])/g, "")
    .replace(/\\[()[\]]|\$+|\*\*|__|&/g, "")
    .replace(/\s+/g, "")
    .replace(/[.,;:]+$/, "")
    .toLowerCase();
}

/** Matched index pairs, increasing in both. */
type Match = [number, number];

function lcsMatches(a: readonly string[], b: readonly string[]): Match[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // table[i][j] = LCS length of a[i..] and b[j..]
  const table = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const matches: Match[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) matches.push([i++, j++]);
    else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) i++;
    else j++;
  }
  return matches;
}

function greedyMatches(a: readonly string[], b: readonly string[]): Match[] {
  const positions = new Map<string, number[]>();
  b.forEach((key, j) => {
    const list = positions.get(key);
    if (list) list.push(j);
    else positions.set(key, [j]);
  });
  const matches: Match[] = [];
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const next = firstAtOrAfter(positions.get(a[i] ?? "") ?? [], j);
    if (next !== undefined && next - j <= GREEDY_WINDOW) {
      matches.push([i, next]);
      j = next + 1;
    }
  }
  return matches;
}

function firstAtOrAfter(sorted: readonly number[], from: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

function rowsFrom(a: Step[], b: Step[], matches: readonly Match[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches, [a.length, b.length] as Match]) {
    const lefts = a.slice(i, mi);
    const rights = b.slice(j, mj);
    for (let k = 0; k < Math.max(lefts.length, rights.length); k++) {
      const left = lefts[k];
      const right = rights[k];
      rows.push({ ...(left ? { left } : {}), ...(right ? { right } : {}), same: false });
    }
    const left = a[mi];
    const right = b[mj];
    if (left && right) rows.push({ left, right, same: true });
    i = mi + 1;
    j = mj + 1;
  }
  return rows;
}
