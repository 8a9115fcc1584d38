/**
 * The reward adapter for an outcome reward model (AceMath-RM, a one-label sequence classifier)
 * served by vLLM's pooling runner: `POST /classify`, falling back to SGLang's form of /classify
 * and to vLLM's `POST /pooling` (backend-protocol.md §3). Scores are raw logits when the server honours `use_activation: false`.
 */
import type { ScoreKind } from "../solve/events";
import { renderRewardInput } from "../prompts";
import { toModelInfo } from "./openaiPolicy";
import { BackendError } from "./errors";
import { requestJson } from "./http";
import type { ModelInfo, RewardBackend, RewardScores } from "./ports";

export interface VllmRewardOptions {
  /** The server root, without `/v1` (vLLM serves /classify and /pooling there). */
  baseUrl: string;
  apiKey: string | null;
}

/** How to ask this server for raw scores; learnt from its first answer and then kept. */
type Dialect = "use_activation" | "activation" | "default-activation" | "sglang" | "pooling";

export class VllmRewardBackend implements RewardBackend {
  readonly baseUrl: string;
  private dialect: Dialect = "use_activation";

  constructor(private readonly options: VllmRewardOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
  }

  async listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    const body = await this.request("GET", "/v1/models", undefined, signal);
    const data = (body as { data?: unknown }).data;
    if (!Array.isArray(data)) throw this.malformed("/v1/models", "no data array");
    return data.map((m) => toModelInfo(m as Record<string, unknown>));
  }

  async score(
    model: string,
    problem: string,
    solutions: readonly string[],
    signal: AbortSignal,
  ): Promise<RewardScores> {
    const input = solutions.map((solution) => renderRewardInput(problem, solution));
    // Each call walks the dialects on its own (concurrent calls must not skip steps for each other)
    // and the one that worked is kept for the next calls.
    let dialect = this.dialect;
    for (;;) {
      try {
        const scores = await this.scoreWith(dialect, model, input, signal);
        this.dialect = dialect;
        return scores;
      } catch (error) {
        const next = nextDialect(dialect, error);
        if (!next) throw error;
        dialect = next;
      }
    }
  }

  private async scoreWith(
    dialect: Dialect,
    model: string,
    input: string[],
    signal: AbortSignal,
  ): Promise<RewardScores> {
    if (dialect === "sglang") {
      // SGLang (--is-embedding): {text: [...]} in, a list with the score at embedding[0] out.
      const body = await this.request("POST", "/classify", { model, text: input }, signal);
      const list = { data: Array.isArray(body) ? body : null };
      return {
        scores: readScores(list, input.length, sglangValue, this.malformedAt("/classify")),
        kind: "raw",
      };
    }
    if (dialect === "pooling") {
      const body = await this.request("POST", "/pooling", { model, input }, signal);
      return {
        scores: readScores(body, input.length, poolingValue, this.malformedAt("/pooling")),
        kind: "raw",
      };
    }
    const flag =
      dialect === "use_activation"
        ? { use_activation: false }
        : dialect === "activation"
          ? { activation: false }
          : {};
    const body = await this.request("POST", "/classify", { model, input, ...flag }, signal);
    const kind: ScoreKind = dialect === "default-activation" ? "sigmoid" : "raw";
    return { scores: readScores(body, input.length, classifyValue, this.malformedAt("/classify")), kind };
  }

  private request(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<unknown> {
    return requestJson({
      role: "reward",
      url: this.baseUrl + path,
      method,
      body,
      apiKey: this.options.apiKey,
      signal,
    });
  }

  private malformedAt(path: string): (why: string) => BackendError {
    return (why) => this.malformed(path, why);
  }

  private malformed(path: string, why: string): BackendError {
    return new BackendError("reward", "malformed", this.baseUrl + path, why);
  }
}

/**
 * Older vLLM spells the flag `activation`, the newest rejects unknown fields, SGLang wants `text`
 * instead of `input`, and a server without /classify may still offer /pooling. Each step is tried
 * once, in this order.
 */
function nextDialect(current: Dialect, error: unknown): Dialect | null {
  if (!(error instanceof BackendError) || error.kind !== "http") return null;
  const rejectedField = error.status === 400 || error.status === 422;
  if (error.status === 404 || error.status === 405) return current === "pooling" ? null : "pooling";
  if (!rejectedField) return null;
  if (current === "use_activation") return "activation";
  if (current === "activation") return "default-activation";
  if (current === "default-activation") return "sglang";
  return null;
}

type ValueReader = (item: Record<string, unknown>) => number | undefined;

const classifyValue: ValueReader = (item) => {
  const probs = item.probs;
  return Array.isArray(probs) && typeof probs[0] === "number" ? probs[0] : undefined;
};

const sglangValue: ValueReader = (item) => {
  const embedding = item.embedding;
  return Array.isArray(embedding) && typeof embedding[0] === "number" ? embedding[0] : undefined;
};

/** Sequence classifiers give one value; token-level reward models give one per token: the last one counts. */
const poolingValue: ValueReader = (item) => {
  const data = item.data;
  if (typeof data === "number") return data;
  if (!Array.isArray(data) || data.length === 0) return undefined;
  const last: unknown = data[data.length - 1];
  if (typeof last === "number") return last;
  return Array.isArray(last) && typeof last[0] === "number" ? (last[0] as number) : undefined;
};

function readScores(
  body: unknown,
  count: number,
  read: ValueReader,
  malformed: (why: string) => BackendError,
): number[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw malformed("no data array in the response");
  const scores = new Array<number>(count).fill(Number.NaN);
  data.forEach((raw: unknown, position) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    // `index` maps a result to its input; fall back to position for servers that omit it.
    const index = typeof item.index === "number" ? item.index : position;
    const value = read(item);
    if (value === undefined || !Number.isFinite(value))
      throw malformed(`no numeric score for input ${index}`);
    if (index >= 0 && index < count) scores[index] = value;
  });
  if (scores.some(Number.isNaN)) throw malformed(`expected ${count} scores, got ${data.length}`);
  return scores;
}
