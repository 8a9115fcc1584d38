// Issue #9: a notebook answer cell keeps its solve (candidates, scores, the chosen one) in its metadata,
// bounded, and reading it back from a shared notebook accepts only that shape, whatever the file holds.
// Real candidates: math_cot_100 (8 Qwen2.5-Math solutions with Qwen2.5-Math-RM-72B scores).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import {
  CELL_METADATA_LIMITS,
  CUT_MARK,
  decodeCellMetadata,
  encodeCellMetadata,
  readCellMetadata,
  stateFromCellMetadata,
  summarizeCell,
  withCellMetadata,
} from "../../../src/extension/notebook/cellMetadata";
import { cellStatusText } from "../../../src/extension/notebook/cellStatusText";

interface Sample {
  idx: number;
  question: string;
  code: string[];
  pred: string[];
  pred_score: number[][];
}

const SAMPLES = readFileSync(join(__dirname, "../../fixtures/eval/math_cot_100.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Sample);

/** A finished solve of a sample: candidates, scores, answers grouped by equal text, best score first. */
function solvedState(sample: Sample): SolveState {
  const candidates = sample.code.map((text, index) => ({
    index,
    text,
    finishReason: "stop" as const,
    answer: sample.pred[index] ?? null,
    score: sample.pred_score[index]?.[0] ?? null,
  }));
  const byAnswer = new Map<string, number[]>();
  for (const c of candidates)
    byAnswer.set(c.answer ?? "", [...(byAnswer.get(c.answer ?? "") ?? []), c.index]);
  return {
    ...emptySolveState(),
    status: "complete",
    problem: sample.question,
    n: candidates.length,
    scoreKind: "raw",
    rankingMethod: "reward",
    candidates,
    order: [...candidates].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).map((c) => c.index),
    groups: [...byAnswer].map(([answer, members]) => ({
      answer,
      members,
      bestScore: Math.max(...members.map((m) => candidates[m]?.score ?? -Infinity)),
    })),
  };
}

/** A sample whose candidates disagree, so that agreement is not trivially 8/8. */
const MIXED = SAMPLES.find((s) => new Set(s.pred).size > 1) ?? assert.fail("a sample with mixed answers");

describe("notebook cell metadata: encode and decode", () => {
  it("a real solve round-trips through the ipynb cell shape (metadata.metadata.acemath)", () => {
    const state = solvedState(MIXED);
    const ours = encodeCellMetadata("run-1", state, state.order[0] ?? 0, 1_700_000_000_000);
    const cellMetadata = withCellMetadata({ id: "cell-7", metadata: { tags: ["keep"] } }, ours);
    assert.deepEqual(
      (cellMetadata.metadata as { tags: string[] }).tags,
      ["keep"],
      "the cell's own metadata stays",
    );
    const stored = JSON.parse(JSON.stringify(cellMetadata)) as unknown; // as the .ipynb file holds it
    const back = readCellMetadata(stored);
    assert.deepEqual(back, ours);
    const restored = stateFromCellMetadata(back ?? assert.fail("decoded"));
    assert.equal(restored.problem, MIXED.question);
    assert.deepEqual(
      restored.candidates.map((c) => [c.index, c.answer, c.score]),
      state.candidates.map((c) => [c.index, c.answer, c.score]),
    );
    assert.deepEqual(restored.order[0], state.order[0], "the best-scored candidate is first again");
    assert.equal(restored.status, "complete");
  });

  it("the models are named, their servers are not written into the notebook", () => {
    const state = solvedState(SAMPLES[3]!);
    state.policy = { url: "http://10.1.2.3:8000/v1", model: "nvidia/AceMath-7B-Instruct", simulated: false };
    state.reward = { url: "http://10.1.2.3:8001", model: "nvidia/AceMath-7B-RM", simulated: false };
    const ours = encodeCellMetadata("run-m", state, 0, 0);
    assert.ok(!JSON.stringify(ours).includes("10.1.2.3"), "no server address in the notebook");
    const restored = stateFromCellMetadata(
      decodeCellMetadata(JSON.parse(JSON.stringify(ours))) ?? assert.fail(),
    );
    assert.equal(restored.policy?.model, "nvidia/AceMath-7B-Instruct");
    assert.equal(restored.reward?.model, "nvidia/AceMath-7B-RM");
    assert.equal(restored.reward?.url, "(saved in the notebook)");
    assert.equal(restored.reward?.simulated, false);
  });

  it("metadata at the top level (another notebook type) is read too", () => {
    const ours = encodeCellMetadata("run-2", solvedState(SAMPLES[0]!), 0, 0);
    assert.deepEqual(readCellMetadata({ acemath: ours }), ours);
  });

  it("the summary names the chosen answer, its score and how many candidates agree", () => {
    const state = solvedState(MIXED);
    const chosen = state.order[0] ?? 0;
    const summary = summarizeCell(encodeCellMetadata("run-3", state, chosen, 0));
    const answer = MIXED.pred[chosen] ?? null;
    assert.equal(summary.answer, answer);
    assert.equal(summary.score, MIXED.pred_score[chosen]?.[0]);
    assert.equal(summary.agreeing, MIXED.pred.filter((p) => p === answer).length);
    assert.equal(summary.total, 8);
  });

  it("the status text: answer, score to two places, agreement; the answer cannot draw icons", () => {
    const state = solvedState(SAMPLES[0]!);
    state.candidates[0] = { ...state.candidates[0]!, answer: "$(bug) 42", score: 3.14159 };
    state.groups = [{ answer: "$(bug) 42", members: [0, 1, 2], bestScore: 3.14159 }];
    const { label, tooltip } = cellStatusText(encodeCellMetadata("run-4", state, 0, 0));
    assert.equal(label, "$(sparkle) AceMath: $\u200b(bug) 42 · score 3.14 · 3/8 agree");
    assert.match(tooltip, /reward score 3\.14; 3 of 8 candidates agree/);
  });

  it("a huge solve is cut to the bounds, each cut visible", () => {
    const state = solvedState(SAMPLES[1]!);
    state.candidates = state.candidates.map((c) => ({ ...c, text: "step ".repeat(100_000) }));
    state.problem = "p".repeat(50_000);
    const ours = encodeCellMetadata("run-5", state, 0, 0);
    const total = ours.candidates.reduce((sum, c) => sum + c.text.length, 0);
    assert.ok(total <= CELL_METADATA_LIMITS.textChars, `${total} characters of text`);
    assert.ok(ours.candidates.every((c) => c.text.endsWith(CUT_MARK)));
    assert.ok(ours.problem.length <= CELL_METADATA_LIMITS.problemChars && ours.problem.endsWith(CUT_MARK));
    assert.deepEqual(decodeCellMetadata(JSON.parse(JSON.stringify(ours))), ours, "what we write, we read");
  });
});

describe("notebook cell metadata: hostile or foreign input is refused, never thrown on", () => {
  const valid = () =>
    JSON.parse(JSON.stringify(encodeCellMetadata("run-6", solvedState(SAMPLES[2]!), 0, 0))) as Record<
      string,
      unknown
    >;
  const cases: [string, unknown][] = [
    ["null", null],
    ["a string", "acemath"],
    ["an array", [1, 2, 3]],
    ["another version", { ...valid(), version: 2 }],
    ["no id", { ...valid(), id: "" }],
    ["a problem that is not text", { ...valid(), problem: { toString: "x" } }],
    ["a negative chosen index", { ...valid(), chosen: -1 }],
    ["a fractional chosen index", { ...valid(), chosen: 0.5 }],
    ["candidates that are not a list", { ...valid(), candidates: { length: 1e9 } }],
    [
      "a million candidates (refused before reading them)",
      { ...valid(), candidates: new Array(1_000_000).fill(0) },
    ],
    [
      "a candidate with a NaN score",
      { ...valid(), candidates: [{ index: 0, text: "t", answer: "1", score: NaN }] },
    ],
    [
      "a candidate with an infinite score",
      { ...valid(), candidates: [{ index: 0, text: "t", answer: "1", score: Number.POSITIVE_INFINITY }] },
    ],
    [
      "a candidate whose text is a number",
      { ...valid(), candidates: [{ index: 0, text: 5, answer: "1", score: 1 }] },
    ],
    [
      "two candidates with one index",
      { ...valid(), candidates: [0, 0].map((index) => ({ index, text: "t", answer: null, score: null })) },
    ],
    [
      "too much text",
      { ...valid(), candidates: [{ index: 0, text: "x".repeat(300_000), answer: null, score: null }] },
    ],
    ["a group with a bad member", { ...valid(), groups: [{ answer: "1", members: ["0"] }] }],
    [
      "an answer longer than any answer",
      { ...valid(), groups: [{ answer: "x".repeat(5000), members: [0] }] },
    ],
  ];
  for (const [name, value] of cases) {
    it(name, () => {
      assert.equal(decodeCellMetadata(value), null);
      assert.equal(readCellMetadata({ metadata: { acemath: value } }), null);
    });
  }

  it("unknown ranking and score kinds become null, the rest is kept", () => {
    const decoded = decodeCellMetadata({ ...valid(), rankingMethod: "<script>", scoreKind: 7 });
    assert.equal(decoded?.rankingMethod, null);
    assert.equal(decoded?.scoreKind, null);
    assert.equal(decoded?.candidates.length, 8);
  });

  it("a cell with no acemath metadata, or none at all", () => {
    assert.equal(readCellMetadata(undefined), null);
    assert.equal(readCellMetadata({ metadata: { tags: [] } }), null);
  });
});
