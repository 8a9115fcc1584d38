import assert from "node:assert/strict";
import {
  chooseShown,
  CURSOR_UNSOLVED_NOTE,
  LATEST_KEY,
  NO_SOLVE_NOTE,
} from "../../../src/extension/sidePanel/chooseShown";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import type { HistoryEntryView } from "../../../src/extension/sidePanel/historyPort";
import { loadProblem, solvedState } from "./fixture";

describe("side panel: which solve it shows (follows the cursor, pin)", () => {
  let latest: SolveState;
  let older: SolveState;
  let history: HistoryEntryView[];
  before(async () => {
    latest = await solvedState(loadProblem(70));
    older = await solvedState(loadProblem(98));
    history = [
      { id: "h-2", problem: latest.problem, state: latest, solvedAt: 2000 },
      { id: "h-1", problem: older.problem, state: older, solvedAt: 1000 },
    ];
  });

  it("the problem under the cursor: the latest solve when it is that problem (whitespace aside)", () => {
    const choice = chooseShown({
      pin: null,
      cursorProblem: ` ${latest.problem.replace(/ /g, "\n")} `,
      latest,
      history,
    });
    assert.equal(choice.shown?.key, LATEST_KEY);
    assert.equal(choice.shown?.source, "cursor");
  });

  it("the problem under the cursor: from the history when an older solve has it", () => {
    const choice = chooseShown({ pin: null, cursorProblem: older.problem, latest, history });
    assert.equal(choice.shown?.key, "h-1");
    assert.equal(choice.shown?.source, "cursor");
  });

  it("an unsolved problem under the cursor: the latest solve, saying so", () => {
    const choice = chooseShown({ pin: null, cursorProblem: "What is 1+1?", latest, history });
    assert.equal(choice.shown?.key, LATEST_KEY);
    assert.equal(choice.note, CURSOR_UNSOLVED_NOTE);
  });

  it("a pinned problem stays while the cursor moves to another solved one", () => {
    const choice = chooseShown({
      pin: { kind: "problem", problem: latest.problem },
      cursorProblem: older.problem,
      latest,
      history,
    });
    assert.equal(choice.shown?.key, LATEST_KEY);
  });

  it("a history entry opened from the list stays in view", () => {
    const choice = chooseShown({
      pin: { kind: "entry", id: "h-1" },
      cursorProblem: latest.problem,
      latest,
      history,
    });
    assert.equal(choice.shown?.key, "h-1");
    assert.equal(choice.shown?.source, "history");
  });

  it("after a restart (no latest solve): the newest history entry; with no history, a note", () => {
    const restarted = chooseShown({ pin: null, cursorProblem: null, latest: emptySolveState(), history });
    assert.equal(restarted.shown?.key, "h-2");
    const empty = chooseShown({ pin: null, cursorProblem: null, latest: emptySolveState(), history: [] });
    assert.equal(empty.shown, null);
    assert.equal(empty.note, NO_SOLVE_NOTE);
  });
});
