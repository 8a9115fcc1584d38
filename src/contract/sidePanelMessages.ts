/**
 * API Boundary: the only messages between the extension and the side panel's webview (the
 * "AceMath" activity-bar view). Both bundles import this file. Messages are plain data; model output
 * inside them (problem, solutions, answers) is untrusted text that the view renders with markdown-it
 * (html off) and KaTeX (trust off), never as HTML.
 *
 * The extension does the thinking (which problem the cursor is in, clusters, what each policy picks);
 * the view only draws it and reports clicks. Every message from the view is validated
 * (`isFromSidePanel`) before the extension acts on it.
 */
import type { FinishReason, ScoreKind } from "../core/solve/events";
import type { SentencePart } from "../core/solve/policies";
import { RANKING_POLICIES, type RankingPolicy } from "../core/solve/ranking";
import type { SolveStatus } from "../core/solve/state";

/** How candidates are ordered (the `acemath.ranking.policy` setting). */
export type SidePolicy = RankingPolicy;

export type { SentencePart };

export const SIDE_POLICIES: readonly SidePolicy[] = RANKING_POLICIES;

export interface SideCandidate {
  /** The candidate's index in its solve; shown everywhere as #(index + 1). */
  index: number;
  text: string;
  answer: string | null;
  score: number | null;
  finishReason: FinishReason | null;
}

/** One distinct final answer (equivalent answers grouped by the grading engine). */
export interface SideCluster {
  answer: string;
  /** Candidate indices, ascending. */
  members: number[];
  votes: number;
  meanScore: number | null;
  maxScore: number | null;
}

export interface SideProblem {
  /** Identifies the solve: a history id, or "latest" for the solve in progress. */
  key: string;
  problem: string;
  status: SolveStatus;
  candidates: SideCandidate[];
  /** Candidate indices in the main panel's order (the configured policy's), best first. */
  order: number[];
  clusters: SideCluster[];
  /** Position in `clusters` each policy picks; null when it picks none (no answers, or no scores). */
  picks: Record<SidePolicy, number | null>;
  /** True when two policies that pick something pick different clusters. */
  disagree: boolean;
  /** One plain sentence: what the policies pick, and that they disagree when they do. */
  sentence: string;
  /** The same sentence in parts: the view typesets the answer parts with KaTeX (untrusted LaTeX). */
  sentenceParts: SentencePart[];
  /** The policy that orders the main panel, as configured and in effect for this solve. */
  policy: SidePolicy;
  scoreKind: ScoreKind | null;
  rewardModel: string | null;
  /** Epoch milliseconds of the solve, for the header; null while unknown. */
  solvedAt: number | null;
}

/** Why the view shows what it shows (one line above the content). */
export type SideSource = "cursor" | "latest" | "history" | "pinned";

export interface SideHistoryItem {
  id: string;
  problem: string;
  /** The answer the configured policy picks, if any. */
  answer: string | null;
  candidates: number;
  solvedAt: number;
}

/** Extension → side panel. */
export type ToSidePanel =
  | {
      type: "show";
      problem: SideProblem | null;
      source: SideSource;
      pinned: boolean;
      /** Shown when nothing matches the cursor, e.g. "No solve yet for the problem under the cursor." */
      note: string;
    }
  | { type: "history"; items: SideHistoryItem[]; /** The most entries kept. */ bound: number }
  /** The extension stored a judgement (blind mode): the view moves to the next pair. */
  | { type: "judged"; count: number };

export type Verdict = "A" | "B" | "tie" | "both-wrong";
export const VERDICTS: readonly Verdict[] = ["A", "B", "tie", "both-wrong"];

/** Webview → extension. */
export type FromSidePanel =
  | { type: "ready" }
  | { type: "pin"; pinned: boolean }
  /** Show a history entry (it stays in view as if pinned, until the user unpins). */
  | { type: "openHistory"; id: string }
  /** Insert this candidate's answer after its problem (only for the solve the editor knows). */
  | { type: "accept"; key: string; index: number }
  /** Blind mode: A and B are candidate indices as shown (A on the left). */
  | { type: "judge"; key: string; a: number; b: number; verdict: Verdict }
  | { type: "exportJudgements" };

const MAX_ID_CHARS = 200;

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 10_000;
}

function isKey(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_ID_CHARS;
}

/** The extension's guard: anything else the view posts is ignored (and logged). */
export function isFromSidePanel(value: unknown): value is FromSidePanel {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case "ready":
    case "exportJudgements":
      return true;
    case "pin":
      return typeof m.pinned === "boolean";
    case "openHistory":
      return isKey(m.id);
    case "accept":
      return isKey(m.key) && isIndex(m.index);
    case "judge":
      return (
        isKey(m.key) && isIndex(m.a) && isIndex(m.b) && m.a !== m.b && VERDICTS.includes(m.verdict as Verdict)
      );
    default:
      return false;
  }
}

/** The view's guard on what arrives (its own extension, but a stale page may see an older shape). */
export function isToSidePanel(value: unknown): value is ToSidePanel {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case "show":
      return (m.problem === null || isSideProblemLike(m.problem)) && typeof m.pinned === "boolean";
    case "history":
      return Array.isArray(m.items) && typeof m.bound === "number";
    case "judged":
      return typeof m.count === "number";
    default:
      return false;
  }
}

export function isSideProblemLike(value: unknown): value is SideProblem {
  if (typeof value !== "object" || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.key === "string" &&
    typeof p.problem === "string" &&
    Array.isArray(p.candidates) &&
    Array.isArray(p.clusters) &&
    typeof p.picks === "object" &&
    p.picks !== null
  );
}
