/**
 * The reward adapter for an outcome reward model (AceMath-RM, a one-label sequence classifier):
 * vLLM's `POST /classify`, SGLang's native `/classify`, or vLLM's `POST /pooling`
 * (docs/protocol.md §3). What the server speaks, and whether it honours the raw-score flag, is
 * learnt once per endpoint by scoring one small input with the flag on and off (vLLM accepts unknown
 * fields silently, so only the values tell). A 400 is a format problem only when it names a field.
 */
import { renderRewardInput } from "../../core/prompts";
import type { ScoreKind } from "../../core/solve/events";
import { BackendError, isAbortError } from "../../core/backend/errors";
import type { ModelInfo, RewardBackend, RewardScores, ScoreFailure } from "../../core/backend/ports";
import { fitRewardInputs, type InputCount } from "../../core/backend/rewardFit";
import { RewardServer, type RewardServerOptions } from "./rewardServer";

export type VllmRewardOptions = RewardServerOptions;

/** How this endpoint is asked for scores, and what kind of value it returns. */
export interface RewardProfile {
  endpoint: "/classify" | "sglang /classify" | "/pooling";
  /** The raw-score flag the server honours; null: none (values are what the server's default gives). */
  flag: "use_activation" | "activation" | null;
  kind: ScoreKind;
}

/** The problem of the one-time probe; says what it is, should someone read the server's log. */
export const REWARD_PROBE_PROBLEM = "(AceMath Studio endpoint probe) What is 2+2?";
const PROBE_INPUT = renderRewardInput(REWARD_PROBE_PROBLEM, "2+2 = 4, so the answer is \\boxed{4}.");

export class VllmRewardBackend implements RewardBackend {
  readonly baseUrl: string;
  private readonly server: RewardServer;
  private detected: Promise<RewardProfile> | null = null;
  private known: RewardProfile | null = null;
  /** The models as last listed, for their context length (vLLM lists max_model_len). */
  private models: ModelInfo[] | null = null;
  /** Whether vLLM's POST /tokenize answered; null until tried. */
  private tokenize: boolean | null = null;

  constructor(private readonly options: VllmRewardOptions) {
    this.server = new RewardServer(options);
    this.baseUrl = this.server.baseUrl;
  }

  /** What was learnt so far (null before the first probe). */
  profile(): RewardProfile | null {
    return this.known;
  }

  forget(): void {
    this.detected = null;
    this.known = null;
    this.models = null;
    this.tokenize = null;
  }

  async listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    this.models = await this.server.listModels(signal);
    return this.models;
  }

  /** Learns the dialect once; concurrent callers share the probe, and a failed probe is tried again next time. */
  detect(model: string, signal: AbortSignal): Promise<RewardProfile> {
    this.detected ??= this.probe(model, signal).then(
      (profile) => (this.known = profile),
      (error: unknown) => {
        this.detected = null;
        throw error;
      },
    );
    return this.detected;
  }

  score(
    model: string,
    problem: string,
    solutions: readonly string[],
    signal: AbortSignal,
  ): Promise<RewardScores> {
    return this.scorePairs(
      model,
      solutions.map((solution) => ({ problem, solution })),
      signal,
    );
  }

  /**
   * Scores (problem, solution) pairs of one or several problems in one request: each pair is one
   * conversation of the batch (docs/protocol.md §3), and the scores come back in the pairs' order.
   */
  async scorePairs(
    model: string,
    pairs: readonly { problem: string; solution: string }[],
    signal: AbortSignal,
  ): Promise<RewardScores> {
    const profile = await this.detect(model, signal);
    const inputs = pairs.map((pair) => renderRewardInput(pair.problem, pair.solution));
    const limit = this.models?.find((m) => m.id === model)?.maxModelLen ?? null;
    const fit = await fitRewardInputs(inputs, limit, (input) => this.countTokens(model, input, signal));
    const scores = new Array<number | null>(inputs.length).fill(null);
    const failures: ScoreFailure[] = fit.tooLong.map((f) => ({ ...f, reason: "too-long" }));
    if (fit.send.length > 0) {
      const sent = await this.scoreFitting(
        profile,
        model,
        fit.send.map((p) => inputs[p] as string),
        signal,
      );
      fit.send.forEach((position, i) => (scores[position] = sent.scores[i] ?? null));
      for (const failure of sent.failures ?? [])
        failures.push({ ...failure, position: fit.send[failure.position] as number });
    }
    return { scores, kind: profile.kind, ...(failures.length > 0 ? { failures } : {}) };
  }

  private async scoreFitting(
    profile: RewardProfile,
    model: string,
    inputs: string[],
    signal: AbortSignal,
  ): Promise<RewardScores> {
    try {
      return { scores: await this.scoreWith(profile, model, inputs, signal), kind: profile.kind };
    } catch (error) {
      if (!isRequestRefusal(error)) throw error;
      // One input the server refuses (too long for its context) must not cost the others their scores.
      if (inputs.length === 1) return unscored(1, profile.kind, error);
      return this.scoreOneByOne(profile, model, inputs, signal);
    }
  }

  /** vLLM's POST /tokenize for one reward input; null where the server cannot count (remembered). */
  private async countTokens(model: string, input: string, signal: AbortSignal): Promise<InputCount | null> {
    if (this.tokenize === false) return null;
    try {
      const body = await this.post("POST", "/tokenize", { model, prompt: input }, signal);
      const count = (body as { count?: unknown } | null)?.count;
      if (typeof count === "number") {
        this.tokenize = true;
        return { count, exact: true };
      }
    } catch (error) {
      if (signal.aborted || isAbortError(error)) throw error;
    }
    this.tokenize = false;
    return null;
  }

  private async scoreOneByOne(
    profile: RewardProfile,
    model: string,
    inputs: string[],
    signal: AbortSignal,
  ): Promise<RewardScores> {
    const results = await Promise.all(
      inputs.map(async (input, position) => {
        try {
          return { position, score: (await this.scoreWith(profile, model, [input], signal))[0] as number };
        } catch (error) {
          if (!isRequestRefusal(error)) throw error;
          return { position, score: null, message: (error as BackendError).message };
        }
      }),
    );
    const failures = results.flatMap((r): ScoreFailure[] =>
      "message" in r ? [{ position: r.position, reason: "refused", message: r.message as string }] : [],
    );
    return { scores: results.map((r) => r.score), kind: profile.kind, failures };
  }

  private async probe(model: string, signal: AbortSignal): Promise<RewardProfile> {
    let plain: number;
    try {
      plain = await this.classifyOne(model, {}, signal);
    } catch (error) {
      if (namesField(error, "text")) return this.probeSglang(model, signal);
      if (isMissingRoute(error)) return this.probePooling(model, signal, error);
      throw error;
    }
    // The server's default for a one-label head is sigmoid; a different value means the flag was honoured.
    for (const flag of ["use_activation", "activation"] as const) {
      const value = await this.classifyOne(model, { [flag]: false }, signal).catch((error: unknown) => {
        if (isAbortError(error) || !namesField(error, flag)) throw error;
        return plain;
      });
      if (value !== plain) return { endpoint: "/classify", flag, kind: "raw" };
    }
    this.options.onLog?.(
      `The reward server at ${this.baseUrl} ignores use_activation and activation: its scores are sigmoid values.`,
    );
    return { endpoint: "/classify", flag: null, kind: "sigmoid" };
  }

  private async probeSglang(model: string, signal: AbortSignal): Promise<RewardProfile> {
    const profile: RewardProfile = { endpoint: "sglang /classify", flag: null, kind: "raw" };
    await this.scoreWith(profile, model, [PROBE_INPUT], signal);
    return profile;
  }

  private async probePooling(model: string, signal: AbortSignal, first: unknown): Promise<RewardProfile> {
    try {
      const body = await this.post("POST", "/pooling", { model, input: [PROBE_INPUT] }, signal);
      readScores(body, 1, poolingValue, this.malformedAt("/pooling"));
      // The newest vLLM answers one row per token with the activation applied: sigmoid values.
      const item = (body as { data?: Array<{ data?: unknown }> }).data?.[0]?.data;
      const rows = Array.isArray(item) && Array.isArray(item[item.length - 1]);
      return { endpoint: "/pooling", flag: null, kind: rows ? "sigmoid" : "raw" };
    } catch (error) {
      // No /pooling either: the server offers no reward endpoint; report the /classify answer.
      if (isMissingRoute(error)) throw first;
      throw error;
    }
  }

  private async classifyOne(model: string, flag: object, signal: AbortSignal): Promise<number> {
    const body = await this.post("POST", "/classify", { model, input: [PROBE_INPUT], ...flag }, signal);
    return readScores(body, 1, classifyValue, this.malformedAt("/classify"))[0] as number;
  }

  private async scoreWith(
    profile: RewardProfile,
    model: string,
    inputs: string[],
    signal: AbortSignal,
  ): Promise<number[]> {
    switch (profile.endpoint) {
      case "sglang /classify": {
        // SGLang (--is-embedding): {text: [...]} in, a bare list with the score at embedding[0] out.
        const body = await this.post("POST", "/classify", { model, text: inputs }, signal);
        const list = { data: Array.isArray(body) ? body : null };
        return readScores(list, inputs.length, sglangValue, this.malformedAt("/classify"));
      }
      case "/pooling": {
        const body = await this.post("POST", "/pooling", { model, input: inputs }, signal);
        return readScores(body, inputs.length, poolingValue, this.malformedAt("/pooling"));
      }
      case "/classify": {
        const flag = profile.flag ? { [profile.flag]: false } : {};
        const body = await this.post("POST", "/classify", { model, input: inputs, ...flag }, signal);
        return readScores(body, inputs.length, classifyValue, this.malformedAt("/classify"));
      }
    }
  }

  private post(method: "GET" | "POST", path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.server.post(method, path, body, signal);
  }

  private malformedAt(path: string): (why: string) => BackendError {
    return (why) => this.malformed(path, why);
  }

  private malformed(path: string, why: string): BackendError {
    return this.server.malformed(path, why);
  }
}

function unscored(count: number, kind: ScoreKind, error: unknown): RewardScores {
  const message = error instanceof Error ? error.message : String(error);
  return {
    scores: new Array<number | null>(count).fill(null),
    kind,
    failures: Array.from({ length: count }, (_, position) => ({ position, reason: "refused", message })),
  };
}

/** The server refused this request's content (HTTP 400/413/422), as opposed to being down or broken. */
function isRequestRefusal(error: unknown): boolean {
  return (
    error instanceof BackendError && error.kind === "http" && [400, 413, 422].includes(error.status ?? 0)
  );
}

function isMissingRoute(error: unknown): boolean {
  return (
    error instanceof BackendError && error.kind === "http" && (error.status === 404 || error.status === 405)
  );
}

/** A 400/422 that names the field it rejected (pydantic/FastAPI: "Field required: text", "text: …"). */
export function namesField(error: unknown, field: string): boolean {
  if (!isRequestRefusal(error)) return false;
  const message = (error as BackendError).message;
  if (/maximum context length|too long|tokens/i.test(message)) return false;
  return new RegExp(`(^|[^\\w])${field}([^\\w]|$)`).test(message);
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
