/**
 * Reward scoring for `acemath eval`, live and `--rescore` alike: the reward model is resolved once
 * per run (one /v1/models per endpoint, not one per problem), and a problem's samples (and its
 * greedy sample) go to the server together, never one /classify per candidate as it finishes (what
 * the editor's solve does, to show scores early). Where the adapter scores several problems in one
 * request (`scorePairs`: vLLM's and SGLang's /classify, /pooling), problems that are ready together
 * share requests (rewardBatcher.ts); otherwise each problem is its own request(s).
 */
import type { RewardBackend, RewardScores } from "../backend/ports";
import { preferredModel } from "../solve/discovery";
import type { BackendInfo } from "../solve/events";
import { SIMULATOR_OWNER } from "../solve/request";
import type { SampleText } from "./grade";
import {
  DEFAULT_REWARD_BATCH,
  RewardBatcher,
  type RewardBatchLimits,
  type RewardPair,
} from "./rewardBatcher";

/** A reward adapter that can put several problems' conversations in one request. */
export interface PairRewardBackend extends RewardBackend {
  scorePairs(model: string, pairs: readonly RewardPair[], signal: AbortSignal): Promise<RewardScores>;
}

function scoresPairs(reward: RewardBackend): reward is PairRewardBackend {
  return typeof (reward as Partial<PairRewardBackend>).scorePairs === "function";
}

export class Rescorer {
  private resolved: Promise<BackendInfo> | undefined;
  private readonly batcher: RewardBatcher | null;

  constructor(
    private readonly reward: RewardBackend,
    private readonly configuredModel: string | null,
    private readonly limits: RewardBatchLimits = DEFAULT_REWARD_BATCH,
  ) {
    this.batcher = scoresPairs(reward)
      ? new RewardBatcher(async (pairs, signal) => {
          const { model } = await this.info(signal);
          return (await reward.scorePairs(model, pairs, signal)).scores;
        }, limits)
      : null;
  }

  /** The samples with the new scores; a sample the server could not score gets null (it then loses rm@k). */
  async rescore(problem: string, samples: readonly SampleText[], signal: AbortSignal): Promise<SampleText[]> {
    const scores = await this.scoreTexts(
      problem,
      samples.map((s) => s.text),
      signal,
    );
    return samples.map((s, i) => ({ ...s, reward: scores[i] ?? null }));
  }

  /** One score (or null) per text, in order. */
  async scoreTexts(
    problem: string,
    texts: readonly string[],
    signal: AbortSignal,
  ): Promise<(number | null)[]> {
    const { model } = await this.info(signal);
    if (this.batcher) return this.batcher.score(problem, texts, signal);
    const batches: string[][] = [];
    const size = this.limits.maxInputs;
    for (let start = 0; start < texts.length; start += size) batches.push(texts.slice(start, start + size));
    const results = await Promise.all(
      batches.map((batch) => this.reward.score(model, problem, batch, signal)),
    );
    return results.flatMap((result, b) => batches[b]!.map((_, i) => result.scores[i] ?? null));
  }

  /** The configured model, else the one the server lists that solve would pick (a reward-looking id first). */
  async modelId(signal: AbortSignal): Promise<string> {
    return (await this.info(signal)).model;
  }

  /**
   * The server's account of the model, asked once per run; a failed look-up is asked again next time.
   * The list is asked even with a configured model: it checks the id and tells the adapter the context length.
   */
  info(signal: AbortSignal): Promise<BackendInfo> {
    this.resolved ??= this.resolve(signal).catch((error: unknown) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
  }

  private async resolve(signal: AbortSignal): Promise<BackendInfo> {
    const models = await this.reward.listModels(signal);
    const chosen = this.configuredModel
      ? models.find((m) => m.id === this.configuredModel)
      : preferredModel(models, "reward");
    if (!chosen) {
      const listed = models.map((m) => m.id).join(", ") || "none";
      throw new Error(
        this.configuredModel
          ? `the reward server at ${this.reward.baseUrl} does not serve "${this.configuredModel}" (it serves: ${listed})`
          : `the reward server at ${this.reward.baseUrl} lists no model`,
      );
    }
    return { url: this.reward.baseUrl, model: chosen.id, simulated: chosen.ownedBy === SIMULATOR_OWNER };
  }
}
