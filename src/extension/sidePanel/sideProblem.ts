/**
 * What the side panel shows of one solve: its candidates in the solve's order, and the answer
 * clusters (the grading engine's groups, `SolveState.groups`) with what each policy picks, from
 * src/core/solve/policies.ts. Pure (no vscode), so it is unit-tested on real candidates.
 */
import type { SideProblem } from "../../contract/sidePanelMessages";
import type { RankingMethod } from "../../core/solve/events";
import { comparePolicies } from "../../core/solve/policies";
import type { RankingPolicy } from "../../core/solve/ranking";
import type { SolveState } from "../../core/solve/state";

export interface SideProblemOptions {
  key: string;
  /** The configured policy, used while the solve has not been ranked yet. */
  configured: RankingPolicy;
  solvedAt: number | null;
}

const POLICY_OF_METHOD: Record<RankingMethod, RankingPolicy> = {
  reward: "reward-top1",
  majority: "majority",
  "weighted-vote": "weighted-vote",
};

export function sideProblemOf(state: SolveState, options: SideProblemOptions): SideProblem {
  const outcome = comparePolicies(
    state.candidates,
    state.groups.map((group) => group.members),
    state.scoreKind,
  );
  return {
    key: options.key,
    problem: state.problem,
    status: state.status,
    candidates: state.candidates.map((c) => ({
      index: c.index,
      text: c.text,
      answer: c.answer,
      score: c.score,
      finishReason: c.finishReason,
    })),
    order: [...state.order],
    clusters: outcome.clusters.map(({ answer, members, votes, meanScore, maxScore }) => ({
      answer,
      members,
      votes,
      meanScore,
      maxScore,
    })),
    picks: outcome.picks,
    disagree: outcome.disagree,
    sentence: outcome.sentence,
    sentenceParts: outcome.sentenceParts,
    policy: state.rankingMethod ? POLICY_OF_METHOD[state.rankingMethod] : options.configured,
    scoreKind: state.scoreKind,
    rewardModel: state.reward?.model ?? null,
    solvedAt: options.solvedAt,
  };
}
