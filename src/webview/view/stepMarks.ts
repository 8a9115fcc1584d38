/**
 * A finished candidate's step checks, drawn as a strip of marks above its model output: one mark per
 * step, coloured by its symbolic check (verified, refuted, unchecked), with a tooltip that says why
 * ("refuted: 17 × 4 = 78 is false; 17 × 4 = 68"), the first error outlined and named in words, and a
 * toggle for a model's per-step signal when one is configured (a process reward model, or the outcome
 * RM over prefixes, which is labelled a heuristic). The strip is the panel's own UI, outside the
 * "Model output" box; the reasons and excerpts quote model output and are set as text only.
 * It never touches the solution's chunks, so the lazy rendering is left as it is.
 */
import type { CandidateSteps, PanelStep, StepSignalKind } from "../../contract/webviewMessages";
import { el } from "./dom";

/** Marks drawn per candidate; the rest are counted ("+12 more"), so a huge candidate costs little. */
export const MAX_MARKS = 80;

export const SIGNAL_LABELS: Record<StepSignalKind, { show: string; name: string }> = {
  prm: { show: "Process reward", name: "process reward" },
  prefix: { show: "Prefix scores (heuristic)", name: "prefix score" },
};

/** What a mark's tooltip says: the verdict and its reason first, then where the step is. */
export function stepTooltip(step: PanelStep, position: number, signal?: CandidateSteps["signal"]): string {
  const lines = [
    `${step.verdict}: ${step.reason}`,
    `Step ${position + 1}, line ${step.line}: ${step.excerpt}`,
  ];
  const value = signal?.values[position];
  if (signal && value !== null && value !== undefined)
    lines.push(`${SIGNAL_LABELS[signal.kind].name}: ${formatSignal(value)}`);
  return lines.join("\n");
}

function formatSignal(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** The step where a signal is lowest relative to what came before: a PRM's least likely step, or a prefix score's sharpest drop. */
export function suspectStep(signal: NonNullable<CandidateSteps["signal"]>): number | null {
  const { values, kind } = signal;
  let best: number | null = null;
  let worst = Infinity;
  values.forEach((value, k) => {
    if (value === null) return;
    const previous = k > 0 ? values[k - 1] : null;
    const measure =
      kind === "prm" ? value : previous === null || previous === undefined ? Infinity : value - previous;
    if (measure < worst) {
      worst = measure;
      best = k;
    }
  });
  if (best === null) return null;
  return kind === "prm" ? (worst < 0.5 ? best : null) : worst < 0 ? best : null;
}

/** The strip for one candidate (rebuilt whole: it holds at most `MAX_MARKS` small elements). */
export function renderStepMarks(steps: CandidateSteps): HTMLElement {
  const { signal } = steps;
  const suspect = signal ? suspectStep(signal) : null;
  const marks = steps.steps.slice(0, MAX_MARKS).map((step, k) => {
    const classes = ["step-mark", step.verdict];
    if (k === steps.firstError) classes.push("first-error");
    if (k === suspect) classes.push("signal-suspect");
    const value = signal?.values[k];
    return el(
      "span",
      {
        className: classes.join(" "),
        text: String(k + 1),
        attrs: {
          title: stepTooltip(step, k, signal),
          "data-step": String(k),
          "data-verdict": step.verdict,
          role: "img",
          "aria-label": `Step ${k + 1}: ${step.verdict}`,
        },
      },
      [
        value === null || value === undefined
          ? null
          : el("span", { className: "step-signal", text: formatSignal(value) }),
      ],
    );
  });
  const more = steps.steps.length - marks.length;
  return el("div", { className: "step-marks", attrs: { role: "group", "aria-label": "Step checks" } }, [
    el("div", { className: "step-marks-row" }, [
      el("span", {
        className: "label",
        text: "Steps",
        attrs: { title: "Symbolic checks of each step; no model" },
      }),
      el("span", { className: "step-mark-list" }, marks),
      more > 0 ? el("span", { className: "step-more", text: `+${more} more` }) : null,
      ...toggles(steps),
    ]),
    el("div", { className: steps.firstError === null ? "step-summary" : "step-summary first-error" }, [
      document.createTextNode(summary(steps)),
    ]),
    signal
      ? el("div", {
          className: signal.error ? "step-signal-note error" : "step-signal-note",
          text: signalNote(signal, suspect),
        })
      : null,
  ]);
}

function toggles(steps: CandidateSteps): HTMLElement[] {
  return steps.available.map((kind) => {
    const shown = steps.signal?.kind === kind;
    return el("button", {
      className: "link-button step-signal-toggle",
      text: SIGNAL_LABELS[kind].show,
      attrs: {
        type: "button",
        "data-action": "step-signal",
        "data-kind": kind,
        "aria-pressed": String(shown),
        title:
          kind === "prm"
            ? "Ask the process reward model for each step's probability of being correct"
            : "Score the first k steps with the reward model (one batched request): a heuristic, a sharp drop marks a suspect step",
      },
    });
  });
}

function summary(steps: CandidateSteps): string {
  const first = steps.firstError === null ? undefined : steps.steps[steps.firstError];
  if (first && steps.firstError !== null)
    return `First error: step ${steps.firstError + 1} (line ${first.line}): ${first.reason}`;
  const verified = steps.steps.filter((s) => s.verdict === "verified").length;
  return `No step refuted: ${verified} of ${steps.steps.length} verified, the rest unchecked.`;
}

function signalNote(signal: NonNullable<CandidateSteps["signal"]>, suspect: number | null): string {
  if (signal.error) return signal.error;
  const where = suspect === null ? "" : ` Suspect step: ${suspect + 1}.`;
  return `${signal.note}${where}`;
}

/**
 * The strips of the current solve, by candidate. A strip is drawn only while the candidate's text is
 * the one it was computed for (same length), so marks of an older solve never land on a new card.
 */
export class StepMarks {
  private readonly byIndex = new Map<number, CandidateSteps>();

  set(steps: CandidateSteps): void {
    this.byIndex.set(steps.index, steps);
  }

  clear(): void {
    this.byIndex.clear();
  }

  /** Puts the strip into the card (before the "Model output" caption), or removes a stale one. */
  apply(cardRoot: HTMLElement, index: number, textLength: number): void {
    const steps = this.byIndex.get(index);
    const current = cardRoot.querySelector(":scope > .step-marks");
    if (!steps || steps.textLength !== textLength || steps.steps.length === 0) {
      current?.remove();
      return;
    }
    const strip = renderStepMarks(steps);
    if (current) current.replaceWith(strip);
    else cardRoot.insertBefore(strip, cardRoot.querySelector(":scope > .model-output-caption"));
  }
}
