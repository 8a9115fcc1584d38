/**
 * The panel's step marks: when a candidate finishes, its steps are checked (symbolic, no model) and
 * posted; when the user asks, a model signal is added: the process reward model's probability per
 * step (`acemath.prm.*`), or the outcome RM's scores of the solution's prefixes (a heuristic, one
 * batched request). Results belong to one solve: a newer solve drops late answers.
 */
import type { CandidateSteps, StepSignalKind } from "../../contract/webviewMessages";
import type { RewardBackend } from "../../core/backend/ports";
import type { SolveState } from "../../core/solve/state";
import type { StepCheck } from "../../core/steps/check";
import type { PrmRewardBackend } from "../../backends/http/prmReward";
import { readPrmSettings, readTimeoutSettings } from "../config";
import { lazy } from "../lazy";
import { log } from "../log";
import { candidateSteps, MAX_CHECKED_CHARS, SIGNAL_NOTES, worthShowing } from "./panelSteps";
import { prefixScores } from "./prefixScores";

interface Checked {
  text: string;
  checks: readonly StepCheck[];
  steps: CandidateSteps;
}

export class CandidateStepService {
  private solve: SolveState | null = null;
  private readonly checked = new Map<number, Checked>();
  private prm: { key: string; backend: PrmRewardBackend } | null = null;

  constructor(
    private readonly post: (steps: CandidateSteps) => void,
    /** The PRM's API key (SecretStorage: its own, else the shared one); null: none. */
    private readonly prmApiKey: () => Promise<string | null> = async () => null,
  ) {}

  /** A candidate ended on its own: check its steps (after the current event, so the stream goes on first). */
  finished(state: SolveState, index: number, reward: RewardBackend | null): void {
    if (this.solve !== state) {
      this.solve = state;
      this.checked.clear();
    }
    setTimeout(() => {
      const candidate = state.candidates.find((c) => c.index === index);
      if (this.solve !== state || !candidate || candidate.text.length > MAX_CHECKED_CHARS) return;
      try {
        const checks = lazy().checkSteps(candidate.text);
        const steps = candidateSteps(index, candidate.text, this.available(reward, state), checks);
        this.checked.set(index, { text: candidate.text, checks, steps });
        if (worthShowing(steps)) this.post(steps);
      } catch (error) {
        log().warn(`Step checks of candidate ${index + 1} failed: ${String(error)}`);
      }
    }, 0);
  }

  /** What was posted for `state`'s candidates, to send again to a page that (re)loaded and missed it. */
  current(state: SolveState): CandidateSteps[] {
    if (this.solve !== state) return [];
    return [...this.checked.values()].map((c) => c.steps).filter(worthShowing);
  }

  /** The toggle: score the candidate's steps with `kind`, or hide the signal when it is already shown. */
  async signal(
    state: SolveState,
    index: number,
    kind: StepSignalKind,
    reward: RewardBackend | null,
  ): Promise<void> {
    const found = this.checked.get(index);
    if (this.solve !== state || !found) return;
    if (found.steps.signal?.kind === kind) return this.update(index, found, undefined);
    let shown: CandidateSteps["signal"];
    try {
      const values = await this.values(state, found, kind, reward);
      shown = { kind, values, note: SIGNAL_NOTES[kind] };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      shown = { kind, values: [], note: SIGNAL_NOTES[kind], error: `Could not score the steps: ${why}` };
    }
    if (this.solve === state) this.update(index, found, shown);
  }

  private update(index: number, found: Checked, signal: CandidateSteps["signal"]): void {
    const { signal: _old, ...rest } = found.steps;
    found.steps = signal ? { ...rest, signal } : rest;
    this.checked.set(index, found);
    this.post(found.steps);
  }

  private async values(
    state: SolveState,
    found: Checked,
    kind: StepSignalKind,
    reward: RewardBackend | null,
  ): Promise<Array<number | null>> {
    const signal = AbortSignal.timeout(120_000);
    if (kind === "prm") {
      const prm = await this.prmBackend();
      if (!prm) throw new Error("no process reward model is configured (acemath.prm.baseUrl)");
      return prm.scoreSteps(
        state.problem,
        found.checks.map((c) => c.step.text),
        signal,
      );
    }
    const model = state.reward?.model;
    if (!reward || !model) throw new Error("no reward model took part in this solve");
    const ends = found.checks.map((c) => c.step.end);
    return prefixScores(reward, model, state.problem, found.text, ends, signal);
  }

  private available(reward: RewardBackend | null, state: SolveState): StepSignalKind[] {
    const kinds: StepSignalKind[] = [];
    if (readPrmSettings()) kinds.push("prm");
    if (reward && state.reward) kinds.push("prefix");
    return kinds;
  }

  /** One client per PRM endpoint, model and key, made again when one of them changes. */
  private async prmBackend(): Promise<PrmRewardBackend | null> {
    const settings = readPrmSettings();
    if (!settings) return null;
    const apiKey = await this.prmApiKey();
    const key = `${settings.baseUrl}\u0000${settings.model ?? ""}\u0000${apiKey ?? ""}`;
    if (this.prm?.key !== key) {
      const backend = new (lazy().PrmRewardBackend)({
        ...settings,
        apiKey,
        timeouts: readTimeoutSettings(),
      });
      this.prm = { key, backend };
    }
    return this.prm.backend;
  }
}
