/** Seeded draws, so draws of k of N and bootstrap resamples repeat exactly across runs and machines. */
export { mulberry32 } from "../util/random";

/** k distinct indices of 0..n−1 (partial Fisher–Yates), returned in ascending (generation) order. */
export function sampleIndices(n: number, k: number, random: () => number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  const size = Math.min(k, n);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, size).sort((a, b) => a - b);
}
