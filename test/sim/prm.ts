// TEST FIXTURE: a simulated process reward model (Qwen2.5-Math-PRM style) on vLLM's POST /pooling with STEP
// pooling: the assistant turn's steps each end with the tag <extra_0>, and the answer has one
// [p_wrong, p_right] row per tag (softmax over the two labels), as docs/protocol.md §3 describes.
// A step with a plain arithmetic slip ("17 \times 4 = 78") gets a low probability, so tests and demos see a
// drop where a real PRM would put one; other steps get a hash-based probability in [0.72, 0.98).
import { parseRewardInput } from "./chatml";
import { isObject, type Exchange } from "./exchange";
import { sendError, sendJson, unixSeconds } from "./http";
import { hashString } from "./random";
import { countTokens } from "./tokens";

export const DEFAULT_PRM_MODEL = "Qwen/Qwen2.5-Math-PRM-7B";
export const PRM_STEP_TAG = "<extra_0>";
/** What a step with an arithmetic slip gets: clearly below every other step. */
export const PRM_SLIP_PROBABILITY = 0.0625;

/** Whether this /pooling request is for the PRM (the listener serves one and the body names it). */
export function isPrmRequest(exchange: Exchange): boolean {
  const { body, settings } = exchange;
  return settings.prmModel !== null && isObject(body) && body.model === settings.prmModel;
}

export function handlePrmPooling(exchange: Exchange): void {
  const { body, res } = exchange;
  if (!isObject(body)) return sendError(res, 400, "The request body must be a JSON object");
  const input = body.input;
  const inputs = typeof input === "string" ? [input] : input;
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((s) => typeof s === "string"))
    return sendError(res, 400, "input must be a string or a non-empty list of strings", "input");
  const prompt = inputs.reduce((sum, text) => sum + countTokens(text), 0);
  sendJson(res, 200, {
    id: exchange.responseId("pool"),
    object: "list",
    created: unixSeconds(),
    model: body.model,
    data: inputs.map((text, index) => ({ index, object: "pooling", data: stepRows(text) })),
    usage: { prompt_tokens: prompt, total_tokens: prompt, completion_tokens: 0 },
  });
}

/** One [p_wrong, p_right] row per step tag in the assistant turn (STEP pooling reads only the tags). */
export function stepRows(rendering: string): [number, number][] {
  const { solution } = parseRewardInput(rendering);
  const pieces = solution.split(PRM_STEP_TAG);
  pieces.pop(); // the text after the last tag has no tag: no row
  return pieces.map((step) => {
    const right = hasArithmeticSlip(step)
      ? PRM_SLIP_PROBABILITY
      : 0.72 + ((hashString(step) % 1000) / 1000) * 0.26;
    const rounded = Math.round(right * 1024) / 1024;
    return [1 - rounded, rounded];
  });
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const OPERATOR = String.raw`\s*(\+|-|\\times|\\cdot|×|\*)\s*`;
const RELATION = new RegExp(`${NUMBER}${OPERATOR}${NUMBER}\\s*=\\s*${NUMBER}(?!\\.?\\d)`, "g");

/** `a op b = c` with plain numbers where c is not the result. */
export function hasArithmeticSlip(step: string): boolean {
  for (const m of step.matchAll(RELATION)) {
    const [a, op, b, c] = [Number(m[1]), m[2], Number(m[3]), Number(m[4])];
    const value = op === "+" ? a + b : op === "-" ? a - b : a * b;
    if (Math.abs(value - c) > 1e-9 * Math.max(1, Math.abs(value))) return true;
  }
  return false;
}
