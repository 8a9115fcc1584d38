import type { SamplingParams } from "../backend/ports";
import type { RankingPolicy } from "./ranking";

/**
 * How much model text one solve keeps. Model output is untrusted and may be enormous; past these
 * sizes (in UTF-16 code units, i.e. JavaScript string length) a candidate is cut, marked
 * "client-limit", and its request aborted when no other candidate still needs it.
 */
export interface OutputLimits {
  /** Per candidate. AceMath's solutions are a few thousand characters; 2048 tokens is about 8k. */
  candidateChars: number;
  /** All candidates of one solve together. */
  solveChars: number;
}

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = {
  candidateChars: 64 * 1024,
  solveChars: 1024 * 1024,
};

/** What a solve asks for; every field comes from a setting or a CLI flag. */
export interface SolveRequest extends SamplingParams {
  problem: string;
  /** Null or empty: the first model the server lists. */
  policyModel: string | null;
  rewardModel: string | null;
  /** Absent: `DEFAULT_OUTPUT_LIMITS`. */
  limits?: OutputLimits;
  /** What orders the candidates when a reward model is present; absent: its top score (rm@k). */
  rankingPolicy?: RankingPolicy;
}

/** The AceMath sampling protocol for maj@8 / rm@8 (docs/protocol.md §1). */
export const DEFAULT_SOLVE_OPTIONS = {
  n: 8,
  temperature: 0.7,
  topP: 0.8,
  maxTokens: 2048,
} as const;

/** `owned_by` of the test/demo simulator's models: the product labels such sessions plainly. */
export const SIMULATOR_OWNER = "acemath-simulator";
