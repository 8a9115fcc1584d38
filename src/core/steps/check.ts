/**
 * Symbolic step checks (issue #10, signal 1; no model): every relation the author wrote in every
 * step of a solution, judged numerically (links.ts says how each kind of link is judged), in the
 * order written, so values and equations established earlier are used later. Synchronous and
 * bounded: at most `MAX_LINKS` relations per solution, a fixed number of seeded random points per
 * relation (src/core/check/verify/points.ts, the verifier's seeded generator), and the check parser's
 * own bounds on each formula.
 *
 * A step is "refuted" when one of its relations is false (the first such link, its reason and, where
 * there is one, the point where it fails), "verified" when at least one relation holds and none is
 * false, and "unchecked" when nothing in it could be judged. "Unchecked" is the honest answer for
 * free symbols without values, words, sets, inequalities between expressions, sums and integrals.
 */
import { DEFAULT_RELATIVE_TOLERANCE } from "../grading/types";
import { domainConstraints } from "../check/verify/points";
import { Facts } from "./facts";
import { isName, loneVariable, readable } from "./formula";
import { constantValue, judgeLink, type LinkCheck, type LinkSettings, type Verdict } from "./links";
import { formulaChains, stepFormulas, type Chain } from "./relations";
import { splitSteps, type Step } from "./split";

export type { LinkCheck } from "./links";
export type StepVerdict = Verdict;

export interface StepCheck {
  step: Step;
  verdict: StepVerdict;
  /** One sentence for people: what failed and the right value, what holds, or why nothing was judged. */
  reason: string;
  /** The failing relation as written (refuted steps). */
  link?: string;
  /** The point where the failing relation is false, when variables were involved. */
  counterexample?: Record<string, number>;
  /** Every relation of the step that was judged, in order. */
  links: LinkCheck[];
}

export interface StepCheckOptions {
  /** The problem statement: its stated domains (`x \neq 1`, `x > 0`) restrict the random points. */
  problem?: string;
  /** Relative tolerance of numeric agreement; the grading engine's by default. */
  tolerance?: number;
}

/** Relations judged per solution; the rest are left unchecked (a runaway generation stays cheap). */
export const MAX_LINKS = 1500;

/**
 * Letters read as functions when applied (`f(2)`, `P(A)`, `E(X)`), besides those the solution defines
 * (`q(t) = …`); applied without a definition they are not read at all, never as a product.
 */
const FUNCTION_LETTERS = ["f", "g", "h", "P", "E"];

export function checkSteps(text: string, options: StepCheckOptions = {}): StepCheck[] {
  let facts = new Facts();
  const settings: LinkSettings = {
    tolerance: options.tolerance ?? DEFAULT_RELATIVE_TOLERANCE,
    constraints: domainConstraints(`${options.problem ?? ""}\n${text}`),
    functionNames: functionNamesOf(text),
  };
  let budget = MAX_LINKS;
  let tail: ChainTail | null = null;
  return splitSteps(text).map((step) => {
    const links: LinkCheck[] = [];
    if (startsNewPart(step)) {
      facts = new Facts();
      tail = null;
    }
    facts.atStep(step.index);
    for (const formula of stepFormulas(step)) {
      for (const chain of formulaChains(formula)) {
        const judged = judgeChain(chain, tail, facts, settings, budget);
        budget -= judged.links.length;
        links.push(...judged.links);
        tail = judged.tail;
      }
    }
    return summarise(step, links);
  });
}

/**
 * A section heading or the start of another exercise: what was established before belongs to another
 * problem (documents reuse f, x and their conditions in every exercise). "Step k" headings do not count.
 */
function startsNewPart(step: Step): boolean {
  if (step.kind === "heading")
    return (
      /^\s*(?:#{1,6}\s|\\(?:sub)*section|\\paragraph)/.test(step.text) && !/\bstep\s+\d/i.test(step.text)
    );
  return /\\begin\{(?:exercise|problem|question|example|exercises)\*?\}|\\(?:exsol|problem|question)\b/.test(
    step.text,
  );
}

/** The first refuted step: where the solution first goes wrong. */
export function firstError(checks: readonly StepCheck[]): StepCheck | null {
  return checks.find((c) => c.verdict === "refuted") ?? null;
}

interface ChainTail {
  member: string;
  headIsName: boolean;
}

function judgeChain(
  chain: Chain,
  previous: ChainTail | null,
  facts: Facts,
  settings: LinkSettings,
  budget: number,
): { links: LinkCheck[]; tail: ChainTail | null } {
  const members = [...chain.members];
  const continues = members[0] === "";
  if (continues) {
    if (!previous) return { links: [], tail: null };
    members[0] = previous.member;
  }
  const headIsName = continues ? (previous?.headIsName ?? false) : isName(members[0] ?? "");
  const links: LinkCheck[] = [];
  chain.signs.forEach((sign, k) => {
    const left = members[k] ?? "";
    const right = members[k + 1] ?? "";
    if (left === "" || right === "") return;
    if (links.length >= budget) {
      links.push({
        link: `${left} ${sign} ${right}`,
        verdict: "unchecked",
        reason: "not checked: too many relations",
      });
      return;
    }
    const claimsIdentity = (headIsName && k >= 1) || continues;
    links.push(judgeLink(left, sign, right, { claimsIdentity }, facts, settings));
  });
  if (!continues) assignHead(members, chain, facts, settings);
  const last = members[members.length - 1] ?? "";
  return { links, tail: last === "" ? null : { member: last, headIsName } };
}

/** `A_X = \pi r^2 = \pi \times 4^2 = 16\pi`: the named head takes the value of the last constant member. */
function assignHead(members: readonly string[], chain: Chain, facts: Facts, settings: LinkSettings): void {
  const head = loneVariable(members[0] ?? "");
  if (head === null || chain.signs.some((s) => s !== "=") || members.length < 3) return;
  for (let k = members.length - 1; k >= 1; k--) {
    const value = constantValue(members[k] ?? "", facts, settings, head);
    if (value !== null) {
      facts.assign(head, value, `${readable(members[0] ?? "")} = ${readable(members[k] ?? "")}`);
      return;
    }
  }
}

function summarise(step: Step, links: LinkCheck[]): StepCheck {
  const refuted = links.find((l) => l.verdict === "refuted");
  if (refuted) {
    return {
      step,
      verdict: "refuted",
      reason: refuted.reason,
      link: refuted.link,
      ...(refuted.counterexample ? { counterexample: refuted.counterexample } : {}),
      links,
    };
  }
  const verified = links.filter((l) => l.verdict === "verified");
  if (verified.length > 0) {
    const unchecked = links.length - verified.length;
    const shown = verified
      .slice(0, 3)
      .map((l) => l.reason)
      .join("; ");
    const more = verified.length > 3 ? `; ${verified.length - 3} more` : "";
    const rest = unchecked > 0 ? ` (${unchecked} not judged)` : "";
    return { step, verdict: "verified", reason: `${shown}${more}${rest}`, links };
  }
  const reason = links[0]?.reason ?? "no relation to check";
  return { step, verdict: "unchecked", reason, links };
}

/** f, g, h and every letter the solution writes as a function head: `P(A) =`, `q(t) =`. */
function functionNamesOf(text: string): Set<string> {
  const names = new Set(FUNCTION_LETTERS);
  for (const m of text.matchAll(
    /(?<![a-zA-Z\\])([a-zA-Z])\s*(?:\\left)?\(\s*[a-zA-Z]\s*(?:\\right)?\)\s*=/g,
  )) {
    if (m[1]) names.add(m[1]);
  }
  return names;
}
