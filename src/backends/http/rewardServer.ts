/**
 * What the reward clients (outcome: vllmReward.ts; process: prmReward.ts) share about a reward
 * server: its root URL, the transport with the reward role, and listing its models.
 */
import { BackendError } from "../../core/backend/errors";
import type { ModelInfo } from "../../core/backend/ports";
import { toModelInfo } from "./openaiPolicy";
import { Transport, type RetryPolicy, type Timeouts, type Wait } from "./transport";

export interface RewardServerOptions {
  /** The server root, without `/v1` (vLLM serves /classify and /pooling there). */
  baseUrl: string;
  apiKey: string | null;
  timeouts?: Timeouts;
  retry?: RetryPolicy;
  wait?: Wait;
  onLog?: (message: string) => void;
}

export class RewardServer {
  /** The root the paths are joined to: a trailing slash and a trailing `/v1` are dropped. */
  readonly baseUrl: string;
  private readonly transport: Transport;

  constructor(options: RewardServerOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
    this.transport = new Transport({
      role: "reward",
      apiKey: options.apiKey,
      timeouts: options.timeouts,
      retry: options.retry,
      wait: options.wait,
      onLog: options.onLog,
    });
  }

  post(method: "GET" | "POST", path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.transport.json({ url: this.baseUrl + path, method, body, signal });
  }

  malformed(path: string, why: string): BackendError {
    return new BackendError("reward", "malformed", this.baseUrl + path, why);
  }

  async listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    const body = await this.post("GET", "/v1/models", undefined, signal);
    const data = (body as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) throw this.malformed("/v1/models", "no data array");
    return data.map((m) => toModelInfo((m ?? {}) as Record<string, unknown>));
  }
}
