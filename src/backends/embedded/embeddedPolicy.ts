/**
 * The embedded policy engine: a GGUF model run in-process by llama.cpp, behind the same port as the
 * HTTP servers. The N candidates decode in parallel as N sequences of one context (llama.cpp batches
 * them into one forward pass per step), stream as `ChoiceChunk`s, stop at the chat template's end of
 * turn or `maxTokens`, and end early when the signal aborts. Each candidate's last chunk carries its
 * mean token log-probability: with no reward model embedded, that is the secondary confidence signal.
 */
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { AsyncQueue } from "../../core/util/asyncQueue";
import { buildPolicyMessages, POLICY_STOP_STRINGS } from "../../core/prompts";
import {
  EMBEDDED_OWNER,
  embeddedBaseUrl,
  type ChoiceChunk,
  type GenerationRequest,
  type ModelInfo,
  type PolicyBackend,
  type PromptCount,
} from "../../core/backend/ports";
import { loadLlama, type LlamaModule } from "./runtime";
import { TokenTextStream } from "./textStream";

type LlamaModel = Awaited<ReturnType<Awaited<ReturnType<LlamaModule["getLlama"]>>["loadModel"]>>;
type Sequence = ReturnType<Awaited<ReturnType<LlamaModel["createContext"]>>["getSequence"]>;

export interface EmbeddedPolicyOptions {
  modelPath: string;
  /** CPU threads for decoding; default: half the cores (see `defaultThreads`). */
  threads?: number;
}

interface Loaded {
  module: LlamaModule;
  model: LlamaModel;
}

export class EmbeddedPolicyBackend implements PolicyBackend {
  readonly baseUrl: string;
  readonly engine = EMBEDDED_OWNER;
  private loading: Promise<Loaded> | undefined;

  constructor(private readonly options: EmbeddedPolicyOptions) {
    this.baseUrl = embeddedBaseUrl(options.modelPath);
  }

  get modelId(): string {
    return basename(this.options.modelPath);
  }

  async listModels(): Promise<ModelInfo[]> {
    const { model } = await this.load();
    return [{ id: this.modelId, ownedBy: EMBEDDED_OWNER, maxModelLen: model.trainContextSize }];
  }

  async countPromptTokens(_model: string, problem: string): Promise<PromptCount> {
    const loaded = await this.load();
    const count = promptTokens(loaded, problem).length;
    return { count, exact: true, maxModelLen: loaded.model.trainContextSize };
  }

  generate(request: GenerationRequest, signal: AbortSignal): AsyncIterable<ChoiceChunk> {
    const queue = new AsyncQueue<ChoiceChunk>();
    this.decodeAll(request, signal, queue).then(
      () => queue.close(),
      (error: unknown) => queue.fail(error),
    );
    return queue;
  }

  /** Frees the model's memory; the next request loads it again. */
  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    if (loading) await (await loading).model.dispose();
  }

  private load(): Promise<Loaded> {
    this.loading ??= (async () => {
      const { module, llama } = await loadLlama();
      const model = await llama.loadModel({ modelPath: this.options.modelPath });
      return { module, model };
    })();
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  private async decodeAll(
    request: GenerationRequest,
    signal: AbortSignal,
    queue: AsyncQueue<ChoiceChunk>,
  ): Promise<void> {
    const loaded = await this.load();
    if (signal.aborted) return;
    const prompt = promptTokens(loaded, request.problem);
    const train = loaded.model.trainContextSize;
    const maxTokens = Math.max(1, Math.min(request.maxTokens, train - prompt.length));
    const context = await loaded.model.createContext({
      sequences: request.n,
      contextSize: Math.min(train, prompt.length + maxTokens),
      threads: this.options.threads ?? defaultThreads(),
    });
    // No seed asked: a fresh one per solve (llama.cpp would otherwise give every sequence, and every
    // solve, the same one, so the N candidates would be N copies). Candidate i samples with seed + i.
    const seed = request.seed ?? Math.floor(Math.random() * 2 ** 31);
    try {
      const candidates = Array.from({ length: request.n }, (_, index) =>
        decodeOne(loaded.model, context.getSequence(), prompt, {
          index,
          seed: seed + index,
          request,
          maxTokens,
          signal,
          emit: (chunk) => queue.push(chunk),
        }),
      );
      await Promise.all(candidates);
    } finally {
      await context.dispose();
    }
  }
}

/**
 * Half the cores, at least one: the editor (or the terminal's other work) shares this CPU, and
 * llama.cpp's decoding threads spin-wait on each other, so taking every core makes a busy machine
 * far slower, not faster (measured: a 2-core machine under load took minutes instead of seconds).
 */
export function defaultThreads(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

/** The model's own chat template, with the AceMath system prompt and the problem as the user turn. */
function promptTokens({ module, model }: Loaded, problem: string): number[] {
  const wrapper = module.resolveChatWrapper(model);
  const [system, user] = buildPolicyMessages(problem);
  const { contextText } = wrapper.generateContextState({
    chatHistory: [
      { type: "system", text: system?.content ?? "" },
      { type: "user", text: user?.content ?? "" },
      { type: "model", response: [] },
    ],
  });
  const tokens = contextText.tokenize(model.tokenizer) as number[];
  // node-llama-cpp's wrappers always open with BOS; Qwen2.5's GGUFs (AceMath's) say not to add one,
  // and vLLM does not: the prompt must be the one the model was trained and served with.
  const bos = model.tokens.bos;
  if (!model.tokens.shouldPrependBosToken && bos !== null && tokens[0] === bos) tokens.shift();
  return tokens;
}

interface DecodeJob {
  index: number;
  seed: number;
  request: GenerationRequest;
  maxTokens: number;
  signal: AbortSignal;
  emit(chunk: ChoiceChunk): void;
}

async function decodeOne(
  model: LlamaModel,
  sequence: Sequence,
  prompt: number[],
  job: DecodeJob,
): Promise<void> {
  const { request, index } = job;
  const tokens: number[] = [];
  const text = new TokenTextStream((t) => model.detokenize(t as never));
  let logprobSum = 0;
  let finishReason: ChoiceChunk["finishReason"] = "length";
  const evaluation = sequence.evaluateWithMetadata(
    prompt as never,
    { confidence: true },
    {
      temperature: request.temperature,
      topP: request.topP,
      seed: job.seed,
    },
  );
  for await (const { token, confidence } of evaluation) {
    if (job.signal.aborted) return;
    if (model.isEogToken(token)) {
      finishReason = "stop";
      break;
    }
    tokens.push(token);
    logprobSum += Math.log(Math.max(confidence, Number.MIN_VALUE));
    const delta = text.delta(tokens);
    if (delta) job.emit({ index, content: delta, finishReason: null });
    if (endsWithStopString(tokens, model)) {
      finishReason = "stop";
      break;
    }
    if (tokens.length >= job.maxTokens) break;
  }
  const rest = text.delta(tokens, true);
  job.emit({
    index,
    content: rest,
    finishReason,
    meanLogprob: tokens.length ? logprobSum / tokens.length : null,
  });
}

/** Stop strings written as text rather than as the end-of-turn token (a template that lacks it). */
function endsWithStopString(tokens: number[], model: LlamaModel): boolean {
  const tail = model.detokenize(tokens.slice(-8) as never);
  return POLICY_STOP_STRINGS.some((stop) => tail.endsWith(stop));
}
