/** The side panel's wording: policy names, sources, score text. One home, DOM-free. */
import type { SidePolicy, SideSource } from "../../../contract/sidePanelMessages";
import { formatScore } from "../../view/text";

export const POLICY_NAMES: Record<SidePolicy, string> = {
  "reward-top1": "RM top-1",
  majority: "Majority",
  "weighted-vote": "Weighted vote",
};

export const POLICY_DESCRIPTIONS: Record<SidePolicy, string> = {
  "reward-top1": "the reward model's top-scored candidate",
  majority: "the most frequent answer",
  "weighted-vote": "the answer with the largest sum of softmax reward weights",
};

export function sourceText(source: SideSource): string {
  switch (source) {
    case "cursor":
      return "Problem under the cursor";
    case "latest":
      return "Latest solve";
    case "history":
      return "From the history";
    case "pinned":
      return "Pinned";
  }
}

/** A score for sighted users and its spoken form, e.g. "Reward score 1.234" or "Not scored". */
export function scoreLabel(score: number | null): { text: string; aria: string } {
  const text = formatScore(score);
  return { text, aria: score === null ? "Not scored" : `Reward score ${text}` };
}

export function timeText(epochMs: number | null): string {
  if (epochMs === null) return "";
  const date = new Date(epochMs);
  return `${date.toLocaleDateString()} ${date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`;
}
