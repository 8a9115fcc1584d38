import {
  hasEnded,
  type AnswerGroup,
  type BackendInfo,
  type FinishReason,
  type RankingMethod,
  type ScoreKind,
  type SolveErrorInfo,
  type SolveEvent,
  type SolveWarning,
} from "./events";

export interface CandidateState {
  index: number;
  text: string;
  /** Null while the candidate is still streaming. */
  finishReason: FinishReason | null;
  answer: string | null;
  score: number | null;
  /**
   * The policy's own confidence (mean token log-probability), when its engine reports one: a
   * secondary signal where no reward model runs, never mixed with reward scores.
   */
  meanLogprob?: number;
}

export type SolveStatus = "idle" | "running" | "complete" | "cancelled" | "failed";

export interface SolveState {
  status: SolveStatus;
  problem: string;
  n: number;
  policy: BackendInfo | null;
  reward: BackendInfo | null;
  scoreKind: ScoreKind | null;
  candidates: CandidateState[];
  rankingMethod: RankingMethod | null;
  /** Candidate indices, best first (all candidates, finished or not). */
  order: number[];
  groups: AnswerGroup[];
  warnings: Omit<SolveWarning, "type">[];
  error: SolveErrorInfo | null;
}

export function emptySolveState(): SolveState {
  return {
    status: "idle",
    problem: "",
    n: 0,
    policy: null,
    reward: null,
    scoreKind: null,
    candidates: [],
    rankingMethod: null,
    order: [],
    groups: [],
    warnings: [],
    error: null,
  };
}

/** A whole number in 0…n−1 (any whole number before a solve has started and said its n). */
function isCandidateIndex(state: SolveState, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && (state.n === 0 || index < state.n);
}

function candidateAt(state: SolveState, index: number): CandidateState {
  let candidate = state.candidates.find((c) => c.index === index);
  if (!candidate) {
    candidate = { index, text: "", finishReason: null, answer: null, score: null };
    state.candidates.push(candidate);
    state.candidates.sort((a, b) => a.index - b.index);
    if (!state.order.includes(index)) state.order.push(index);
  }
  return candidate;
}

/**
 * Folds one event into the state, in place, and returns it. In place because the panel applies
 * thousands of deltas per solve; callers that need snapshots clone with `structuredClone`.
 */
export function applySolveEvent(state: SolveState, event: SolveEvent): SolveState {
  // The pipeline already drops choices outside 0…n−1; every view refuses them too (defence in depth).
  if ("index" in event && !isCandidateIndex(state, event.index)) return state;
  switch (event.type) {
    case "started":
      Object.assign(state, emptySolveState(), {
        status: "running",
        problem: event.problem,
        n: event.n,
        policy: event.policy,
        reward: event.reward,
      });
      break;
    case "delta":
      candidateAt(state, event.index).text += event.text;
      break;
    case "finished": {
      const candidate = candidateAt(state, event.index);
      if (candidate.finishReason !== null) break; // the first finish stands
      candidate.finishReason = event.finishReason;
      candidate.answer = event.answer;
      if (event.meanLogprob !== undefined) candidate.meanLogprob = event.meanLogprob;
      break;
    }
    case "scored":
      candidateAt(state, event.index).score = event.score;
      state.scoreKind = event.scoreKind;
      break;
    case "ranking":
      state.rankingMethod = event.method;
      state.order = [...event.order, ...state.order.filter((i) => !event.order.includes(i))];
      state.groups = event.groups;
      break;
    case "warning":
      state.warnings.push({ code: event.code, message: event.message });
      break;
    case "error":
      state.error = event.error;
      break;
    case "done":
      state.status = event.outcome;
      break;
  }
  return state;
}

export interface CandidateCounts {
  /** Candidates that ended (stop, length, or cut at the client's limit). */
  ended: number;
  /** The solve's size: n, or more if a server sent more (it should not). */
  total: number;
  scored: number;
}

/** What a solve achieved, for labels that must say what was actually done (e.g. after a cancel). */
export function candidateCounts(state: SolveState): CandidateCounts {
  return {
    ended: state.candidates.filter((c) => hasEnded(c.finishReason)).length,
    total: Math.max(state.n, state.candidates.length),
    scored: state.candidates.filter((c) => c.score !== null).length,
  };
}
