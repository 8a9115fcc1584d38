/**
 * Keys of the candidate list (a listbox with `aria-activedescendant`): ↑/↓ (and Home/End) move,
 * Enter inserts the answer, Space chooses for compare, C opens compare. In blind mode 1–4 give the
 * verdict. Pure: it maps a key to an intent, main.ts carries it out.
 */
import type { Verdict } from "../../contract/sidePanelMessages";
import { VERDICT_KEYS } from "./view/blindView";

export type KeyIntent =
  | { kind: "move"; to: number }
  | { kind: "accept"; index: number }
  | { kind: "toggle-compare"; index: number }
  | { kind: "open-compare" }
  | { kind: "judge"; verdict: Verdict };

export function listKeyIntent(
  key: string,
  order: readonly number[],
  focused: number | null,
): KeyIntent | null {
  if (order.length === 0) return null;
  const at = focused === null ? -1 : order.indexOf(focused);
  const current = order[Math.max(0, at)]!;
  switch (key) {
    case "ArrowDown":
      return { kind: "move", to: order[Math.min(order.length - 1, at + 1)]! };
    case "ArrowUp":
      return { kind: "move", to: order[Math.max(0, at - 1)]! };
    case "Home":
      return { kind: "move", to: order[0]! };
    case "End":
      return { kind: "move", to: order[order.length - 1]! };
    case "Enter":
      return { kind: "accept", index: current };
    case " ":
      return { kind: "toggle-compare", index: current };
    case "c":
    case "C":
      return { kind: "open-compare" };
    default:
      return null;
  }
}

export function blindKeyIntent(key: string): KeyIntent | null {
  const verdict = VERDICT_KEYS[key];
  return verdict ? { kind: "judge", verdict } : null;
}
