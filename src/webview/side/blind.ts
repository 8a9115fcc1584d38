/**
 * Blind mode's draw: two candidates of one solve, in a random left/right order, without their
 * scores, numbers or policy badges, so the user's judgement is their own. Pure and seeded
 * (src/core/util/random.ts), so a reloaded view shows the same pair and the tests can check the
 * shuffle's fairness.
 *
 * Pairs whose answers differ are drawn first: they are where a judgement teaches a reward model
 * something. Only candidates that ended with some text take part.
 */
import type { SideCandidate } from "../../contract/sidePanelMessages";
import { hasEnded } from "../../core/solve/events";
import { mulberry32 } from "../../core/util/random";

export interface BlindPair {
  /** Shown on the left as A. */
  a: number;
  /** Shown on the right as B. */
  b: number;
}

function eligible(candidates: readonly SideCandidate[]): SideCandidate[] {
  return candidates.filter((c) => hasEnded(c.finishReason) && c.text.trim() !== "");
}

/** Unordered pairs, as [lower index, higher index]. */
function pairsOf(candidates: readonly SideCandidate[]): [SideCandidate, SideCandidate][] {
  const pairs: [SideCandidate, SideCandidate][] = [];
  candidates.forEach((x, i) => candidates.slice(i + 1).forEach((y) => pairs.push([x, y])));
  return pairs;
}

/** A seeded draw; null when fewer than two candidates can be judged. */
export function drawBlindPair(candidates: readonly SideCandidate[], seed: number): BlindPair | null {
  const random = mulberry32(seed);
  const pairs = pairsOf(eligible(candidates));
  if (pairs.length === 0) return null;
  const differing = pairs.filter(([x, y]) => x.answer !== y.answer);
  const pool = differing.length > 0 ? differing : pairs;
  const [x, y] = pool[Math.floor(random() * pool.length)] as [SideCandidate, SideCandidate];
  return random() < 0.5 ? { a: x.index, b: y.index } : { a: y.index, b: x.index };
}

/** The seed after `seed`, so each judgement draws a new pair (deterministically). */
export function nextSeed(seed: number): number {
  return Math.floor(mulberry32(seed ^ 0x5bd1e995)() * 0x7fffffff);
}
