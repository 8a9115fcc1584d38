/**
 * The order in which a live eval asks for its problems. The server's slots run dry at the end of a
 * run: the last sequences admitted run with fewer and fewer others, so a long one near the end
 * stretches the whole run (on bench/eval.bench.ts's 500 problems, the file's order ends 5.9% above
 * the throughput bound even for a client that costs nothing). Longest expected first is the classic
 * remedy (LPT scheduling); lengths are unknown before generation, but a longer problem statement
 * goes with longer solutions (correlation 0.28 on the simulator's recorded solutions), so the longest
 * prompts go first: 0.6% above the bound there, and below the file's order on 29 of 30 random
 * subsets (bench/README.md). Results do not depend on the order: they are kept by position.
 */
import { estimateTokens } from "../backend/tokenBudget";

/** Positions of `problems`, longest statement first; equal lengths keep the file's order. */
export function requestOrder(problems: readonly { problem: string }[]): number[] {
  const sizes = problems.map((p) => estimateTokens(p.problem));
  return problems.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}
