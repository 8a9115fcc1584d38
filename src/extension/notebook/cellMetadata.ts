/**
 * What a solved notebook keeps in the metadata of the answer cell it inserted, so that reopening the
 * notebook brings the candidates and scores back (issue #9). Pure (no `vscode`): encode from a solve,
 * decode from whatever a file holds. A notebook is a file others edit and share: decoding accepts
 * only the documented shape, with bounded sizes, and never throws.
 *
 * Shape (`metadata.acemath` of the cell, under the ipynb cell's own `metadata`):
 * `{ version: 1, id, solvedAt, problem, chosen, rankingMethod, scoreKind, policyModel, rewardModel,
 * simulated, candidates: [{ index, text, answer, score }], groups: [{ answer, members }] }`. The
 * servers' URLs are not kept: a notebook is shared, and they name the user's machines.
 */
import type { AnswerGroup, BackendInfo, RankingMethod, ScoreKind } from "../../core/solve/events";
import { emptySolveState, type SolveState } from "../../core/solve/state";

export const CELL_METADATA_KEY = "acemath";
export const CELL_METADATA_VERSION = 1;

/** Bounds on what one cell carries: a notebook must stay a reasonable file. */
export const CELL_METADATA_LIMITS = {
  candidates: 64,
  /** All candidate texts together, in characters; each is cut to its share with a visible mark. */
  textChars: 200_000,
  problemChars: 20_000,
  answerChars: 2_000,
  groups: 64,
  idChars: 100,
  modelChars: 200,
} as const;

export const CUT_MARK = "\n\n[… cut to fit the notebook's cell metadata]";

export interface CellCandidate {
  index: number;
  text: string;
  answer: string | null;
  score: number | null;
}

export interface AcemathCellMetadata {
  version: typeof CELL_METADATA_VERSION;
  /** The history entry this solve is recorded under. */
  id: string;
  /** When it was solved, in milliseconds since the epoch (0: unknown). */
  solvedAt: number;
  problem: string;
  /** The candidate the user inserted. */
  chosen: number;
  rankingMethod: RankingMethod | null;
  scoreKind: ScoreKind | null;
  /** The models' names (not their servers), for the restored panel's header. */
  policyModel: string | null;
  rewardModel: string | null;
  /** True when the solve came from the simulated test backend: the restored panel says so too. */
  simulated: boolean;
  candidates: CellCandidate[];
  groups: { answer: string; members: number[] }[];
}

export function encodeCellMetadata(
  id: string,
  state: SolveState,
  chosen: number,
  solvedAt = Date.now(),
): AcemathCellMetadata {
  const limits = CELL_METADATA_LIMITS;
  const candidates = state.candidates.slice(0, limits.candidates);
  const share = Math.floor(limits.textChars / Math.max(1, candidates.length));
  return {
    version: CELL_METADATA_VERSION,
    id: id.slice(0, limits.idChars),
    solvedAt,
    problem: cut(state.problem, limits.problemChars),
    chosen,
    rankingMethod: state.rankingMethod,
    scoreKind: state.scoreKind,
    policyModel: state.policy ? state.policy.model.slice(0, limits.modelChars) : null,
    rewardModel: state.reward ? state.reward.model.slice(0, limits.modelChars) : null,
    simulated: !!(state.policy?.simulated || state.reward?.simulated),
    candidates: candidates.map((c) => ({
      index: c.index,
      text: cut(c.text, share),
      answer: c.answer === null ? null : c.answer.slice(0, limits.answerChars),
      score: c.score,
    })),
    groups: state.groups.slice(0, limits.groups).map((g) => ({
      answer: g.answer.slice(0, limits.answerChars),
      members: g.members.slice(0, limits.candidates),
    })),
  };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, Math.max(0, max - CUT_MARK.length)) + CUT_MARK;
}

/**
 * The acemath metadata of a cell, from VS Code's cell metadata: the ipynb serializer keeps a Jupyter
 * cell's metadata under `metadata`; other notebook types may keep it at the top. Null when absent or
 * not what we wrote.
 */
export function readCellMetadata(cellMetadata: unknown): AcemathCellMetadata | null {
  const jupyter = field(cellMetadata, "metadata");
  return decodeCellMetadata(field(jupyter, CELL_METADATA_KEY) ?? field(cellMetadata, CELL_METADATA_KEY));
}

/** The cell metadata to write: the cell's own, with ours added under the Jupyter `metadata`. */
export function withCellMetadata(
  cellMetadata: Readonly<Record<string, unknown>>,
  ours: AcemathCellMetadata,
): Record<string, unknown> {
  const jupyter = field(cellMetadata, "metadata");
  const base = isRecord(jupyter) ? jupyter : {};
  return { ...cellMetadata, metadata: { ...base, [CELL_METADATA_KEY]: ours } };
}

export function decodeCellMetadata(value: unknown): AcemathCellMetadata | null {
  const limits = CELL_METADATA_LIMITS;
  if (!isRecord(value) || value.version !== CELL_METADATA_VERSION) return null;
  const { id, problem, chosen } = value;
  if (typeof id !== "string" || id === "" || id.length > limits.idChars) return null;
  if (typeof problem !== "string" || problem.length > limits.problemChars) return null;
  if (!isIndex(chosen)) return null;
  const candidates = boundedArray(value.candidates, limits.candidates)?.map(decodeCandidate);
  if (!candidates || candidates.some((c) => c === null)) return null;
  const groups = boundedArray(value.groups, limits.groups)?.map(decodeGroup) ?? [];
  if (groups.some((g) => g === null)) return null;
  const kept = candidates as CellCandidate[];
  const textChars = kept.reduce((sum, c) => sum + c.text.length, 0);
  if (textChars > limits.textChars || new Set(kept.map((c) => c.index)).size !== kept.length) return null;
  return {
    version: CELL_METADATA_VERSION,
    id,
    solvedAt: typeof value.solvedAt === "number" && Number.isFinite(value.solvedAt) ? value.solvedAt : 0,
    problem,
    chosen,
    rankingMethod: oneOf(value.rankingMethod, ["reward", "majority", "weighted-vote"]),
    scoreKind: oneOf(value.scoreKind, ["raw", "sigmoid"]),
    policyModel: modelName(value.policyModel),
    rewardModel: modelName(value.rewardModel),
    simulated: value.simulated === true,
    candidates: kept,
    groups: groups as { answer: string; members: number[] }[],
  };
}

function modelName(value: unknown): string | null {
  return typeof value === "string" && value.length <= CELL_METADATA_LIMITS.modelChars ? value : null;
}

function decodeCandidate(value: unknown): CellCandidate | null {
  if (!isRecord(value) || !isIndex(value.index) || typeof value.text !== "string") return null;
  const answer = value.answer;
  const score = value.score;
  if (answer !== null && (typeof answer !== "string" || answer.length > CELL_METADATA_LIMITS.answerChars))
    return null;
  if (score !== null && (typeof score !== "number" || !Number.isFinite(score))) return null;
  return { index: value.index, text: value.text, answer, score };
}

function decodeGroup(value: unknown): { answer: string; members: number[] } | null {
  if (!isRecord(value) || typeof value.answer !== "string") return null;
  if (value.answer.length > CELL_METADATA_LIMITS.answerChars) return null;
  const members = boundedArray(value.members, CELL_METADATA_LIMITS.candidates);
  if (!members?.every(isIndex)) return null;
  return { answer: value.answer, members: members as number[] };
}

/** The solve as the panel and the history know it, rebuilt from a cell: a finished solve. */
export function stateFromCellMetadata(metadata: AcemathCellMetadata): SolveState {
  const scores = new Map(metadata.candidates.map((c) => [c.index, c.score]));
  const groups: AnswerGroup[] = metadata.groups.map((g) => ({
    answer: g.answer,
    members: g.members,
    bestScore: maxScore(g.members.map((m) => scores.get(m) ?? null)),
  }));
  const order = [...metadata.candidates]
    .sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.index - b.index)
    .map((c) => c.index);
  return {
    ...emptySolveState(),
    status: "complete",
    problem: metadata.problem,
    n: metadata.candidates.length,
    policy: savedBackend(metadata.policyModel, metadata.simulated),
    reward: savedBackend(metadata.rewardModel, metadata.simulated),
    scoreKind: metadata.scoreKind,
    rankingMethod: metadata.rankingMethod,
    candidates: metadata.candidates.map((c) => ({ ...c, finishReason: "stop" })),
    order,
    groups,
  };
}

/** A model named in a saved result; where it ran is not kept, and the panel says so. */
function savedBackend(model: string | null, simulated: boolean): BackendInfo | null {
  return model === null ? null : { url: "(saved in the notebook)", model, simulated };
}

/** The status bar's summary of a cell: the chosen answer, its score, and how many candidates agree. */
export interface CellSummary {
  answer: string | null;
  score: number | null;
  agreeing: number;
  total: number;
}

export function summarizeCell(metadata: AcemathCellMetadata): CellSummary {
  const chosen = metadata.candidates.find((c) => c.index === metadata.chosen);
  const group = metadata.groups.find((g) => g.members.includes(metadata.chosen));
  return {
    answer: chosen?.answer ?? null,
    score: chosen?.score ?? null,
    agreeing: group ? group.members.length : typeof chosen?.answer === "string" ? 1 : 0,
    total: metadata.candidates.length,
  };
}

function maxScore(scores: (number | null)[]): number | null {
  const known = scores.filter((s): s is number => s !== null);
  return known.length === 0 ? null : Math.max(...known);
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 1_000_000;
}

/** The array when it is one of at most `max` elements (a longer one is not ours: refused, not read). */
function boundedArray(value: unknown, max: number): unknown[] | null {
  return Array.isArray(value) && value.length <= max ? value : null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.includes(value as T) ? (value as T) : null;
}
