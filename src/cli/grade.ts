/**
 * `acemath grade [FILE|-] [--multiple-choice] [--percent-leniency] [--timeout MS]`
 * Reads JSONL records with `gold` and `pred` (an answer) or `solution` (a text to extract from);
 * writes each record back with `extracted`, `equal` (true/false/null for unknown) and `reason`.
 * Both `gold` and `pred` may be texts ("Answer: $9$"); the final answer is read out of each.
 * A malformed line is reported on stderr and as `{"line": N, "error": "…"}` in the output, and
 * grading goes on with the next line; the exit status is then 1.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGrader } from "../backends/grading";
import { extractAnswer, readAnswer, type EquivalenceOptions, type Grader } from "../core/grading";

export interface GradeIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

interface GradeArgs {
  input: string;
  multipleChoice: boolean;
  options: EquivalenceOptions;
}

/** The record as read (written back unchanged) and the texts to grade. */
interface InputRecord {
  raw: Record<string, unknown>;
  gold: string;
  pred?: string;
  solution?: string;
}

const USAGE = "usage: acemath grade [FILE|-] [--multiple-choice] [--percent-leniency] [--timeout MS]";

export async function runGrade(args: string[], io: GradeIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.stderr.write(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  const input = parsed.input === "-" ? io.stdin : createReadStream(parsed.input, "utf8");
  const grader = createGrader();
  const counts = { equal: 0, notEqual: 0, unknown: 0, malformed: 0 };
  try {
    let lineNumber = 0;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber++;
      if (line.trim() === "") continue;
      const record = parseRecord(line);
      if (typeof record === "string") {
        io.stderr.write(`line ${lineNumber}: ${record}\n`);
        io.stdout.write(`${JSON.stringify({ line: lineNumber, error: record })}\n`);
        counts.malformed++;
        continue;
      }
      const output = await gradeRecord(record, grader, parsed);
      counts[output.equal === true ? "equal" : output.equal === false ? "notEqual" : "unknown"]++;
      io.stdout.write(`${JSON.stringify(output)}\n`);
    }
  } catch (error) {
    io.stderr.write(
      `cannot read ${parsed.input}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    grader.dispose();
  }
  const malformed = counts.malformed ? `; ${counts.malformed} malformed line(s) skipped` : "";
  io.stderr.write(
    `graded ${counts.equal + counts.notEqual + counts.unknown}: ${counts.equal} equal, ${counts.notEqual} not equal, ${counts.unknown} unknown${malformed}\n`,
  );
  return counts.malformed ? 1 : 0;
}

function parseArgs(args: string[]): GradeArgs | string {
  const result: GradeArgs = { input: "-", multipleChoice: false, options: {} };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--multiple-choice") result.multipleChoice = true;
    else if (arg === "--percent-leniency") result.options.percentLeniency = true;
    else if (arg === "--timeout") {
      const ms = Number(args[++i]);
      if (!Number.isFinite(ms) || ms <= 0) return "--timeout needs a positive number of milliseconds";
      result.options.timeoutMs = ms;
    } else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else positional.push(arg);
  }
  if (positional.length > 1) return "at most one input file";
  result.input = positional[0] ?? "-";
  return result;
}

/** Gold and answers may be numbers in JSON (`"gold": 5`); they are graded as their text. */
function parseRecord(line: string): InputRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "not valid JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  const record = value as Record<string, unknown>;
  const gold = asText(record.gold);
  if (gold === undefined) return "missing `gold` (a string or a number)";
  const pred = asText(record.pred);
  const solution = typeof record.solution === "string" ? record.solution : undefined;
  if (pred === undefined && solution === undefined) return "needs `pred` (an answer) or `solution` (a text)";
  return { raw: record, gold, pred, solution };
}

function asText(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : undefined;
}

async function gradeRecord(
  record: InputRecord,
  grader: Grader,
  args: GradeArgs,
): Promise<Record<string, unknown>> {
  const original = record.raw;
  const extracted =
    (record.pred === undefined ? undefined : readAnswer(record.pred)) ??
    extractAnswer(record.solution ?? "", { multipleChoice: args.multipleChoice })?.answer ??
    null;
  if (extracted === null)
    return { ...original, extracted, equal: false, reason: "no answer found in the solution" };
  const result = await grader.isEquivalent(record.gold, extracted, args.options);
  const equal = result.verdict === "equal" ? true : result.verdict === "not-equal" ? false : null;
  return { ...original, extracted, equal, reason: result.reason };
}
