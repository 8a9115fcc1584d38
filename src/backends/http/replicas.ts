/**
 * Scale-out over several URLs of one role (replicas of the same model, e.g. one vLLM per GPU or node):
 * each request goes to the least-loaded replica that is not set aside; a replica that fails (down,
 * timed out, 5xx) is set aside for a while and the request is tried on another before anything
 * arrived from it. A solve's n candidates are split across the healthy replicas (seed + i kept).
 * Tensor/pipeline/data parallelism inside one server stays the server's business: behind one URL.
 */
import { BackendError, isAbortError } from "../../core/backend/errors";
import { fanOut } from "../../core/backend/fanOut";
import type { OpenAiPolicyBackend } from "./openaiPolicy";
import type {
  CandidateStops,
  ChoiceChunk,
  FanOutListener,
  GenerationRequest,
  ModelInfo,
  PolicyBackend,
  PromptCount,
  RewardBackend,
  RewardScores,
} from "../../core/backend/ports";
import type { VllmRewardBackend } from "./vllmReward";

/** How long a failing replica is left out before it is tried again. */
export const SET_ASIDE_MS = 30_000;

/** Several URLs in one setting or flag: separated by commas or whitespace. */
export function splitUrls(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((u) => u.trim())
    .filter(Boolean);
}

/** A failure that says "this replica is unwell" (try another), as opposed to "this request is wrong". */
function replicaFailure(error: unknown): boolean {
  if (!(error instanceof BackendError)) return false;
  if (error.kind !== "http") return true;
  return (error.status ?? 0) >= 500 || error.status === 429;
}

class ReplicaPool<B extends { baseUrl: string }> {
  private readonly load = new Map<B, number>();
  private readonly asideUntil = new Map<B, number>();

  constructor(
    readonly members: readonly B[],
    private readonly now: () => number = Date.now,
  ) {}

  /** Healthy replicas, least loaded first; when all are set aside, all of them (better than nothing). */
  ranked(): B[] {
    const time = this.now();
    const healthy = this.members.filter((m) => (this.asideUntil.get(m) ?? 0) <= time);
    const pool = healthy.length > 0 ? healthy : [...this.members];
    return pool.sort((a, b) => (this.load.get(a) ?? 0) - (this.load.get(b) ?? 0));
  }

  async use<T>(member: B, task: () => Promise<T>): Promise<T> {
    this.load.set(member, (this.load.get(member) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.load.set(member, (this.load.get(member) ?? 1) - 1);
    }
  }

  begin(member: B): () => void {
    this.load.set(member, (this.load.get(member) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.load.set(member, (this.load.get(member) ?? 1) - 1);
    };
  }

  setAside(member: B): void {
    this.asideUntil.set(member, this.now() + SET_ASIDE_MS);
  }

  /** Runs `task` on the least-loaded replica, moving on to the next when one is unwell. */
  async first<T>(task: (member: B) => Promise<T>, signal: AbortSignal): Promise<T> {
    let lastError: unknown = null;
    for (const member of this.ranked()) {
      try {
        return await this.use(member, () => task(member));
      } catch (error) {
        if (signal.aborted || isAbortError(error) || !replicaFailure(error)) throw error;
        this.setAside(member);
        lastError = error;
      }
    }
    throw lastError;
  }
}

export class ReplicatedPolicyBackend implements PolicyBackend {
  readonly baseUrl: string;
  private readonly pool: ReplicaPool<OpenAiPolicyBackend>;

  constructor(replicas: readonly OpenAiPolicyBackend[], now?: () => number) {
    if (replicas.length === 0) throw new Error("no policy replicas");
    this.pool = new ReplicaPool(replicas, now);
    this.baseUrl = replicas.map((r) => r.baseUrl).join(", ");
  }

  get replicas(): readonly OpenAiPolicyBackend[] {
    return this.pool.members;
  }

  listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    return this.pool.first((r) => r.listModels(signal), signal);
  }

  countPromptTokens(model: string, problem: string, signal: AbortSignal): Promise<PromptCount> {
    return this.pool.first((r) => r.countPromptTokens(model, problem, signal), signal);
  }

  /** Candidates split into one contiguous part per healthy replica; a part whose replica fails before sending anything moves on. */
  generate(
    request: GenerationRequest,
    signal: AbortSignal,
    stops?: CandidateStops,
    onFanOut?: FanOutListener,
  ): AsyncIterable<ChoiceChunk> {
    const replicas = this.pool.ranked();
    const parts = splitEvenly(request.n, replicas.length);
    return fanOut(parts.length, parts.length, signal, (i, shared) => {
      const part = parts[i] as { first: number; count: number };
      const preferred = replicas[i] as OpenAiPolicyBackend;
      return this.generatePart(request, part, preferred, shared, { stops, onFanOut });
    });
  }

  private async *generatePart(
    request: GenerationRequest,
    part: { first: number; count: number },
    preferred: OpenAiPolicyBackend,
    signal: AbortSignal,
    { stops, onFanOut }: { stops?: CandidateStops; onFanOut?: FanOutListener },
  ): AsyncIterable<ChoiceChunk> {
    const sub: GenerationRequest = {
      ...request,
      n: part.count,
      seed: request.seed === null ? null : request.seed + part.first,
    };
    const shifted: CandidateStops | undefined = stops && {
      whenAllStopped: (indices) => stops.whenAllStopped(indices.map((i) => i + part.first)),
    };
    const order = [preferred, ...this.pool.ranked().filter((r) => r !== preferred)];
    let lastError: unknown = null;
    for (const replica of order) {
      let sent = false;
      const end = this.pool.begin(replica);
      try {
        for await (const piece of replica.generate(sub, signal, shifted, onFanOut)) {
          sent = true;
          yield { ...piece, index: piece.index + part.first };
        }
        return;
      } catch (error) {
        if (sent || signal.aborted || isAbortError(error) || !replicaFailure(error)) throw error;
        this.pool.setAside(replica);
        lastError = error;
      } finally {
        end();
      }
    }
    throw lastError;
  }
}

export class ReplicatedRewardBackend implements RewardBackend {
  readonly baseUrl: string;
  private readonly pool: ReplicaPool<VllmRewardBackend>;

  constructor(replicas: readonly VllmRewardBackend[], now?: () => number) {
    if (replicas.length === 0) throw new Error("no reward replicas");
    this.pool = new ReplicaPool(replicas, now);
    this.baseUrl = replicas.map((r) => r.baseUrl).join(", ");
  }

  get replicas(): readonly VllmRewardBackend[] {
    return this.pool.members;
  }

  listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    return this.pool.first((r) => r.listModels(signal), signal);
  }

  score(
    model: string,
    problem: string,
    solutions: readonly string[],
    signal: AbortSignal,
  ): Promise<RewardScores> {
    return this.pool.first((r) => r.score(model, problem, solutions, signal), signal);
  }

  /** Several problems' (problem, solution) pairs in one request, on one replica (vllmReward.ts). */
  scorePairs(
    model: string,
    pairs: readonly { problem: string; solution: string }[],
    signal: AbortSignal,
  ): Promise<RewardScores> {
    return this.pool.first((r) => r.scorePairs(model, pairs, signal), signal);
  }
}

function splitEvenly(n: number, ways: number): { first: number; count: number }[] {
  const parts: { first: number; count: number }[] = [];
  const k = Math.max(1, Math.min(n, ways));
  for (let i = 0, first = 0; i < k; i++) {
    const count = Math.floor(n / k) + (i < n % k ? 1 : 0);
    parts.push({ first, count });
    first += count;
  }
  return parts;
}
