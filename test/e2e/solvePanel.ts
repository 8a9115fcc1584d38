// Page object for the "AceMath Solutions" webview. The DOM hooks it reads are the panel's test contract:
// #status[data-status], .candidate[data-index][data-rank][data-score][data-answer][data-finish] in rank
// order, .ranking-method, .backend-badge.simulated, #cancel and the candidates' action buttons.
import type { FrameLocator, Locator, Page } from "playwright-core";

export type SolveStatus = "idle" | "running" | "complete" | "cancelled" | "failed";

export interface CandidateAttributes {
  index: number;
  rank: number;
  /** NaN when the candidate has no score (no reward model, or not scored yet). */
  score: number;
  answer: string;
  finish: string;
  /** The rendered solution's text, as the user reads it. */
  solutionText: string;
}

/** Solving 8 candidates through the simulator, scoring and grading them on a busy 2-core machine. */
const SOLVE_MS = 90_000;

export class SolvePanel {
  constructor(
    readonly frame: FrameLocator,
    private readonly page: Page,
  ) {}

  status(): Locator {
    return this.frame.locator("#status");
  }

  /**
   * Waits for the panel's status, but fails at once with the message when the extension shows an error
   * notification instead (a failed command never updates the panel, so waiting on would only time out).
   */
  async waitForStatus(status: SolveStatus, timeoutMs = SOLVE_MS): Promise<void> {
    const errorToast = this.page
      .locator(".notifications-toasts .notification-toast", { hasText: "AceMath" })
      .filter({ has: this.page.locator(".codicon-error") })
      .first();
    const errorText = errorToast.waitFor({ timeout: timeoutMs }).then(
      () => errorToast.innerText(),
      () => undefined,
    );
    await Promise.race([
      this.frame
        .locator(`#status[data-status="${status}"]`)
        .waitFor({ state: "attached", timeout: timeoutMs }),
      errorText.then((text) => {
        if (text === undefined) return new Promise<never>(() => {});
        throw new Error(`the extension reported an error before the panel was "${status}":\n${text}`);
      }),
    ]);
  }

  candidates(): Locator {
    return this.frame.locator(".candidate");
  }

  /** The top-ranked candidate's button for `action` (insert-answer, insert-solution, copy-latex). */
  topCandidateButton(action: string): Locator {
    return this.candidates().first().locator(`button[data-action="${action}"]`);
  }

  /** Every candidate's data attributes, in DOM order (which is rank order). */
  async candidateAttributes(): Promise<CandidateAttributes[]> {
    return this.candidates().evaluateAll((elements) =>
      elements.map((element) => {
        const data = (element as HTMLElement).dataset;
        return {
          index: Number(data.index),
          rank: Number(data.rank),
          score: data.score === undefined || data.score === "" ? NaN : Number(data.score),
          answer: data.answer ?? "",
          finish: data.finish ?? "",
          solutionText: element.querySelector(".solution")?.textContent ?? "",
        };
      }),
    );
  }
}
