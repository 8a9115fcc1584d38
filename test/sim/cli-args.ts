// TEST FIXTURE: command-line and environment settings of `npm run sim` (the simulated backend for demos).
import { SIM_FAMILIES, type SimEndpoint, type SimFamily, type SimFaults, type SimLoadOptions } from "./types";

export interface SimCliSettings {
  host: string;
  policyPort: number;
  /** Undefined serves both roles on the policy port. */
  rewardPort: number | undefined;
  tokensPerSecond: number;
  firstTokenMs: number;
  rewardLatencyMs: number;
  faults: SimFaults;
  family: SimFamily;
  slots: number;
  rewardActivation: "honoured" | "ignored";
  /** The load knobs, present only when a flag sets one. */
  load?: SimLoadOptions;
}

export const USAGE = `Usage: npm run sim -- [options]
  --port N            policy listener port (default 8000; env SIM_PORT)
  --reward-port N     reward listener port (default 8001; env SIM_REWARD_PORT); "same" serves both on --port
  --host H            interface to bind (default 127.0.0.1; env SIM_HOST)
  --tps N             tokens per second per choice, 0 = unthrottled (default 2000; env SIM_TPS)
  --ttft MS           time to first token (default 0; env SIM_TTFT_MS)
  --reward-latency MS delay of each reward answer (default 0; env SIM_REWARD_LATENCY_MS)
  --family F          server family to imitate: ${SIM_FAMILIES.join(", ")} (default vllm; env SIM_FAMILY)
  --slots N           llamacpp-new: largest n accepted (default 4)
  --reward-sigmoid    the reward endpoint ignores use_activation and returns sigmoid scores (older vLLM)
  --max-seqs N        load: at most N sequences generate at once, server-wide; more wait (FIFO)
  --reward-per-token MS  load: reward latency per input token, added to --reward-latency
  --reward-serial     load: the reward server scores one batch at a time (FIFO)
  --sample-lengths    load: placeholder solutions get lengths drawn from the recorded ones
  --fault F           repeatable (env SIM_FAULTS, comma-separated):
                        500|429|503[:chat|classify|models][:times]   answer with that status
                        hang[:chat|classify|models]                 accept and never answer
                        drop:K                                      close the stream after K events
                        malformed:K                                 one broken SSE event after K events
                        reward-down[:close]                         reward endpoints 404 (or close the socket)
                        hostile[:CHARS]                             hostile candidates (HTML, fake UI, canary links,
                                                                    TeX primitives, terminal escapes) and one of CHARS
                                                                    characters (default 1000000); requests to
                                                                    /canary on the listener are recorded
                        bad-indices                                 also send choice indices beyond n and a second finish
                        retry-after:S                               with a 429/503 fault: Retry-After: S seconds
                        html                                        with a status fault: an HTML error page
                        stall:K                                     stop sending after K events, keep the socket open
                        after:K                                     serve K matching requests normally first (e.g.
                                                                    reward-down:close plus after:3: down mid-solve)`;

const ENDPOINTS: readonly SimEndpoint[] = ["chat", "classify", "models"];

function integer(text: string | undefined, name: string): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < 0)
    throw new Error(`${name} needs a whole number, got "${text}"`);
  return value;
}

function nonNegative(text: string | undefined, name: string): number {
  const value = Number(text);
  if (text === undefined || text === "" || !Number.isFinite(value) || value < 0)
    throw new Error(`${name} needs a number ≥ 0, got "${text}"`);
  return value;
}

/** `{ on }` for a named endpoint, nothing for none (the faults' default, chat). */
function target(text: string | undefined): { on?: SimEndpoint } {
  if (text === undefined || text === "") return {};
  if ((ENDPOINTS as readonly string[]).includes(text)) return { on: text as SimEndpoint };
  throw new Error(`unknown endpoint "${text}" (expected ${ENDPOINTS.join(", ")})`);
}

/** Adds one `--fault` spelling to the faults collected so far. */
export function parseFault(spec: string, faults: SimFaults): SimFaults {
  const [kind, first, second] = spec.split(":");
  switch (kind) {
    case "500":
    case "429":
    case "503":
      return {
        ...faults,
        status: Number(kind) as 500 | 429 | 503,
        ...target(first),
        ...(second ? { times: integer(second, "times") } : {}),
      };
    case "hang":
      return { ...faults, hang: true, ...target(first) };
    case "drop":
      return { ...faults, dropAfterEvents: integer(first, "drop") };
    case "malformed":
      return { ...faults, malformedAfterEvents: integer(first, "malformed") };
    case "reward-down":
      return { ...faults, rewardDown: first === "close" ? "close" : "404" };
    case "hostile":
      return { ...faults, hostile: true, ...(first ? { hugeChars: integer(first, "hostile") } : {}) };
    case "bad-indices":
      return { ...faults, badIndices: true };
    case "retry-after":
      return { ...faults, retryAfter: integer(first, "retry-after") };
    case "html":
      return { ...faults, htmlError: true };
    case "stall":
      return { ...faults, stallAfterEvents: integer(first, "stall") };
    case "after":
      return { ...faults, after: integer(first, "after") };
    default:
      throw new Error(`unknown fault "${spec}"`);
  }
}

function family(text: string): SimFamily {
  if ((SIM_FAMILIES as readonly string[]).includes(text)) return text as SimFamily;
  throw new Error(`unknown family "${text}" (expected ${SIM_FAMILIES.join(", ")})`);
}

export function parseSimArgs(argv: readonly string[], env: NodeJS.ProcessEnv): SimCliSettings {
  const settings: SimCliSettings = {
    host: env.SIM_HOST ?? "127.0.0.1",
    policyPort: integer(env.SIM_PORT ?? "8000", "SIM_PORT"),
    rewardPort:
      env.SIM_REWARD_PORT === "same" ? undefined : integer(env.SIM_REWARD_PORT ?? "8001", "SIM_REWARD_PORT"),
    tokensPerSecond: integer(env.SIM_TPS ?? "2000", "SIM_TPS"),
    firstTokenMs: integer(env.SIM_TTFT_MS ?? "0", "SIM_TTFT_MS"),
    rewardLatencyMs: integer(env.SIM_REWARD_LATENCY_MS ?? "0", "SIM_REWARD_LATENCY_MS"),
    faults: {},
    family: family(env.SIM_FAMILY ?? "vllm"),
    slots: 4,
    rewardActivation: "honoured",
  };
  for (const spec of (env.SIM_FAULTS ?? "").split(",").filter(Boolean))
    settings.faults = parseFault(spec, settings.faults);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    i++;
    switch (flag) {
      case "--port":
        settings.policyPort = integer(value, flag);
        break;
      case "--reward-port":
        settings.rewardPort = value === "same" ? undefined : integer(value, flag);
        break;
      case "--host":
        settings.host = value ?? settings.host;
        break;
      case "--tps":
        settings.tokensPerSecond = integer(value, flag);
        break;
      case "--ttft":
        settings.firstTokenMs = integer(value, flag);
        break;
      case "--reward-latency":
        settings.rewardLatencyMs = integer(value, flag);
        break;
      case "--family":
        settings.family = family(value ?? "");
        break;
      case "--slots":
        settings.slots = integer(value, flag);
        break;
      case "--reward-sigmoid":
        settings.rewardActivation = "ignored";
        i--; // a flag without a value
        break;
      case "--fault":
        settings.faults = parseFault(value ?? "", settings.faults);
        break;
      case "--max-seqs":
        settings.load = { ...settings.load, maxConcurrentSequences: integer(value, flag) };
        break;
      case "--reward-per-token":
        settings.load = { ...settings.load, rewardMsPerToken: nonNegative(value, flag) };
        break;
      case "--reward-serial":
      case "--sample-lengths":
        settings.load = {
          ...settings.load,
          [flag === "--reward-serial" ? "rewardSerial" : "sampleLengths"]: true,
        };
        i--; // a flag without a value
        break;
      default:
        throw new Error(`unknown option "${flag}"`);
    }
  }
  return settings;
}
