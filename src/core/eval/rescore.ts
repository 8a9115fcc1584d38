/**
 * `--rescore`: stored generations scored again by another reward model (its server and model as
 * for solve), so reward models can be compared on the same samples without generating anything.
 */
import type { RewardBackend } from "../backend/ports";
import { preferredModel } from "../solve/discovery";
import type { SampleText } from "./grade";

export class Rescorer {
  private model: Promise<string> | undefined;

  constructor(
    private readonly reward: RewardBackend,
    private readonly configuredModel: string | null,
  ) {}

  /** The samples with the new scores; a sample the server could not score gets null (it then loses rm@k). */
  async rescore(problem: string, samples: readonly SampleText[], signal: AbortSignal): Promise<SampleText[]> {
    const model = await this.modelId(signal);
    const result = await this.reward.score(
      model,
      problem,
      samples.map((s) => s.text),
      signal,
    );
    return samples.map((s, i) => ({ ...s, reward: result.scores[i] ?? null }));
  }

  /** The configured model, else the one the server lists that solve would pick (a reward-looking id first). */
  modelId(signal: AbortSignal): Promise<string> {
    this.model ??= this.configuredModel
      ? Promise.resolve(this.configuredModel)
      : this.reward.listModels(signal).then((models) => {
          const first = preferredModel(models, "reward")?.id;
          if (!first) throw new Error(`the reward server at ${this.reward.baseUrl} lists no model`);
          return first;
        });
    return this.model;
  }
}
