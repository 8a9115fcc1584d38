/**
 * Benchmark readers: one JSONL record → a problem and its gold answer, for every layout of the
 * Qwen2.5-Math evaluation sets (../shared/data/benchmarks) and any JSONL with a problem and a gold
 * field. Layout is decided per record from its fields, so a file needs no flag unless its field
 * names are unusual (then `fields` names them).
 */
import { extractBoxed } from "../grading";

export type Layout = "gsm8k" | "minerva" | "olympiadbench" | "mmlu" | "generic";

export interface EvalProblem {
  /** Position of the record in its file (0-based, blank lines skipped). */
  index: number;
  /** The record's own id when it has one (`id`, `idx`), else the index. */
  id: string;
  problem: string;
  gold: string;
  layout: Layout;
  /** Multiple-choice sets are extracted as a letter A–E. */
  multipleChoice: boolean;
}

export interface FieldNames {
  problem?: string;
  gold?: string;
}

export type ReadResult = { ok: true; problem: EvalProblem } | { ok: false; index: number; error: string };

const PROBLEM_FIELDS = ["problem", "question"];
const GOLD_FIELDS = ["answer", "gt", "final_answer"];
const CHOICE_LETTERS = "ABCDEFGHIJ";

export function readRecord(
  record: Record<string, unknown>,
  index: number,
  fields: FieldNames = {},
): ReadResult {
  const fail = (error: string): ReadResult => ({ ok: false, index, error });
  const problemKey = fields.problem ?? PROBLEM_FIELDS.find((k) => typeof record[k] === "string");
  const problemText = problemKey === undefined ? undefined : record[problemKey];
  if (typeof problemText !== "string" || problemText.trim() === "")
    return fail(`no problem text (${fields.problem ? `field "${fields.problem}"` : "problem or question"})`);
  const id = idOf(record, index);
  const make = (layout: Layout, problem: string, gold: string | null, multipleChoice = false): ReadResult =>
    gold === null || gold.trim() === ""
      ? fail(`no gold answer in a ${layout} record`)
      : { ok: true, problem: { index, id, problem, gold: gold.trim(), layout, multipleChoice } };

  if (fields.gold !== undefined) return make("generic", problemText, goldText(record[fields.gold]));
  if (record.choices !== undefined && typeof record.answer === "number") {
    const choices = parseChoices(record.choices);
    if (!choices) return fail("unreadable `choices`");
    const letter = CHOICE_LETTERS[record.answer];
    if (letter === undefined || record.answer >= choices.length) return fail("choice index out of range");
    return make("mmlu", withChoices(problemText, choices), letter, true);
  }
  if (Array.isArray(record.final_answer))
    return make("olympiadbench", problemText, goldText(record.final_answer));
  const answer = goldText(record.answer);
  if (answer !== null && /\n?####\s*/.test(answer)) return make("gsm8k", problemText, afterHashes(answer));
  const goldKey = GOLD_FIELDS.find((k) => goldText(record[k]) !== null);
  if (goldKey !== undefined) return make("generic", problemText, goldText(record[goldKey]));
  if (typeof record.solution === "string")
    return make("minerva", problemText, extractBoxed(record.solution)?.answer ?? null);
  return fail("no gold field (answer, gt, final_answer, or a solution with \\boxed{})");
}

/** Reads a whole JSONL text; malformed lines are reported by their line's record index, not dropped. */
export function readDatasetText(text: string, fields: FieldNames = {}): ReadResult[] {
  const results: ReadResult[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const index = results.length;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      results.push({ ok: false, index, error: "not valid JSON" });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      results.push({ ok: false, index, error: "not a JSON object" });
    else results.push(readRecord(value as Record<string, unknown>, index, fields));
  }
  return results;
}

function idOf(record: Record<string, unknown>, index: number): string {
  for (const key of ["id", "idx"]) {
    const v = record[key];
    if (typeof v === "string" || typeof v === "number") return String(v);
  }
  return String(index);
}

/** Gold may be a number (amc23: 27.0), a string, or a list (olympiadbench: one entry per answer). */
function goldText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === "string" || typeof v === "number")
  )
    return value.map(String).join(", ");
  return null;
}

/** GSM8K: the worked solution ends `#### 18`; thousands separators are dropped as the reference does. */
function afterHashes(answer: string): string {
  const tail = answer.slice(answer.lastIndexOf("####") + 4).trim();
  return /^-?[\d,]+(\.\d+)?$/.test(tail) ? tail.replace(/,/g, "") : tail;
}

/** Choices are a JSON array, or (mmlu_stem) the Python repr of a list of strings. */
export function parseChoices(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? (value as string[]) : null;
  if (typeof value !== "string") return null;
  return parsePythonStringList(value.trim());
}

function parsePythonStringList(text: string): string[] | null {
  if (!text.startsWith("[") || !text.endsWith("]")) return null;
  const items: string[] = [];
  let i = 1;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] ?? "")) i++;
  };
  skipSpace();
  if (text[i] === "]") return items;
  for (;;) {
    skipSpace();
    const quote = text[i];
    if (quote !== "'" && quote !== '"') return null;
    let item = "";
    for (i++; i < text.length && text[i] !== quote; i++) {
      if (text[i] === "\\") {
        const next = text[++i] ?? "";
        item += next === "n" ? "\n" : next === "t" ? "\t" : next;
      } else item += text[i];
    }
    if (text[i] !== quote) return null;
    items.push(item);
    i++;
    skipSpace();
    if (text[i] === "]") return i === text.length - 1 ? items : null;
    if (text[i] !== ",") return null;
    i++;
  }
}

/** The Qwen2.5-Math layout of a multiple-choice question: the choices follow as (A) … (B) …. */
function withChoices(question: string, choices: string[]): string {
  const listed = choices.map((c, i) => `(${CHOICE_LETTERS[i]}) ${c}`).join(" ");
  return `${question.trim()}\nAnswer Choices: ${listed}`;
}
