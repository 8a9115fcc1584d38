/**
 * Ordering candidates, by the method in effect (`acemath.ranking.policy`, see `methodFor`):
 * "reward": by score, best first (AceMath's rm@k selection); "majority": by vote over equivalent
 * final answers (maj@k), ties to the first seen; "weighted-vote": answers by the sum of their
 * members' softmax reward weights (src/core/solve/rewardWeights.ts), members of the heaviest answer
 * first, each answer's members by score. Without a reward model every policy is a majority vote.
 * Either way, candidates that ended come before those a cancel or an error interrupted.
 */
import type { AnswerGroup, RankingMethod, ScoreKind } from "./events";
import { rewardWeights } from "./rewardWeights";

/**
 * The `acemath.ranking.policy` setting (and the CLI's `--ranking`): what orders the candidates when a
 * reward model is present. Listed in the order the side panel and the policy sentence name them.
 */
export const RANKING_POLICIES = ["reward-top1", "majority", "weighted-vote"] as const;
export type RankingPolicy = (typeof RANKING_POLICIES)[number];
/** Every solve's policy unless the user chose another (editor, notebook, check and CLI alike). */
export const DEFAULT_RANKING_POLICY: RankingPolicy = "weighted-vote";

export function parseRankingPolicy(value: unknown): RankingPolicy | null {
  return RANKING_POLICIES.find((policy) => policy === value) ?? null;
}

/** The method a solve ranks by: the policy when scores exist, else a majority vote. */
export function methodFor(policy: RankingPolicy, withReward: boolean): RankingMethod {
  if (!withReward || policy === "majority") return "majority";
  return policy === "reward-top1" ? "reward" : "weighted-vote";
}

export interface RankableCandidate {
  index: number;
  answer: string | null;
  score: number | null;
  /** False when a cancel or an error cut it off (see `hasEnded`); absent counts as ended. */
  ended?: boolean;
  /** The policy's mean token log-probability (embedded engine): breaks majority-vote ties only. */
  confidence?: number;
}

/**
 * Groups candidates' answers into equivalence classes. Returns classes as lists of positions in
 * `answers`. The grading engine supplies a symbolic implementation; `groupByExactAnswer` is the
 * fallback when none is given.
 */
export type AnswerGrouper = (answers: string[]) => Promise<number[][]>;

export const groupByExactAnswer: AnswerGrouper = async (answers) => {
  const classes = new Map<string, number[]>();
  answers.forEach((answer, position) => {
    const key = answer.replace(/\s+/g, "");
    const members = classes.get(key) ?? [];
    members.push(position);
    classes.set(key, members);
  });
  return [...classes.values()];
};

export interface Ranking {
  order: number[];
  groups: AnswerGroup[];
}

export async function rankCandidates(
  candidates: readonly RankableCandidate[],
  method: RankingMethod,
  groupAnswers: AnswerGrouper,
  scoreKind: ScoreKind | null = null,
): Promise<Ranking> {
  const withAnswers = candidates.filter((c) => c.answer !== null);
  const classes = await groupAnswers(withAnswers.map((c) => c.answer as string));
  const groups = classes.map((positions) =>
    toGroup(positions.map((p) => withAnswers[p] as RankableCandidate)),
  );
  if (method === "reward") {
    groups.sort((a, b) => compareScores(a.bestScore, b.bestScore) || firstMember(a) - firstMember(b));
    return { order: endedFirst(orderByScore(candidates), candidates), groups };
  }
  if (method === "weighted-vote") {
    const weight = groupWeights(candidates, scoreKind);
    groups.sort(
      (a, b) =>
        weight(b) - weight(a) || b.members.length - a.members.length || firstMember(a) - firstMember(b),
    );
    return { order: endedFirst(orderByGroups(candidates, groups), candidates), groups };
  }
  const confidence = confidenceOf(candidates);
  groups.sort(
    (a, b) =>
      b.members.length - a.members.length ||
      confidence.ofGroup(b) - confidence.ofGroup(a) ||
      firstMember(a) - firstMember(b),
  );
  return { order: endedFirst(orderByVotes(candidates, groups, confidence.ofIndex), candidates), groups };
}

/**
 * With no reward model but a policy that reports its own confidence (the embedded engine), equal
 * votes are decided by the answers' mean confidence and each answer's candidates are ordered by it.
 * Without confidences every value is 0 and the order is the plain majority vote's.
 */
function confidenceOf(candidates: readonly RankableCandidate[]) {
  const byIndex = new Map(candidates.map((c) => [c.index, c.confidence ?? 0]));
  const ofIndex = (index: number) => byIndex.get(index) ?? 0;
  const ofGroup = (group: AnswerGroup) =>
    group.members.reduce((sum, i) => sum + ofIndex(i), 0) / Math.max(1, group.members.length);
  return { ofIndex, ofGroup };
}

/** A stable partition: interrupted candidates move behind every candidate that ended. */
function endedFirst(order: number[], candidates: readonly RankableCandidate[]): number[] {
  const interrupted = new Set(candidates.filter((c) => c.ended === false).map((c) => c.index));
  return [...order.filter((i) => !interrupted.has(i)), ...order.filter((i) => interrupted.has(i))];
}

function toGroup(members: RankableCandidate[]): AnswerGroup {
  const scores = members.map((m) => m.score).filter((s): s is number => s !== null);
  return {
    // The first member's spelling represents the class, as maj@k judges the first seen.
    answer: members[0]?.answer ?? "",
    members: members.map((m) => m.index).sort((a, b) => a - b),
    bestScore: scores.length > 0 ? Math.max(...scores) : null,
  };
}

function firstMember(group: AnswerGroup): number {
  return group.members[0] ?? Number.MAX_SAFE_INTEGER;
}

/** Descending; unscored after scored. */
function compareScores(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return b - a;
}

function orderByScore(candidates: readonly RankableCandidate[]): number[] {
  return [...candidates]
    .sort((a, b) => compareScores(a.score, b.score) || a.index - b.index)
    .map((c) => c.index);
}

/** A group's share of the solve's softmax reward weight. */
function groupWeights(candidates: readonly RankableCandidate[], kind: ScoreKind | null) {
  const weights = rewardWeights(
    candidates.map((c) => c.score),
    kind,
  );
  const byIndex = new Map(candidates.map((c, position) => [c.index, weights[position] ?? 0]));
  return (group: AnswerGroup) => group.members.reduce((sum, i) => sum + (byIndex.get(i) ?? 0), 0);
}

/** Groups in their order, each group's members by score; candidates without an answer last, by score. */
function orderByGroups(candidates: readonly RankableCandidate[], groups: readonly AnswerGroup[]): number[] {
  const scoreOf = new Map(candidates.map((c) => [c.index, c.score]));
  const byScore = (a: number, b: number) =>
    compareScores(scoreOf.get(a) ?? null, scoreOf.get(b) ?? null) || a - b;
  const grouped = groups.flatMap((g) => [...g.members].sort(byScore));
  const rest = candidates
    .map((c) => c.index)
    .filter((i) => !grouped.includes(i))
    .sort(byScore);
  return [...grouped, ...rest];
}

/** Members of the biggest group first; candidates without an answer last. */
function orderByVotes(
  candidates: readonly RankableCandidate[],
  groups: readonly AnswerGroup[],
  confidence: (index: number) => number,
): number[] {
  const byConfidence = (a: number, b: number) => confidence(b) - confidence(a) || a - b;
  const grouped = groups.flatMap((g) => [...g.members].sort(byConfidence));
  const rest = candidates
    .map((c) => c.index)
    .filter((i) => !grouped.includes(i))
    .sort(byConfidence);
  return [...grouped, ...rest];
}
