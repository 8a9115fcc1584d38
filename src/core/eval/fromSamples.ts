/**
 * Existing generations for `--from-samples`: one JSONL record per problem with its gold (any field
 * the dataset readers know), the sample texts (`code` as in the Qwen2.5-Math outputs, or `samples`)
 * and optional reward scores (`pred_score`: one number or one-element list per sample, or `rewards`).
 */
import { readRecord, type EvalProblem } from "./datasets";
import type { SampleText } from "./grade";

export interface StoredProblem {
  problem: EvalProblem;
  samples: SampleText[];
}

export type SamplesReadResult =
  { ok: true; value: StoredProblem } | { ok: false; index: number; error: string };

export function readSamplesRecord(record: Record<string, unknown>, index: number): SamplesReadResult {
  const read = readRecord(record, index);
  if (!read.ok) return read;
  const texts = record.code ?? record.samples;
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === "string"))
    return { ok: false, index, error: "no sample texts (`code` or `samples`, a list of strings)" };
  const rewards = rewardList(record.pred_score ?? record.rewards, texts.length);
  if (rewards === "malformed") return { ok: false, index, error: "reward scores do not match the samples" };
  const samples = (texts as string[]).map((text, i) => ({ text, reward: rewards?.[i] ?? null }));
  return { ok: true, value: { problem: read.problem, samples } };
}

export function readSamplesText(text: string): SamplesReadResult[] {
  const results: SamplesReadResult[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const index = results.length;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error();
      results.push(readSamplesRecord(value as Record<string, unknown>, index));
    } catch {
      results.push({ ok: false, index, error: "not a JSON object" });
    }
  }
  return results;
}

function rewardList(value: unknown, count: number): (number | null)[] | null | "malformed" {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length !== count) return "malformed";
  return value.map((v: unknown) => {
    const n = Array.isArray(v) ? (v as unknown[])[0] : v;
    return typeof n === "number" && Number.isFinite(n) ? n : null;
  });
}
