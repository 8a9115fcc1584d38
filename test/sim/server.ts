// TEST FIXTURE: a simulated vLLM server (policy and/or reward model) for tests and demos; never product code.
// It serves real recorded solutions and reward scores (test/fixtures/sim), deterministically per seed, can
// inject faults, and records every request so tests can assert on what a client sent and when it gave up.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleChat } from "./chat";
import { GenerationEngine } from "./engine";
import { RewardQueue } from "./rewardQueue";
import { loadDataset } from "./data";
import { servesPolicy, servesReward, type Exchange, type ListenerSettings } from "./exchange";
import { readBody, sendError, sendJson, untilAborted, unixSeconds } from "./http";
import { CANARY_PATH } from "./hostile";
import { handlePrmPooling, isPrmRequest } from "./prm";
import { handleClassify, handlePooling, handleSglangClassify, handleTokenize } from "./reward";
import {
  DEFAULT_POLICY_MODEL,
  DEFAULT_REWARD_MODEL,
  MAX_MODEL_LEN,
  SIMULATOR_OWNER,
  type RecordedRequest,
  type SimEndpoint,
  type SimFamily,
  type SimFaults,
  type SimOptions,
  type SimScheduleEntry,
  type SimServer,
} from "./types";

export * from "./types";
export { CANARY_PATH, hostileSolutions, type HostileCandidate, type HostileKind } from "./hostile";
export { loadDataset, lookupProblem, normaliseProblemText } from "./data";

interface Route {
  method: "GET" | "POST";
  endpoint: SimEndpoint | "health";
  handle(exchange: Exchange): Promise<void> | void;
}

const ROUTES: Record<string, Route> = {
  "/v1/models": { method: "GET", endpoint: "models", handle: listModels },
  "/health": { method: "GET", endpoint: "health", handle: ({ res }) => void res.writeHead(200).end() },
  "/v1/chat/completions": { method: "POST", endpoint: "chat", handle: handleChat },
  // vLLM serves the pooling API without /v1; SGLang also has /v1/classify. Accept every spelling.
  "/classify": { method: "POST", endpoint: "classify", handle: handleClassify },
  "/v1/classify": { method: "POST", endpoint: "classify", handle: handleClassify },
  "/pooling": { method: "POST", endpoint: "classify", handle: poolingFor },
  "/v1/pooling": { method: "POST", endpoint: "classify", handle: poolingFor },
  "/tokenize": { method: "POST", endpoint: "models", handle: handleTokenize },
};

/** /pooling serves the outcome RM, or the PRM when the request names it (prm.ts). */
function poolingFor(exchange: Exchange): Promise<void> | void {
  return isPrmRequest(exchange) ? handlePrmPooling(exchange) : handlePooling(exchange);
}

/** SGLang's native /classify speaks its own dialect; every other route is shared. */
const SGLANG_ROUTES: Record<string, Route> = {
  "/classify": { method: "POST", endpoint: "classify", handle: handleSglangClassify },
};

/** The paths a family does not serve at all (404, as the real server would answer). */
const MISSING: Record<SimFamily, readonly string[]> = {
  vllm: ["/v1/classify"],
  sglang: ["/pooling", "/v1/pooling", "/tokenize"],
  "llamacpp-old": ["/classify", "/v1/classify", "/pooling", "/v1/pooling", "/tokenize"],
  "llamacpp-new": ["/classify", "/v1/classify", "/pooling", "/v1/pooling", "/tokenize"],
  ollama: ["/classify", "/v1/classify", "/pooling", "/v1/pooling", "/tokenize", "/health"],
};

function routeFor(family: SimFamily, path: string): Route | undefined {
  if (MISSING[family].includes(path)) return undefined;
  return (family === "sglang" ? SGLANG_ROUTES[path] : undefined) ?? ROUTES[path];
}

function listModels({ res, settings }: Exchange): void {
  const ids = [
    ...(servesPolicy(settings) ? [settings.policyModel] : []),
    ...(servesReward(settings) ? [settings.rewardModel] : []),
    ...(servesReward(settings) && settings.prmModel !== null ? [settings.prmModel] : []),
  ];
  const created = unixSeconds();
  sendJson(res, 200, {
    object: "list",
    data: ids.map((id) => ({
      id,
      object: "model",
      created,
      owned_by: SIMULATOR_OWNER,
      root: id,
      parent: null,
      // Only vLLM reports the context length (the reward model's may be set smaller).
      ...(settings.family === "vllm" ? { max_model_len: contextLengthOf(settings, id) } : {}),
    })),
  });
}

/** The context of the model `id`: the reward model's is `rewardContextLength`, the policy's MAX_MODEL_LEN. */
function contextLengthOf(settings: ListenerSettings, id: unknown): number {
  return id === settings.rewardModel ? settings.rewardContextLength : MAX_MODEL_LEN;
}

const FAULT_MESSAGES: Record<number, string> = {
  429: "Simulated fault: too many requests, try again later.",
  500: "Simulated fault: internal server error.",
  503: "Simulated fault: the server is overloaded or starting up.",
};

class Listener {
  readonly requests: RecordedRequest[] = [];
  readonly schedule: SimScheduleEntry[] = [];
  private readonly engine: GenerationEngine | null;
  private readonly rewardQueue: RewardQueue;
  private faults: SimFaults;
  private faultsApplied = 0;
  /** Requests per endpoint since the faults were set, for `after`. */
  private seen = new Map<SimEndpoint, number>();
  private inFlight = new Set<AbortController>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    readonly settings: ListenerSettings,
    faults: SimFaults,
  ) {
    this.faults = faults;
    const { maxConcurrentSequences: capacity, tokensPerSecond, firstTokenMs } = settings;
    this.engine =
      capacity === undefined
        ? null
        : new GenerationEngine({ capacity, tokensPerSecond, firstTokenMs }, this.schedule);
    this.rewardQueue = new RewardQueue(settings, settings.rewardSerial, this.schedule);
  }

  setFaults(faults: SimFaults): void {
    this.faults = faults;
    this.faultsApplied = 0;
    this.seen.clear();
  }

  /** Counts this request of `endpoint`; true while `after` says it is still to be served normally. */
  private spared(endpoint: SimEndpoint): boolean {
    const count = (this.seen.get(endpoint) ?? 0) + 1;
    this.seen.set(endpoint, count);
    return count <= (this.faults.after ?? 0);
  }

  idle(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  abortAll(): void {
    for (const controller of this.inFlight) controller.abort();
  }

  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const record: RecordedRequest = {
      seq: this.requests.length + 1,
      method: req.method ?? "",
      path,
      ...(req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }),
      body: undefined,
      aborted: false,
      dropped: false,
      completed: false,
      eventsSent: 0,
      eventsPlanned: 0,
    };
    this.requests.push(record);
    const controller = this.track(res, record);
    const text = await readBody(req).catch(() => "");
    const parsed = parseJson(text);
    record.body = parsed.value;
    if (path.startsWith(CANARY_PATH)) return sendCanary(res);
    const route = routeFor(this.settings.family, path);
    if (!route) return sendJson(res, 404, { detail: "Not Found" });
    if (route.method !== req.method) return sendJson(res, 405, { detail: "Method Not Allowed" });
    if (route.method === "POST" && !parsed.ok) return sendError(res, 400, "Invalid JSON in the request body");
    const exchange: Exchange = {
      req,
      res,
      body: parsed.value,
      record,
      signal: controller.signal,
      settings: this.settings,
      faults: this.faults,
      engine: this.engine,
      rewardQueue: this.rewardQueue,
      responseId: (prefix) => `${prefix}-sim${String(record.seq).padStart(6, "0")}`,
    };
    if (route.endpoint !== "health" && (await this.injectFault(exchange, route.endpoint))) return;
    await route.handle(exchange);
  }

  /** Follows the response to its end and notices a client that leaves early. */
  private track(res: ServerResponse, record: RecordedRequest): AbortController {
    const controller = new AbortController();
    this.inFlight.add(controller);
    res.on("finish", () => {
      record.completed = true;
      record.status = res.statusCode;
    });
    res.on("close", () => {
      if (!res.writableFinished && !record.dropped) record.aborted = true;
      controller.abort();
      this.inFlight.delete(controller);
      if (this.inFlight.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    return controller;
  }

  /** True when a fault answered (or swallowed) the request. */
  private async injectFault(exchange: Exchange, endpoint: SimEndpoint): Promise<boolean> {
    const { faults, res, record } = exchange;
    if (this.spared(endpoint)) return false;
    if (faults.rewardDown && endpoint === "classify") {
      if (faults.rewardDown === "close") {
        record.dropped = true;
        res.destroy();
      } else sendJson(res, 404, { detail: "Not Found" });
      return true;
    }
    const targeted =
      (faults.on ?? "chat") === endpoint && (faults.times === undefined || this.faultsApplied < faults.times);
    if (!targeted) return false;
    if (faults.status !== undefined) {
      this.faultsApplied++;
      sendFault(res, faults);
      return true;
    }
    if (faults.hang) {
      this.faultsApplied++;
      await untilAborted(exchange.signal);
      return true;
    }
    return false;
  }
}

/** A status fault's answer: vLLM's JSON error, or a proxy's HTML page; Retry-After when asked. */
function sendFault(res: ServerResponse, faults: SimFaults): void {
  const status = faults.status ?? 500;
  if (faults.retryAfter !== undefined) res.setHeader("retry-after", String(faults.retryAfter));
  if (!faults.htmlError) return sendError(res, status, FAULT_MESSAGES[status] ?? "Simulated fault.");
  const page = `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head>\n<body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx/1.24.0</center></body></html>\n`;
  res.writeHead(status, { "content-type": "text/html", "content-length": Buffer.byteLength(page) });
  res.end(page);
}

/** Answers a canary request plainly; the request itself is the evidence (it is recorded like any other). */
function sendCanary(res: ServerResponse): void {
  const text = "AceMath simulator canary: a link or image from model output was followed.\n";
  res.writeHead(200, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function parseJson(text: string): { ok: boolean; value: unknown } {
  if (text.trim() === "") return { ok: false, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}

function resolveSettings(options: SimOptions): ListenerSettings {
  return {
    role: options.role ?? "both",
    policyModel: options.policyModel ?? DEFAULT_POLICY_MODEL,
    rewardModel: options.rewardModel ?? DEFAULT_REWARD_MODEL,
    prmModel: options.prmModel ?? null,
    tokensPerSecond: options.tokensPerSecond ?? 2000,
    firstTokenMs: options.firstTokenMs ?? 0,
    rewardLatencyMs: options.rewardLatencyMs ?? 0,
    dataset: options.dataset ?? loadDataset(),
    family: options.family ?? "vllm",
    slots: options.slots ?? 4,
    rewardActivation: options.rewardActivation ?? "honoured",
    rewardContextLength: options.rewardContextLength ?? MAX_MODEL_LEN,
    maxConcurrentSequences: options.maxConcurrentSequences,
    rewardMsPerToken: options.rewardMsPerToken ?? 0,
    rewardSerial: options.rewardSerial ?? false,
    sampleLengths: options.sampleLengths ?? false,
  };
}

export async function startSimulator(options: SimOptions = {}): Promise<SimServer> {
  const settings = resolveSettings(options);
  const listener = new Listener(settings, options.faults ?? {});
  const server = createServer((req, res) => {
    listener.serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `Simulator bug: ${String(error)}`);
      else res.destroy();
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const url = `http://${urlHost}:${port}`;
  return {
    url,
    port,
    policyBaseUrl: `${url}/v1`,
    rewardBaseUrl: url,
    policyModel: settings.policyModel,
    rewardModel: settings.rewardModel,
    requests: listener.requests,
    schedule: listener.schedule,
    canaryHits: () => listener.requests.filter((r) => r.path.startsWith(CANARY_PATH)),
    setFaults: (faults) => listener.setFaults(faults),
    family: settings.family,
    idle: () => listener.idle(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        listener.abortAll();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The solve streams the simulator served (not the clients' one-token probes, which do not stream). */
export function solveChats(sim: Pick<SimServer, "requests">): RecordedRequest[] {
  return sim.requests.filter(
    (r) => r.path === "/v1/chat/completions" && (r.body as { stream?: unknown } | undefined)?.stream === true,
  );
}
