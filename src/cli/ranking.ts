/** `--ranking`: the CLI's spelling of the `acemath.ranking.policy` setting, for `solve` and `check`. */
import {
  DEFAULT_RANKING_POLICY,
  RANKING_POLICIES,
  parseRankingPolicy,
  type RankingPolicy,
} from "../core/solve/ranking";
import { UsageError } from "./io";

export const RANKING_OPTION = { ranking: { type: "string", default: DEFAULT_RANKING_POLICY } } as const;

export const RANKING_USAGE = `  --ranking POLICY     what ranks the candidates when a reward model is present:
                       ${RANKING_POLICIES.join(", ")} (default ${DEFAULT_RANKING_POLICY})`;

export function rankingPolicyOption(value: string): RankingPolicy {
  const policy = parseRankingPolicy(value);
  if (policy === null)
    throw new UsageError(`--ranking expects one of ${RANKING_POLICIES.join(", ")}, got "${value}"`);
  return policy;
}
