import type {
  AnswerGroup,
  BackendInfo,
  FinishReason,
  RankingMethod,
  ScoreKind,
  SolveErrorInfo,
  SolveEvent,
  SolveWarning,
} from "./events";

export interface CandidateState {
  index: number;
  text: string;
  /** Null while the candidate is still streaming. */
  finishReason: FinishReason | null;
  answer: string | null;
  score: number | null;
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
      candidate.finishReason = event.finishReason;
      candidate.answer = event.answer;
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
