// TEST FIXTURE: what the simulated policy model "generates": real recorded solutions picked by seed.
import { lookupProblem } from "./data";
import { hashString, seededRandom, shuffled } from "./random";
import { countTokens, splitIntoTokens } from "./tokens";
import type { SimDataset } from "./types";

export type FinishReason = "stop" | "length";

export interface GenerationRequest {
  problem: string;
  n: number;
  seed: number;
  temperature: number;
  maxTokens: number;
  stop: readonly string[];
}

export interface PlannedChoice {
  index: number;
  /** The emitted tokens; joined they are the choice's full content. */
  tokens: string[];
  finishReason: FinishReason;
  /** The stop string that ended the text, as vLLM reports it; null otherwise. */
  stopReason: string | null;
}

const GENERIC_VARIANTS = 8;

/**
 * Placeholder solutions for a problem the fixture does not know. They say plainly that they are simulated,
 * end in a \boxed{} answer, and agree with each other often enough for majority voting to have a winner.
 */
export function genericSolutions(problem: string): string[] {
  const base = hashString(problem);
  return Array.from({ length: GENERIC_VARIANTS }, (_, variant) => {
    const answer = 10 + ((base + (variant % 3 === 2 ? variant : 0)) % 90);
    return [
      "(Simulated backend: this problem is not in the test fixture, so this is a placeholder solution.)",
      "",
      "Let's reason step by step.",
      "",
      `Step 1. Restate what is asked and name the unknown quantity; call it \\(x\\).`,
      `Step 2. Translate the conditions into equations in \\(x\\) (approach ${variant + 1} of ${GENERIC_VARIANTS}).`,
      `Step 3. Solve them: this gives \\(x = ${answer}\\).`,
      "",
      `Therefore, the final answer is \\(\\boxed{${answer}}\\).`,
    ].join("\n");
  });
}

/**
 * Temperature 0 is greedy: every choice is the first recorded solution. Otherwise choice i takes the
 * (i mod L)-th solution of a seeded shuffle, reshuffled for each further round when n exceeds the L
 * solutions, so n ≤ L choices are all different and a different seed picks a different order.
 */
export function pickSolutions(
  candidates: readonly string[],
  request: Omit<GenerationRequest, "problem" | "maxTokens" | "stop">,
): string[] {
  const { n, seed, temperature } = request;
  if (temperature === 0) return Array.from({ length: n }, () => candidates[0] ?? "");
  const rounds: string[][] = [];
  return Array.from({ length: n }, (_, i) => {
    const round = Math.floor(i / candidates.length);
    rounds[round] ??= shuffled(candidates, seededRandom("pick", seed, round));
    return rounds[round]?.[i % candidates.length] ?? "";
  });
}

/** Cuts at the earliest stop string (finish "stop"), then at max_tokens (finish "length"). */
export function finishText(
  text: string,
  maxTokens: number,
  stop: readonly string[],
): Omit<PlannedChoice, "index"> {
  let cut = text;
  let stopReason: string | null = null;
  let earliest = Infinity;
  for (const s of stop) {
    const at = s === "" ? -1 : text.indexOf(s);
    if (at >= 0 && at < earliest) [earliest, stopReason] = [at, s];
  }
  if (stopReason !== null) cut = text.slice(0, earliest);
  const tokens = splitIntoTokens(cut);
  if (tokens.length > maxTokens)
    return { tokens: tokens.slice(0, maxTokens), finishReason: "length", stopReason: null };
  return { tokens, finishReason: "stop", stopReason };
}

/**
 * `sampleLengths`: a placeholder (unknown problem) gets a length drawn from the recorded solutions, so
 * its candidates finish at different times as real ones do; recorded solutions have their own lengths.
 */
export function planChoices(
  dataset: SimDataset,
  request: GenerationRequest,
  sampleLengths = false,
): PlannedChoice[] {
  const record = lookupProblem(dataset, request.problem);
  const candidates = record ? record.solutions.map((s) => s.text) : genericSolutions(request.problem);
  const lengths = !record && sampleLengths ? recordedLengths(dataset) : null;
  return pickSolutions(candidates, request).map((text, index) => {
    const draw = seededRandom("length", request.problem, request.seed, request.temperature === 0 ? 0 : index);
    const sized = lengths ? padToTokens(text, lengths[Math.floor(draw() * lengths.length)] ?? 0) : text;
    return { index, ...finishText(sized, request.maxTokens, request.stop) };
  });
}

const lengthsByDataset = new WeakMap<SimDataset, number[]>();

/** The token counts of every recorded solution (the real samples' length distribution). */
export function recordedLengths(dataset: SimDataset): number[] {
  let lengths = lengthsByDataset.get(dataset);
  if (!lengths) {
    lengths = dataset.problems.flatMap((p) => p.solutions.map((s) => countTokens(s.text)));
    lengthsByDataset.set(dataset, lengths);
  }
  return lengths;
}

const FILLER = "The simulated reasoning continues here, to give this placeholder a realistic length.".split(
  " ",
);

/** Inserts filler words before the text's last line until it has about `tokens` tokens (never shortens). */
export function padToTokens(text: string, tokens: number): string {
  const missing = tokens - countTokens(text);
  if (missing <= 0) return text;
  const words = Array.from({ length: missing }, (_, i) => FILLER[i % FILLER.length]);
  const filler = words.join(" ").replace(/length\. /g, "length.\n");
  const lastLine = text.lastIndexOf("\n");
  return lastLine < 0 ? `${filler}\n${text}` : `${text.slice(0, lastLine)}\n${filler}${text.slice(lastLine)}`;
}
