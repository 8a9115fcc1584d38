/**
 * What the hover over a written answer says, as segments: `markdown` segments are our own fixed
 * wording; `text` segments (the answer, the reason, anything a model wrote) are shown as plain text
 * and never interpreted as Markdown, HTML or links. `$(name)` is a theme icon (codicon).
 */
import type { ModelVerdict } from "./cache";
import type { CheckTarget, SymbolicResult } from "./types";

export type HoverSegment = { markdown: string } | { text: string };

const BADGE: Record<SymbolicResult["verdict"], string> = {
  verified: "$(pass) **verified**",
  refuted: "$(error) **refuted**",
  unchecked: "$(circle-slash) **unchecked**",
};

export function hoverSegments(
  target: CheckTarget,
  symbolic: SymbolicResult,
  model: ModelVerdict | undefined,
  checkCommandUri: string,
): HoverSegment[] {
  const segments: HoverSegment[] = [{ markdown: `**AceMath check** — symbolic: ${BADGE[symbolic.verdict]}` }];
  if (symbolic.strategy) segments.push({ markdown: ` _(${symbolic.strategy})_` });
  segments.push({ markdown: "\n\n" }, { text: symbolic.reason });
  if (!target.answer.final) {
    segments.push(
      { markdown: "\n\n_Intermediate value_: this solution's final answer is " },
      { text: target.finalAnswer ?? "later" },
    );
  }
  if (target.problemText === "") segments.push({ markdown: "\n\n_No problem found before this answer._" });
  else if (model) {
    segments.push({ markdown: "\n\n**Model**: " }, { text: model.summary });
    if (model.reward)
      segments.push({ markdown: "\n\n**Reward model** (your solution): " }, { text: model.reward });
  } else
    segments.push({
      markdown: `\n\n[Check with model](${checkCommandUri} "Solve this problem and compare your answer")`,
    });
  for (const note of target.notes) segments.push({ markdown: "\n\n_Note_: " }, { text: note });
  return segments;
}

/** The segments as one plain string (tests and logs). */
export function hoverPlainText(segments: readonly HoverSegment[]): string {
  return segments.map((s) => ("text" in s ? s.text : s.markdown)).join("");
}
