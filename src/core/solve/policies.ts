/**
 * Answer clusters and the cluster each ranking policy picks, for the side panel's cluster table and
 * its "the policies disagree" sentence.
 *
 * A cluster is one distinct final answer: the candidates the grading engine found equivalent. Its
 * spelling is its first member's (as maj@k judges the first seen); members ascend.
 *
 * - `reward-top1`: the cluster of the best-scored candidate with an answer; equal scores go to the lower
 *   candidate index; unscored candidates never win. No score at all: no pick.
 * - `majority`: the cluster with most members; a tie goes to the cluster seen first (lowest first member).
 * - `weighted-vote`: the cluster with the largest sum of its members' weights, where a candidate's
 *   weight is its share of the softmax of the solve's reward logits (`rewardWeights`: raw logits as
 *   they are, sigmoid values mapped back to logits first, so both server dialects pick alike;
 *   unscored candidates weigh 0; candidates without an answer share the softmax but vote for nothing).
 *   Ties go to more votes, then to the cluster seen first. No scored member anywhere: no pick.
 *
 * These are the rules `rankCandidates` orders by (ranking.ts); a test holds the two to the same picks.
 */
import type { ScoreKind } from "./events";
import { RANKING_POLICIES, type AnswerGrouper, type RankingPolicy } from "./ranking";
import { rewardWeights } from "./rewardWeights";

export type { RankingPolicy } from "./ranking";

export interface PolicyCandidate {
  /** The candidate's index in its solve (shown as #(index + 1)). */
  index: number;
  /** The extracted final answer; null: none (the candidate is in no cluster). */
  answer: string | null;
  /** The reward model's score; undefined or null: not scored. */
  score?: number | null;
}

export interface AnswerCluster {
  answer: string;
  /** Candidate indices, ascending. */
  members: number[];
  votes: number;
  /** Over the scored members, in the server's own scale (raw logit or sigmoid); null when none is scored. */
  meanScore: number | null;
  maxScore: number | null;
  /** The members' summed softmax weight (0–1 over the whole solve; see above); 0 without scores. */
  weight: number;
}

export interface PolicyOutcome {
  /** In order of first appearance (lowest first member first). */
  clusters: AnswerCluster[];
  /** Position in `clusters` each policy picks; null where it picks none. */
  picks: Record<RankingPolicy, number | null>;
  /** True when two policies that pick something pick different clusters. */
  disagree: boolean;
  /** One plain sentence (plain text, not markup) saying what the policies pick and whether they agree. */
  sentence: string;
  /** The same sentence in parts, so a view can typeset the answers (`sentence` is their plain join). */
  sentenceParts: SentencePart[];
}

/** A piece of the policies' sentence: plain words, or a final answer (LaTeX source, untrusted). */
export type SentencePart = { kind: "text"; text: string } | { kind: "answer"; answer: string };

/** The policy a solve uses when the user chose none: weighted vote when any candidate is scored, else majority. */
export function defaultPolicy(candidates: readonly PolicyCandidate[]): RankingPolicy {
  return candidates.some((c) => isScore(c.score)) ? "weighted-vote" : "majority";
}

/**
 * Groups the answered candidates with the grading engine's grouper (which numbers answers by their
 * position in the list it is given) and returns the groups as candidate indices, ready for `comparePolicies`.
 */
export async function groupCandidates(
  candidates: readonly PolicyCandidate[],
  group: AnswerGrouper,
): Promise<number[][]> {
  const answered = candidates.filter((c): c is PolicyCandidate & { answer: string } => c.answer !== null);
  const positions = await group(answered.map((c) => c.answer));
  return positions.map((members) => members.flatMap((p) => (answered[p] ? [answered[p].index] : [])));
}

/**
 * Clusters from `groups` (lists of candidate indices, e.g. from `groupCandidates`) and each policy's
 * pick. An answered candidate that no group lists gets a cluster of its own; indices of unknown or
 * unanswered candidates in a group are ignored.
 */
export function comparePolicies(
  candidates: readonly PolicyCandidate[],
  groups: readonly (readonly number[])[],
  scoreKind: ScoreKind | null = null,
): PolicyOutcome {
  const clusters = buildClusters(candidates, groups, scoreKind);
  const picks = {
    "reward-top1": pickRewardTop1(candidates, clusters),
    majority: pickBest(clusters, (a, b) => a.votes - b.votes),
    "weighted-vote": clusters.some((c) => c.weight > 0)
      ? pickBest(clusters, (a, b) => a.weight - b.weight || a.votes - b.votes)
      : null,
  } satisfies Record<RankingPolicy, number | null>;
  const chosen = new Set(Object.values(picks).filter((p): p is number => p !== null));
  const disagree = chosen.size > 1;
  const sentenceParts = policySentence(candidates, clusters, picks);
  return { clusters, picks, disagree, sentence: sentenceText(sentenceParts), sentenceParts };
}

/** The cluster a policy picks, or null. */
export function pickedCluster(outcome: PolicyOutcome, policy: RankingPolicy): AnswerCluster | null {
  const at = outcome.picks[policy];
  return at === null ? null : (outcome.clusters[at] ?? null);
}

function isScore(score: number | null | undefined): score is number {
  return typeof score === "number" && Number.isFinite(score);
}

function buildClusters(
  candidates: readonly PolicyCandidate[],
  groups: readonly (readonly number[])[],
  scoreKind: ScoreKind | null,
): AnswerCluster[] {
  const weights = rewardWeights(
    candidates.map((c) => (isScore(c.score) ? c.score : null)),
    scoreKind,
  );
  const byIndex = new Map(candidates.map((c, position) => [c.index, { c, weight: weights[position] ?? 0 }]));
  const placed = new Set<number>();
  const memberLists: number[][] = [];
  for (const group of groups) {
    const members = [...new Set(group)].filter(
      (i) => (byIndex.get(i)?.c.answer ?? null) !== null && !placed.has(i),
    );
    members.forEach((i) => placed.add(i));
    if (members.length > 0) memberLists.push(members.sort((a, b) => a - b));
  }
  for (const c of candidates) if (c.answer !== null && !placed.has(c.index)) memberLists.push([c.index]);
  memberLists.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  return memberLists.map((members) => {
    const entries = members.map((i) => byIndex.get(i)!);
    const scores = entries.map((e) => e.c.score).filter(isScore);
    return {
      answer: entries[0]?.c.answer ?? "",
      members,
      votes: members.length,
      meanScore: scores.length > 0 ? scores.reduce((s, x) => s + x, 0) / scores.length : null,
      maxScore: scores.length > 0 ? Math.max(...scores) : null,
      weight: entries.reduce((sum, e) => sum + e.weight, 0),
    };
  });
}

/** The position of the greatest cluster by `compare`; clusters are in order of first appearance, so ties go to the first. */
function pickBest(
  clusters: readonly AnswerCluster[],
  compare: (a: AnswerCluster, b: AnswerCluster) => number,
): number | null {
  let best: number | null = null;
  clusters.forEach((cluster, at) => {
    if (best === null || compare(cluster, clusters[best]!) > 0) best = at;
  });
  return best;
}

function pickRewardTop1(
  candidates: readonly PolicyCandidate[],
  clusters: readonly AnswerCluster[],
): number | null {
  const top = bestScored(candidates);
  return top === null ? null : clusters.findIndex((c) => c.members.includes(top.index));
}

/** The best-scored candidate with an answer; equal scores go to the lower index. */
export function bestScored(candidates: readonly PolicyCandidate[]): PolicyCandidate | null {
  let best: PolicyCandidate | null = null;
  for (const c of candidates) {
    if (c.answer === null || !isScore(c.score)) continue;
    if (!best || c.score! > best.score! || (c.score === best.score && c.index < best.index)) best = c;
  }
  return best;
}

const POLICY_WORDS: Record<RankingPolicy, string> = {
  "reward-top1": "the reward model's top candidate",
  majority: "majority vote",
  "weighted-vote": "reward-weighted vote",
};

/** The sentence as its own plain text (a screen reader, the CLI); answers stay LaTeX source. */
export function sentenceText(parts: readonly SentencePart[]): string {
  return parts.map((part) => (part.kind === "text" ? part.text : part.answer)).join("");
}

function policySentence(
  candidates: readonly PolicyCandidate[],
  clusters: readonly AnswerCluster[],
  picks: Record<RankingPolicy, number | null>,
): SentencePart[] {
  const total = candidates.length;
  const text = (value: string): SentencePart => ({ kind: "text", text: value });
  const describe = (at: number): SentencePart[] => {
    const cluster = clusters[at]!;
    return [
      { kind: "answer", answer: cluster.answer },
      text(` (${cluster.votes} of ${total} ${total === 1 ? "vote" : "votes"})`),
    ];
  };
  if (clusters.length === 0) return [text("No candidate has a final answer, so no policy picks one.")];
  if (picks["reward-top1"] === null) {
    return [text("No reward scores: majority vote picks "), ...describe(picks.majority!), text(".")];
  }
  const byCluster = new Map<number, RankingPolicy[]>();
  for (const policy of RANKING_POLICIES) {
    const at = picks[policy];
    if (at !== null) byCluster.set(at, [...(byCluster.get(at) ?? []), policy]);
  }
  if (byCluster.size === 1)
    return [text("All three policies pick "), ...describe(picks.majority!), text(".")];
  const parts = [...byCluster].map(([at, policies]) => {
    const who = policies.map((p) => POLICY_WORDS[p]).join(" and ");
    return [text(`${who} ${policies.length > 1 ? "pick" : "picks"} `), ...describe(at)];
  });
  return [
    text("The policies disagree: "),
    ...parts.flatMap((part, i) => (i === 0 ? part : [text("; "), ...part])),
    text("."),
  ];
}
