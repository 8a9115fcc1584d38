// The panel's step marks (issue #10): one mark per step coloured by its check, the first error outlined and
// named, tooltips as text, the model-signal toggles posting their message, and no marks on a changed text.
import { strict as assert } from "node:assert";
import type { CandidateSteps, FromWebview } from "../../../src/contract/webviewMessages";
import type { SolveEvent } from "../../../src/core/solve/events";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import { applyMessage, isToWebview, startsOver } from "../../../src/webview/state/messages";
import { bindActions } from "../../../src/webview/view/actions";
import { emptyDirty } from "../../../src/webview/view/dirty";
import { Panel } from "../../../src/webview/view/panel";
import { MAX_MARKS, stepTooltip, suspectStep } from "../../../src/webview/view/stepMarks";
import { installDom } from "./dom";
import { POLICY, REWARD } from "./solveFixture";

const TEXT = "There are $17$ rows of $4$.\n\nSo $17 \\times 4 = 78$.\n\nThe answer is $\\boxed{78}$.";

function steps(overrides: Partial<CandidateSteps> = {}): CandidateSteps {
  return {
    index: 0,
    textLength: TEXT.length,
    steps: [
      {
        line: 1,
        verdict: "unchecked",
        reason: "no relation to check",
        excerpt: "There are $17$ rows of $4$.",
      },
      {
        line: 3,
        verdict: "refuted",
        reason: "17 × 4 = 78 is false; 17 × 4 = 68",
        excerpt: "So $17 \\times 4 = 78$.",
      },
      {
        line: 5,
        verdict: "unchecked",
        reason: "no relation to check",
        excerpt: "The answer is $\\boxed{78}$.",
      },
    ],
    firstError: 1,
    available: ["prm", "prefix"],
    ...overrides,
  };
}

describe("panel step marks", () => {
  let uninstall: () => void;
  let state: SolveState;
  let panel: Panel;
  let root: HTMLElement;
  const posted: FromWebview[] = [];

  beforeEach(() => {
    ({ uninstall } = installDom());
    root = document.getElementById("app")!;
    panel = new Panel(root);
    bindActions(root, (m) => posted.push(m));
    posted.length = 0;
    state = emptySolveState();
    const dirty = emptyDirty();
    const events: SolveEvent[] = [
      { type: "started", problem: "p", n: 1, policy: POLICY, reward: REWARD },
      { type: "delta", index: 0, text: TEXT },
      { type: "finished", index: 0, finishReason: "stop", answer: "78" },
    ];
    state = applyMessage(state, { type: "events", events }, dirty);
    panel.render(state, dirty, { now: () => 0, frameBudgetMs: 1e9, maxHtmlCharsPerFrame: Infinity });
  });
  afterEach(() => uninstall());

  it("a 'steps' message is a valid message that leaves the solve state alone", () => {
    const message = { type: "steps", steps: steps() };
    assert.ok(isToWebview(message));
    assert.equal(applyMessage(state, message as never, emptyDirty()), state);
  });

  it("one mark per step by verdict, the first error outlined, its tooltip and the summary in words", () => {
    panel.setSteps(steps(), state);
    const marks = [...root.querySelectorAll(".candidate .step-marks .step-mark")];
    assert.deepEqual(
      marks.map((m) => m.getAttribute("data-verdict")),
      ["unchecked", "refuted", "unchecked"],
    );
    const first = root.querySelector(".step-mark.first-error");
    assert.equal(first?.textContent, "2");
    assert.equal(first?.getAttribute("title")?.split("\n")[0], "refuted: 17 × 4 = 78 is false; 17 × 4 = 68");
    assert.equal(
      root.querySelector(".step-summary")?.textContent,
      "First error: step 2 (line 3): 17 × 4 = 78 is false; 17 × 4 = 68",
    );
    const strip = root.querySelector(".step-marks");
    assert.equal(
      strip?.nextElementSibling?.className,
      "model-output-caption",
      "outside the model output box",
    );
  });

  it("model text in reasons stays text", () => {
    const hostile = steps();
    hostile.steps[1] = { ...hostile.steps[1]!, reason: "<img src=x onerror=alert(1)>" };
    panel.setSteps(hostile, state);
    assert.equal(root.querySelector(".step-marks img"), null);
    assert.match(root.querySelector(".step-summary")?.textContent ?? "", /<img src=x/);
  });

  it("the toggles post stepSignal for this candidate; a shown PRM signal adds values and names the suspect step", () => {
    panel.setSteps(steps(), state);
    (root.querySelector('button[data-action="step-signal"][data-kind="prm"]') as HTMLElement).click();
    (root.querySelector('button[data-action="step-signal"][data-kind="prefix"]') as HTMLElement).click();
    assert.deepEqual(posted, [
      { type: "stepSignal", index: 0, kind: "prm" },
      { type: "stepSignal", index: 0, kind: "prefix" },
    ]);
    panel.setSteps(
      steps({ signal: { kind: "prm", values: [0.91, 0.06, 0.88], note: "Process reward model." } }),
      state,
    );
    assert.deepEqual(
      [...root.querySelectorAll(".step-signal")].map((e) => e.textContent),
      ["0.91", "0.06", "0.88"],
    );
    assert.equal(root.querySelector(".step-mark.signal-suspect")?.textContent?.startsWith("2"), true);
    assert.equal(root.querySelector('button[data-kind="prm"]')?.getAttribute("aria-pressed"), "true");
    assert.match(root.querySelector(".step-signal-note")?.textContent ?? "", /Suspect step: 2\./);
  });

  it("steps that arrive before their card is drawn are drawn with the card", () => {
    const dirty = emptyDirty();
    const events: SolveEvent[] = [
      { type: "delta", index: 1, text: TEXT },
      { type: "finished", index: 1, finishReason: "stop", answer: "78" },
    ];
    const fresh = applyMessage({ ...state, n: 2 }, { type: "events", events }, dirty);
    panel.setSteps(steps({ index: 1 }), fresh);
    assert.equal(root.querySelector('.candidate[data-index="1"]'), null, "no card yet");
    panel.render(fresh, dirty, { now: () => 0, frameBudgetMs: 1e9, maxHtmlCharsPerFrame: Infinity });
    assert.ok(root.querySelector('.candidate[data-index="1"] .step-marks .step-mark.first-error'));
  });

  it("marks computed for another text (an older solve) are not drawn; a new solve's start clears them", () => {
    panel.setSteps(steps({ textLength: TEXT.length + 1 }), state);
    assert.equal(root.querySelector(".step-marks"), null);
    panel.setSteps(steps(), state);
    assert.ok(root.querySelector(".step-marks"));
    const restart: SolveEvent = { type: "started", problem: "p", n: 1, policy: POLICY, reward: REWARD };
    assert.equal(startsOver({ type: "events", events: [restart] }), true);
    assert.equal(startsOver({ type: "events", events: [{ type: "delta", index: 0, text: "x" }] }), false);
    panel.clearSteps();
    const dirty = emptyDirty();
    const next = applyMessage(
      state,
      { type: "events", events: [restart, { type: "delta", index: 0, text: TEXT }] },
      dirty,
    );
    panel.render(next, dirty, { now: () => 0, frameBudgetMs: 1e9, maxHtmlCharsPerFrame: Infinity });
    assert.equal(root.querySelector(".step-marks"), null, "the old marks are not drawn on the new card");
  });

  it(`at most ${MAX_MARKS} marks, the rest counted`, () => {
    const many = steps({
      steps: Array.from({ length: MAX_MARKS + 5 }, (_, k) => ({
        line: k + 1,
        verdict: "verified" as const,
        reason: "ok",
        excerpt: "x",
      })),
      firstError: null,
    });
    panel.setSteps(many, state);
    assert.equal(root.querySelectorAll(".step-mark").length, MAX_MARKS);
    assert.equal(root.querySelector(".step-more")?.textContent, "+5 more");
    assert.match(
      root.querySelector(".step-summary")?.textContent ?? "",
      /No step refuted: 85 of 85 verified/,
    );
  });

  it("suspect step: a PRM's least likely step below one half; the prefix score's sharpest drop", () => {
    assert.equal(suspectStep({ kind: "prm", values: [0.9, 0.8, 0.7], note: "" }), null);
    assert.equal(suspectStep({ kind: "prm", values: [0.9, 0.2, 0.1], note: "" }), 2);
    assert.equal(suspectStep({ kind: "prefix", values: [2, 2.5, -1, -1.5], note: "" }), 2);
    assert.equal(suspectStep({ kind: "prefix", values: [1, 2, 3], note: "" }), null);
    assert.match(
      stepTooltip(steps().steps[1]!, 1, { kind: "prefix", values: [1, -2], note: "" }),
      /prefix score: -2\.00$/,
    );
  });
});
