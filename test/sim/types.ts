// TEST FIXTURE: types of the simulated vLLM backend used by tests and demos. Not product code.

/** `owned_by` of every model the simulator lists; the product shows "simulated backend" when it sees it. */
export { SIMULATOR_OWNER } from "../../src/core/solve/request";

export const DEFAULT_POLICY_MODEL = "nvidia/AceMath-7B-Instruct";
export const DEFAULT_REWARD_MODEL = "nvidia/AceMath-7B-RM";

/** AceMath's context window: prompt plus output, in (simulated) tokens. */
export const MAX_MODEL_LEN = 4096;

/**
 * Which server the listener imitates (docs/protocol.md §2–§3):
 * - "vllm": n honoured, /classify with use_activation, /pooling, /tokenize, max_model_len in /v1/models.
 * - "sglang": n honoured; native /classify takes `text` and answers `embedding[0]`; /v1/classify applies
 *   softmax (every score 1.0); no /pooling, no /tokenize.
 * - "llamacpp-old": HTTP 400 "Only one completion choice is allowed" for n > 1; no reward endpoint.
 * - "llamacpp-new": n up to `slots`, HTTP 400 above; no reward endpoint.
 * - "ollama": n silently ignored (one choice), seed honoured; no reward endpoint.
 * Only vLLM lists max_model_len.
 */
export type SimFamily = "vllm" | "sglang" | "llamacpp-old" | "llamacpp-new" | "ollama";

export const SIM_FAMILIES: readonly SimFamily[] = [
  "vllm",
  "sglang",
  "llamacpp-old",
  "llamacpp-new",
  "ollama",
];

/** Which endpoint family a status or hang fault applies to; "classify" covers /pooling too. */
export type SimEndpoint = "chat" | "classify" | "models";

/**
 * Faults the simulator injects. Each field is independent; an empty object means a healthy server.
 * Faults can be swapped at run time with `SimServer.setFaults`.
 */
export interface SimFaults {
  /** Answer with this HTTP status and a vLLM-shaped error body instead of doing the work. */
  status?: 500 | 429 | 503;
  /** With `status` 429/503: the Retry-After header, in seconds. */
  retryAfter?: number;
  /** With `status`: answer with an HTML error page (as a proxy in front of the server would) instead of JSON. */
  htmlError?: boolean;
  /** Stop sending (without closing) after this many SSE events of a streaming chat: a stall mid-stream. */
  stallAfterEvents?: number;
  /** The endpoint that `status` and `hang` apply to (default "chat"). */
  on?: SimEndpoint;
  /** Apply `status` or `hang` to the first `times` matching requests only, then behave (default: always). */
  times?: number;
  /**
   * Serve this many matching requests normally before `status`, `hang` or `rewardDown` apply (default 0),
   * counted from `setFaults`: e.g. a reward server that goes down after the first scoring of a solve.
   */
  after?: number;
  /** Accept the request and never answer, until the client gives up. */
  hang?: boolean;
  /** Destroy the socket of a streaming chat response after this many SSE events. */
  dropAfterEvents?: number;
  /** Emit one SSE event whose JSON is cut short after this many events, then carry on normally. */
  malformedAfterEvents?: number;
  /** Reward endpoints answer 404 as if no reward model were served ("404", also `true`), or close the socket ("close"). */
  rewardDown?: boolean | "404" | "close";
  /**
   * Stream hostile candidates instead of recorded ones (`hostile.ts`): HTML and scripts, text imitating the
   * panel, links and images pointing at this listener's canary path, TeX primitives, terminal escapes, and one
   * candidate of `hugeChars` characters. Like a broken server, it ignores max_tokens for them.
   */
  hostile?: boolean;
  /** The hostile mode's huge candidate, in characters (default about 1 MB). */
  hugeChars?: number;
  /** Streaming chat also sends choices with indices beyond n (n+4 and 100000000) and a second finish for choice 0. */
  badIndices?: boolean;
}

/** Which models one listener serves: both (one port) or one role (two ports, like two vLLM processes). */
export type SimRole = "both" | "policy" | "reward";

/**
 * Realism knobs for benchmarks (all optional; without them the simulator behaves as before): a server
 * that generates a bounded number of sequences at once and a reward model whose cost grows with its
 * batch and that runs one batch at a time, as one GPU does.
 */
export interface SimLoadOptions {
  /**
   * Sequences generated at once, server-wide (vLLM's --max-num-seqs). Each of a request's n choices is
   * one sequence, admitted on its own in arrival order (vLLM V1 fans n out); more wait in a FIFO queue.
   * Generation then runs in engine steps: every running sequence gets one token per step, at
   * `tokensPerSecond`, and its first token `firstTokenMs` after admission. Infinity: no cap, same stepping.
   */
  maxConcurrentSequences?: number;
  /** Reward latency per input token of the batch, added to `rewardLatencyMs` (the fixed part). */
  rewardMsPerToken?: number;
  /** The reward server scores one batch (request) at a time; the others wait in a FIFO queue. */
  rewardSerial?: boolean;
  /**
   * Placeholder solutions (problems the fixture does not know) are padded to a length drawn from the
   * recorded solutions' lengths, so candidates finish at different times as recorded ones do.
   */
  sampleLengths?: boolean;
}

/** What the load knobs did, in order, for tests to assert on (counts and order, never times). */
export interface SimScheduleEntry {
  event: "admitted" | "finished" | "aborted" | "reward-started" | "reward-finished";
  /** The request's `seq` on its listener. */
  seq: number;
  /** The choice index, for generation events. */
  choice?: number;
}

export interface SimOptions extends SimLoadOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  role?: SimRole;
  policyModel?: string;
  rewardModel?: string;
  /** Also serve a process reward model (`prm.ts`) under this id on the reward listener's /pooling. */
  prmModel?: string;
  /** Per choice; default 2000; 0 streams as fast as the socket takes it. */
  tokensPerSecond?: number;
  /** Delay before the first chunk of a completion (default 0). */
  firstTokenMs?: number;
  /** Delay before a /classify or /pooling answer (default 0). */
  rewardLatencyMs?: number;
  faults?: SimFaults;
  dataset?: SimDataset;
  /** Which server family to imitate (default "vllm"). */
  family?: SimFamily;
  /** llamacpp-new: the `--parallel` slot count, the largest n accepted (default 4). */
  slots?: number;
  /** "ignored": the reward endpoint ignores use_activation/activation and always returns sigmoid (older vLLM). */
  rewardActivation?: "honoured" | "ignored";
  /** The reward model's context in tokens (default MAX_MODEL_LEN); longer inputs get vLLM's HTTP 400. */
  rewardContextLength?: number;
}

/** What the simulator saw of one request, for tests to assert on. Fields are updated while it is served. */
export interface RecordedRequest {
  /** 1, 2, 3… in arrival order on this listener. */
  seq: number;
  method: string;
  path: string;
  /** The Authorization header as sent (tests check which key reached which server); undefined: none. */
  authorization?: string;
  /** The parsed JSON body, or undefined for none or unparsable. */
  body: unknown;
  /** HTTP status sent; undefined while nothing was sent (a hang, or a socket closed on purpose). */
  status?: number;
  /** The client went away before the response was complete. */
  aborted: boolean;
  /** The simulator destroyed the socket on purpose (the `drop` or `rewardDown: "close"` fault). */
  dropped: boolean;
  /** The response was sent to the end. */
  completed: boolean;
  /** SSE events written for a streaming response (role, content, finish, usage and [DONE] each count one). */
  eventsSent: number;
  /** SSE events the full stream would have had. */
  eventsPlanned: number;
}

export interface SimSolution {
  text: string;
  /** The answer extracted by the data's authors, when recorded. */
  answer?: string;
  correct: boolean;
  /** The reward-model score served for this text (unbounded, higher is better). */
  reward: number;
  /** "recorded": a real RM score from the data; "synthetic": made up from `correct` plus seeded noise. */
  rewardSource: "recorded" | "synthetic";
}

export interface SimProblem {
  /** e.g. "math_cot_100/7" or "gsm8k/12". */
  id: string;
  source: "math_cot_100" | "gsm8k";
  problem: string;
  /** The gold answer as the data states it. */
  goldAnswer: string;
  solutions: SimSolution[];
}

export interface SimDataset {
  problems: SimProblem[];
  /** Normalised problem text → problem, for exact matches. */
  byNormalisedText: Map<string, SimProblem>;
}

export interface SimServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  port: number;
  /** url + "/v1": what an OpenAI client takes as its base URL. */
  policyBaseUrl: string;
  /** url, without /v1: the reward endpoints are /classify and /pooling, as in vLLM. */
  rewardBaseUrl: string;
  policyModel: string;
  rewardModel: string;
  requests: RecordedRequest[];
  /** Admissions and completions of sequences and reward batches (only with the load knobs). */
  schedule: SimScheduleEntry[];
  /** Requests that reached the canary path: a followed link or image from model output. Should stay empty. */
  canaryHits(): RecordedRequest[];
  setFaults(faults: SimFaults): void;
  /** The family imitated. */
  family: SimFamily;
  /** Resolves once no request is being served (streams ended, aborts noticed). Hung requests count as served until aborted. */
  idle(): Promise<void>;
  close(): Promise<void>;
}
