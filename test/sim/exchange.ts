// TEST FIXTURE: what a simulated endpoint handler gets for one request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RecordedRequest, SimDataset, SimFaults, SimFamily, SimRole } from "./types";

export interface ListenerSettings {
  role: SimRole;
  policyModel: string;
  rewardModel: string;
  tokensPerSecond: number;
  firstTokenMs: number;
  rewardLatencyMs: number;
  dataset: SimDataset;
  family: SimFamily;
  slots: number;
  rewardActivation: "honoured" | "ignored";
  rewardContextLength: number;
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
