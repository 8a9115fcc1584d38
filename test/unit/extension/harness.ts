/**
 * Shared pieces of the extension-layer tests: the fake's objects seen as `vscode` types, a policy
 * backend the test releases by hand, and the panel's messages folded the way the webview folds them.
 */
import type { ChoiceChunk, GenerationRequest, PolicyBackend } from "../../../src/core/backend/ports";
import type { SolveRequest } from "../../../src/core/solve/request";
import { applySolveEvent, emptySolveState, type SolveState } from "../../../src/core/solve/state";
import type { ToWebview } from "../../../src/contract/webviewMessages";
import { FocusTracker } from "../../../src/extension/solve/focusTracker";
import { resolveSolveTarget, type SolveTarget } from "../../../src/extension/solve/target";

/** The fake implements the parts of the `vscode` types that the extension layer uses. */
export const asVscode = <T>(value: unknown) => value as T;

/** What "AceMath: Solve" would solve now (the focused editor of the fake window). */
export async function targetFromFocus(): Promise<SolveTarget | null> {
  const focus = new FocusTracker();
  try {
    return await resolveSolveTarget(undefined, focus);
  } finally {
    focus.dispose();
  }
}

/** Waits (polling) until `check` holds; fails with `what` after a generous limit. Not a timing assertion. */
export async function waitFor(what: string, check: () => boolean, limitMs = 5000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function solveRequest(problem: string, n = 2): SolveRequest {
  return {
    problem,
    n,
    temperature: 0.7,
    topP: 0.8,
    maxTokens: 512,
    seed: 1,
    policyModel: null,
    rewardModel: null,
  };
}

/**
 * A policy server that sends `firstPiece` for every candidate, then holds until the test calls
 * `release()` (each candidate then ends with `\boxed{answer}`) or the solve's signal aborts.
 */
export class HeldPolicy implements PolicyBackend {
  readonly baseUrl = "http://policy.test/v1";
  readonly signals: AbortSignal[] = [];
  private releaseHeld: () => void = () => undefined;

  constructor(
    private readonly firstPiece: string,
    private readonly answer: string,
  ) {}

  listModels() {
    return Promise.resolve([{ id: "acemath-test", ownedBy: null, maxModelLen: null }]);
  }

  release(): void {
    this.releaseHeld();
  }

  async *generate(request: GenerationRequest, signal: AbortSignal): AsyncIterable<ChoiceChunk> {
    this.signals.push(signal);
    for (let index = 0; index < request.n; index++)
      yield { index, content: this.firstPiece, finishReason: null };
    await new Promise<void>((resolve) => {
      this.releaseHeld = resolve;
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
    if (signal.aborted) return; // as the adapters do: an aborted stream just ends
    for (let index = 0; index < request.n; index++)
      yield { index, content: ` so \\boxed{${this.answer}}`, finishReason: "stop" };
  }
}

/** What a webview that folds every message it was posted would show (src/webview/state does the same). */
export function foldPosted(posted: readonly unknown[]): SolveState {
  let state = emptySolveState();
  for (const message of posted as ToWebview[]) {
    if (message.type === "snapshot") state = structuredClone(message.state);
    else if (message.type === "events") message.events.forEach((event) => applySolveEvent(state, event));
    else if (message.type !== "steps")
      throw new Error(`the panel posted a message the webview does not expect: ${JSON.stringify(message)}`);
  }
  return state;
}

export const postedTypes = (posted: readonly unknown[]) => (posted as ToWebview[]).map((m) => m.type);
