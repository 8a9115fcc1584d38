/**
 * The process reward model client (Qwen2.5-Math-PRM-7B style) on vLLM's `POST /pooling`
 * (docs/protocol.md §3). The solution's steps are joined in the assistant turn, each ended by the
 * step tag `<extra_0>`; the ChatML conversation carries the policy's system prompt. vLLM's STEP
 * pooling (on token id 151651, the tag) answers one `[p_wrong, p_right]` row per tag, and the second
 * value is the step's probability of being correct. No `task` field is sent: a PRM has one pooling
 * task, and older servers do not know the newer task names.
 */
import { BackendError } from "../../core/backend/errors";
import type { ModelInfo, ProcessRewardBackend } from "../../core/backend/ports";
import { POLICY_SYSTEM_PROMPT, renderChatMl } from "../../core/prompts";
import { RewardServer, type RewardServerOptions } from "./rewardServer";

/** The step tag Qwen2.5-Math-PRM reads a probability at (token id 151651 in its tokenizer). */
export const PRM_STEP_TAG = "<extra_0>";

export interface PrmRewardOptions extends RewardServerOptions {
  /** Null or empty: the first model the server lists. */
  model?: string | null;
}

/**
 * The PRM's input: system, problem, and the steps each followed by the tag. A tag written inside a
 * step (model output is untrusted) is removed, or it would shift every probability after it.
 */
export function renderPrmInput(problem: string, steps: readonly string[]): string {
  const tagged = steps.map((step) => `${step.split(PRM_STEP_TAG).join("").trim()}${PRM_STEP_TAG}`).join("");
  return renderChatMl([
    { role: "system", content: POLICY_SYSTEM_PROMPT },
    { role: "user", content: problem },
    { role: "assistant", content: tagged },
  ]);
}

export class PrmRewardBackend implements ProcessRewardBackend {
  readonly baseUrl: string;
  private readonly server: RewardServer;
  private model: Promise<string> | null = null;

  constructor(private readonly options: PrmRewardOptions) {
    this.server = new RewardServer(options);
    this.baseUrl = this.server.baseUrl;
  }

  async listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    return this.server.listModels(signal);
  }

  async scoreSteps(problem: string, steps: readonly string[], signal: AbortSignal): Promise<number[]> {
    if (steps.length === 0) return [];
    const model = await this.modelId(signal);
    const body = await this.post(
      "POST",
      "/pooling",
      { model, input: [renderPrmInput(problem, steps)] },
      signal,
    );
    return readStepProbabilities(body, steps.length, (why) => this.malformed("/pooling", why));
  }

  /**
   * The configured model, else the listed one named like a PRM, else the first listed (asked once; a
   * failed listing is asked again next time). A server that hosts the PRM beside other models lists them all.
   */
  private modelId(signal: AbortSignal): Promise<string> {
    const configured = this.options.model?.trim();
    if (configured) return Promise.resolve(configured);
    this.model ??= this.listModels(signal).then(
      (models) => {
        const first = (models.find((m) => /prm/i.test(m.id)) ?? models[0])?.id;
        if (!first) throw this.malformed("/v1/models", "the server lists no model");
        return first;
      },
      (error: unknown) => {
        this.model = null;
        throw error;
      },
    );
    return this.model;
  }

  private post(method: "GET" | "POST", path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.server.post(method, path, body, signal);
  }

  private malformed(path: string, why: string): BackendError {
    return this.server.malformed(path, why);
  }
}

/**
 * `{"data": [{"index": 0, "data": [[p_wrong, p_right], …]}]}`: one row per step tag. A row that is
 * not a probability pair (logits: the server's softmax off) goes through softmax; one row per token
 * instead of per tag means the server pools every token, which the message says how to fix.
 */
export function readStepProbabilities(
  body: unknown,
  steps: number,
  malformed: (why: string) => BackendError,
): number[] {
  const items = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(items) || items.length === 0) throw malformed("no data array in the response");
  const rows = (items[0] as { data?: unknown } | null)?.data;
  if (!Array.isArray(rows)) throw malformed("no rows in data[0].data");
  if (rows.length !== steps)
    throw malformed(
      `expected ${steps} rows (one per ${PRM_STEP_TAG} step tag), got ${rows.length}: serve the PRM with STEP pooling ` +
        `(--pooler-config '{"pooling_type": "STEP", "step_tag_id": 151651}')`,
    );
  return rows.map((row: unknown, k) => {
    const pair = Array.isArray(row) ? row : [row];
    if (!pair.every((v) => typeof v === "number" && Number.isFinite(v)))
      throw malformed(`row ${k} is not numeric`);
    return correctProbability(pair as number[]);
  });
}

function correctProbability(row: readonly number[]): number {
  const [first = 0, second] = row;
  if (second === undefined) return first;
  const isPair = first >= 0 && second >= 0 && Math.abs(first + second - 1) < 1e-3;
  if (isPair) return second;
  const top = Math.max(first, second);
  return Math.exp(second - top) / (Math.exp(first - top) + Math.exp(second - top));
}
