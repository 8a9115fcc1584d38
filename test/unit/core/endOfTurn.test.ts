import assert from "node:assert/strict";
import { EndOfTurn } from "../../../src/core/util/endOfTurn";

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("EndOfTurn", () => {
  it("runs once after this turn however often it is asked, and again when asked in a later turn", async () => {
    let runs = 0;
    const soon = new EndOfTurn(() => runs++);
    soon.request();
    soon.request();
    soon.request();
    assert.equal(runs, 0, "not within the turn that asked");
    assert.equal(soon.pending, true);
    await nextTurn();
    assert.equal(runs, 1);
    assert.equal(soon.pending, false);
    soon.request();
    await nextTurn();
    assert.equal(runs, 2);
  });
});
