/**
 * Bounded work per candidate: counts the text each candidate and the whole solve have kept, and
 * says where a piece must be cut so that neither limit is passed. The cut never splits a UTF-16
 * surrogate pair, so the kept text is always well-formed.
 */
import type { OutputLimits } from "./request";

export interface Admitted {
  /** The part of the piece to keep (all of it, unless a limit is reached inside it). */
  kept: string;
  /** Which limit this piece reached, if any: the candidate's own, or the solve's (every candidate stops). */
  reached: "candidate" | "solve" | null;
}

export class OutputBudget {
  private readonly perCandidate = new Map<number, number>();
  private total = 0;

  constructor(private readonly limits: OutputLimits) {}

  admit(index: number, content: string): Admitted {
    const used = this.perCandidate.get(index) ?? 0;
    const candidateRoom = this.limits.candidateChars - used;
    const solveRoom = this.limits.solveChars - this.total;
    const room = Math.max(0, Math.min(candidateRoom, solveRoom));
    const kept = content.length < room ? content : cutAt(content, room);
    this.perCandidate.set(index, used + kept.length);
    this.total += kept.length;
    if (content.length < room) return { kept, reached: null };
    // A piece that ends exactly at the limit reaches it too: the next piece would have nowhere to go.
    return { kept, reached: solveRoom <= candidateRoom ? "solve" : "candidate" };
  }
}

function cutAt(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  const splitsPair = length > 0 && code >= 0xd800 && code <= 0xdbff;
  return text.slice(0, splitsPair ? length - 1 : length);
}
