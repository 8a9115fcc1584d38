import type { SamplingParams } from "../backend/ports";

/** What a solve asks for; every field comes from a setting or a CLI flag. */
export interface SolveRequest extends SamplingParams {
  problem: string;
  /** Null or empty: the first model the server lists. */
  policyModel: string | null;
  rewardModel: string | null;
}

/** The AceMath sampling protocol for maj@8 / rm@8 (backend-protocol.md §1). */
export const DEFAULT_SOLVE_OPTIONS = {
  n: 8,
  temperature: 0.7,
  topP: 0.8,
  maxTokens: 2048,
} as const;

/** `owned_by` of the test/demo simulator's models: the product labels such sessions plainly. */
export const SIMULATOR_OWNER = "acemath-simulator";
