import assert from "node:assert/strict";
import { ChoiceAccumulator } from "../../../src/core/backend/demux";
import { CandidateStopper } from "../../../src/core/solve/candidateStopper";
import { OutputBudget } from "../../../src/core/solve/outputBudget";

describe("output budget (bounded work per candidate and per solve)", () => {
  it("keeps pieces whole below the candidate limit, and cuts the piece that crosses it", () => {
    const budget = new OutputBudget({ candidateChars: 10, solveChars: 100 });
    assert.deepEqual(budget.admit(0, "abcd"), { kept: "abcd", reached: null });
    assert.deepEqual(budget.admit(0, "efghijkl"), { kept: "efghij", reached: "candidate" });
    assert.deepEqual(
      budget.admit(1, "0123456789"),
      { kept: "0123456789", reached: "candidate" },
      "exactly at the limit reaches it",
    );
  });

  it("counts each candidate separately and the solve as a whole", () => {
    const budget = new OutputBudget({ candidateChars: 8, solveChars: 12 });
    assert.equal(budget.admit(0, "aaaaa").reached, null);
    assert.equal(budget.admit(1, "bbbbb").reached, null);
    assert.deepEqual(budget.admit(2, "cccccc"), { kept: "cc", reached: "solve" });
    assert.deepEqual(budget.admit(0, "a"), { kept: "", reached: "solve" }, "nothing more fits anywhere");
  });

  it("never splits a surrogate pair at the cut", () => {
    const budget = new OutputBudget({ candidateChars: 3, solveChars: 100 });
    const { kept } = budget.admit(0, "ab𝑥c");
    assert.equal(kept, "ab");
  });
});

describe("candidate stopper (which requests to abort)", () => {
  it("aborts a shared n-stream only once every still-open candidate is cut", () => {
    const stopper = new CandidateStopper();
    const shared = stopper.whenAllStopped([0, 1, 2]);
    stopper.candidateCut(1);
    assert.equal(shared.aborted, false, "0 and 2 still stream");
    stopper.candidateFinished(0);
    assert.equal(shared.aborted, false, "2 still streams");
    stopper.candidateCut(2);
    assert.equal(shared.aborted, true);
  });

  it("aborts a shared n-stream when the last uncut candidate finishes (the cut one still streams)", () => {
    const stopper = new CandidateStopper();
    const shared = stopper.whenAllStopped([0, 1]);
    stopper.candidateCut(0);
    assert.equal(shared.aborted, false);
    stopper.candidateFinished(1);
    assert.equal(shared.aborted, true);
  });

  it("never aborts a request whose candidates all finished on their own", () => {
    const stopper = new CandidateStopper();
    const shared = stopper.whenAllStopped([0, 1]);
    stopper.candidateFinished(0);
    stopper.candidateFinished(1);
    assert.equal(shared.aborted, false);
  });

  it("with one request per candidate, aborts just the cut one's", () => {
    const stopper = new CandidateStopper();
    const [a, b] = [stopper.whenAllStopped([0]), stopper.whenAllStopped([1])];
    stopper.candidateCut(1);
    assert.deepEqual([a.aborted, b.aborted], [false, true]);
  });

  it("the solve's limit stops every request, including candidates not seen yet", () => {
    const stopper = new CandidateStopper();
    const [a, b] = [stopper.whenAllStopped([0, 1]), stopper.whenAllStopped([5])];
    stopper.stopEverything();
    assert.deepEqual([a.aborted, b.aborted], [true, true]);
    assert.equal(
      stopper.whenAllStopped([7]).aborted,
      true,
      "a request started afterwards is stopped at once",
    );
  });
});

describe("choice accumulator: indices and repeated finishes", () => {
  const piece = (index: number, content: string, finishReason: "stop" | null = null) => ({
    index,
    content,
    finishReason,
  });

  it("rejects indices outside 0…n−1, however large", () => {
    const choices = new ChoiceAccumulator(3);
    for (const index of [3, 7, 100_000_000]) {
      assert.equal(choices.rejection(piece(index, "ghost")), "out-of-range");
      assert.equal(choices.add(piece(index, "ghost", "stop")), false);
    }
    assert.deepEqual(choices.indices(), []);
  });

  it("takes a choice's first finish only; text after it or after a cut is rejected", () => {
    const choices = new ChoiceAccumulator(2);
    assert.equal(choices.add(piece(0, "\\boxed{1}", "stop")), true);
    assert.equal(choices.rejection(piece(0, " again", "stop")), "after-finish");
    assert.equal(choices.add(piece(0, " again", "stop")), false);
    assert.equal(choices.text(0), "\\boxed{1}");
    choices.add(piece(1, "long"));
    choices.cut(1);
    assert.equal(choices.rejection(piece(1, "more")), "after-cut");
    assert.equal(choices.finishReason(1), "client-limit");
    assert.deepEqual(choices.unfinished(), []);
  });
});
