// TEST FIXTURE: what a simulated endpoint handler gets for one request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GenerationEngine } from "./engine";
import type { RewardQueue } from "./rewardQueue";
import type { RecordedRequest, SimDataset, SimFaults, SimFamily, SimRole } from "./types";

export interface ListenerSettings {
  role: SimRole;
  policyModel: string;
  rewardModel: string;
  /** The simulated PRM's model id (prm.ts); null: none is served. */
  prmModel: string | null;
  tokensPerSecond: number;
  firstTokenMs: number;
  rewardLatencyMs: number;
  dataset: SimDataset;
  family: SimFamily;
  slots: number;
  rewardActivation: "honoured" | "ignored";
  rewardContextLength: number;
  /** The load knobs (types.ts SimLoadOptions); undefined: no cap, the per-request lockstep streaming. */
  maxConcurrentSequences: number | undefined;
  rewardMsPerToken: number;
  rewardSerial: boolean;
  sampleLengths: boolean;
}

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  body: unknown;
  record: RecordedRequest;
  /** Fires when the client closes the connection before the response is complete. */
  signal: AbortSignal;
  settings: ListenerSettings;
  /** The faults in force when the request arrived; later `setFaults` calls do not change a running stream. */
  faults: SimFaults;
  /** The listener's generation engine, when `maxConcurrentSequences` is set. */
  engine: GenerationEngine | null;
  /** The listener's reward server: one batch at a time with `rewardSerial`. */
  rewardQueue: RewardQueue;
  /** A response id unique on this listener, e.g. "chatcmpl-sim-000003". */
  responseId(prefix: string): string;
}

export function servesPolicy(settings: ListenerSettings): boolean {
  return settings.role !== "reward";
}

export function servesReward(settings: ListenerSettings): boolean {
  return settings.role !== "policy";
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
