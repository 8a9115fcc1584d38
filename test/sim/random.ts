// TEST FIXTURE: deterministic randomness for the simulated backend, so every answer depends only on the request.
import { mulberry32 } from "../../src/core/util/random";

/** FNV-1a over UTF-16 code units: small, stable across Node versions, good enough to spread seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform [0, 1) generator (mulberry32) seeded by the given parts; equal parts give equal sequences. */
export function seededRandom(...parts: ReadonlyArray<string | number>): () => number {
  return mulberry32(hashString(parts.join("\u0000")));
}

/** Fisher-Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Reward models run in bf16, so real scores are multiples of small powers of two (e.g. 5.4375); imitate that. */
export function roundLikeBf16Score(score: number): number {
  return Math.round(score * 64) / 64;
}
