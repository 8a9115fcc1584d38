/**
 * Groups answers into equivalence classes for majority and reward-weighted votes, without
 * O(N²) symbolic calls: identical spellings and equal exact numbers are grouped by hashing;
 * other numbers by comparing values; only the remaining few classes are compared pairwise,
 * first with the fast rules and, when those cannot decide, symbolically — and then only when a
 * numeric fingerprint does not already tell the two expressions apart.
 */
import { evaluate } from "./evaluate";
import { containsDecimal, freeSymbols, type Expr } from "./expr";
import { isEquivalentFast } from "./fast";
import { samplePoints } from "./identity";
import { normalizeAnswer } from "./normalize";
import { readAnswer } from "./readAnswer";
import { compareConstants, type Constant } from "./numeric";
import { parseCached } from "./scalarFast";
import { toKey } from "./rational";
import {
  DEFAULT_RELATIVE_TOLERANCE,
  NEEDS_SYMBOLIC,
  type EquivalenceOptions,
  type GradeResult,
} from "./types";

export type PairComparer = (gold: string, pred: string) => Promise<GradeResult>;

interface AnswerClass {
  members: number[];
  representative: string; // normalised
  constant?: Constant;
  fingerprint?: string;
}

/** Two answers the engine could not decide: they stay in separate classes, and callers can say so. */
export interface UndecidedPair {
  /** First member of the existing class. */
  first: number;
  /** The answer that was compared with it. */
  second: number;
  reason: string;
}

export interface ClusterReport {
  classes: number[][];
  undecided: UndecidedPair[];
}

export async function clusterAnswers(
  answers: string[],
  symbolic: PairComparer,
  options: EquivalenceOptions = {},
): Promise<number[][]> {
  return (await clusterAnswersReport(answers, symbolic, options)).classes;
}

export async function clusterAnswersReport(
  answers: string[],
  symbolic: PairComparer,
  options: EquivalenceOptions = {},
): Promise<ClusterReport> {
  const undecided: UndecidedPair[] = [];
  const classes: AnswerClass[] = [];
  const byKey = new Map<string, AnswerClass>();
  for (let i = 0; i < answers.length; i++) {
    const text = normalizeAnswer(readAnswer(answers[i] ?? ""));
    const expr = parseCached(text);
    const constant = expr ? constantOf(expr) : undefined;
    const keys = [`text:${text}`, exactKey(constant)].filter((k): k is string => !!k);
    const known = keys.map((k) => byKey.get(k)).find(Boolean);
    const unknownWith = (cls: AnswerClass, reason: string) =>
      undecided.push({ first: cls.members[0] ?? 0, second: i, reason });
    const answer = { text, expr, constant };
    const target = known ?? (await findClass(classes, answer, symbolic, options, unknownWith));
    const cls = target ?? {
      members: [],
      representative: text,
      constant,
      fingerprint: expr ? fingerprint(expr) : undefined,
    };
    if (!target) classes.push(cls);
    cls.members.push(i);
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, cls);
  }
  return { classes: classes.map((c) => c.members), undecided };
}

function constantOf(expr: Expr): Constant | undefined {
  if (freeSymbols(expr).size > 0) return undefined;
  const value = evaluate(expr);
  if (!Number.isFinite(value.x)) return undefined;
  return { value, approximate: containsDecimal(expr), overflow: false };
}

function exactKey(c: Constant | undefined): string | undefined {
  return c && !c.approximate && c.value.q ? `exact:${toKey(c.value.q)}` : undefined;
}

/** Values at fixed random points: two expressions with different fingerprints cannot be equal. */
function fingerprint(expr: Expr): string | undefined {
  const names = [...freeSymbols(expr)].sort();
  if (names.length === 0) return undefined;
  const values: string[] = [];
  for (const env of samplePoints(names)) {
    const x = evaluate(expr, env).x;
    values.push(Number.isFinite(x) ? x.toPrecision(6) : "?");
  }
  return `${names.join(",")}:${values.join(",")}`;
}

interface Candidate {
  text: string;
  expr: Expr | null;
  constant: Constant | undefined;
}

async function findClass(
  classes: AnswerClass[],
  { text, expr, constant }: Candidate,
  symbolic: PairComparer,
  options: EquivalenceOptions,
  unknownWith: (cls: AnswerClass, reason: string) => void,
): Promise<AnswerClass | undefined> {
  const tolerance = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  for (const cls of classes) {
    if (constant && cls.constant) {
      if (compareConstants(cls.constant, constant, tolerance).verdict === "equal") return cls;
      continue;
    }
    const fast = isEquivalentFast(cls.representative, text, options);
    if (fast.verdict === "equal") return cls;
    if (fast.verdict === "not-equal") continue;
    if (!fast.reason.endsWith(NEEDS_SYMBOLIC)) {
      unknownWith(cls, fast.reason);
      continue;
    }
    const fp = expr ? fingerprint(expr) : undefined;
    if (fp && cls.fingerprint && !sameFingerprint(fp, cls.fingerprint)) continue;
    const result = await symbolic(cls.representative, text);
    if (result.verdict === "equal") return cls;
    if (result.verdict === "unknown") unknownWith(cls, result.reason);
  }
  return undefined;
}

/** Fingerprints are rounded; compare them value by value, allowing undefined points ("?"). */
function sameFingerprint(a: string, b: string): boolean {
  const [namesA, valuesA = ""] = a.split(":");
  const [namesB, valuesB = ""] = b.split(":");
  if (namesA !== namesB) return true; // different variables: the fingerprint cannot tell
  const xs = valuesA.split(",");
  const ys = valuesB.split(",");
  return xs.every(
    (x, i) =>
      x === "?" ||
      ys[i] === "?" ||
      Math.abs(Number(x) - Number(ys[i])) <= 1e-4 * Math.max(1, Math.abs(Number(x))),
  );
}
