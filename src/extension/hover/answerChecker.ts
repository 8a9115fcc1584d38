/**
 * Shared by the hover and the "Check Answer" command: finds the written answer at a position,
 * computes (and caches) its symbolic verdict, and holds the model verdicts a check produced.
 * The grading worker is the extension's one worker (it starts on first use, not at activation), so a
 * hover never starts a second CAS beside the one that groups a solve's answers.
 */
import vscode = require("vscode");
import type { CachedVerdicts, CheckCache, CheckTarget, ModelVerdict, SymbolicResult } from "../../core/check";
import type { Grader } from "../../core/grading";
import { lazy } from "../lazy";
import { checkSourceOf } from "./documentSource";

/** Per pair of expressions; the hover waits for at most a few of these. */
const SYMBOLIC_TIMEOUT_MS = 1500;

export class AnswerChecker implements vscode.Disposable {
  private verdicts: CheckCache | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a check with the model added a verdict for an answer in this document. */
  readonly onDidCheck = this.changed.event;

  constructor(private readonly sharedGrader: () => Grader) {}

  /** Made on first use: the check core is loaded by the first hover or check, not at activation. */
  get cache(): CheckCache {
    return (this.verdicts ??= new (lazy().CheckCache)());
  }

  get equivalence(): Grader {
    return this.sharedGrader();
  }

  async targetAt(document: vscode.TextDocument, offset: number): Promise<CheckTarget | null> {
    return lazy().checkTargetAt(await checkSourceOf(document), offset);
  }

  async symbolic(target: CheckTarget): Promise<SymbolicResult> {
    const cached = this.cached(target)?.symbolic;
    if (cached) return cached;
    const grader = this.equivalence;
    const bounded = {
      isEquivalent: (a: string, b: string) => grader.isEquivalent(a, b, { timeoutMs: SYMBOLIC_TIMEOUT_MS }),
    };
    const result = await lazy().verifyAnswer(
      { problem: target.problemText, answer: target.answerExpanded },
      bounded,
    );
    this.cache.update(target.problemText, target.answerExpanded, { symbolic: result });
    return result;
  }

  cached(target: CheckTarget): CachedVerdicts | undefined {
    return this.cache.get(target.problemText, target.answerExpanded);
  }

  recordModelVerdict(uri: vscode.Uri, target: CheckTarget, model: ModelVerdict): void {
    this.cache.update(target.problemText, target.answerExpanded, { model });
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
