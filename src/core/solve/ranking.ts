/**
 * Ordering candidates. With a reward model: by score, best first (AceMath's rm@k selection).
 * Without: by majority vote over equivalent final answers (maj@k), ties to the first seen.
 * Either way, candidates that ended come before those a cancel or an error interrupted.
 */
import type { AnswerGroup, RankingMethod } from "./events";

export interface RankableCandidate {
  index: number;
  answer: string | null;
  score: number | null;
  /** False when a cancel or an error cut it off (see `hasEnded`); absent counts as ended. */
  ended?: boolean;
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
  groups.sort((a, b) => b.members.length - a.members.length || firstMember(a) - firstMember(b));
  return { order: endedFirst(orderByVotes(candidates, groups), candidates), groups };
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

/** Members of the biggest group first; candidates without an answer last. */
function orderByVotes(candidates: readonly RankableCandidate[], groups: readonly AnswerGroup[]): number[] {
  const grouped = groups.flatMap((g) => g.members);
  const rest = candidates
    .map((c) => c.index)
    .filter((i) => !grouped.includes(i))
    .sort((a, b) => a - b);
  return [...grouped, ...rest];
}
