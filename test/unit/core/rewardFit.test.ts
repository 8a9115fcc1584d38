// Fitting reward inputs into the reward model's context before scoring (the pure part; the fault
// matrix runs it against the simulator's smaller reward context).
import assert from "node:assert/strict";
import { fitRewardInputs, type InputCounter } from "../../../src/core/backend/rewardFit";

const short = "x".repeat(30); // estimate 10 tokens
const long = "y".repeat(3000); // estimate 1000 tokens

describe("fitting reward inputs into the reward model's context", () => {
  it("without a known context, every input is sent and nothing is counted", async () => {
    let asked = 0;
    const fit = await fitRewardInputs([short, long], null, async () => (asked++, null));
    assert.deepEqual(fit, { send: [0, 1], tooLong: [] });
    assert.equal(asked, 0);
  });

  it("short inputs are sent without asking the server; long ones are counted exactly", async () => {
    const asked: string[] = [];
    const counter: InputCounter = async (input) => (asked.push(input), { count: 900, exact: true });
    const fit = await fitRewardInputs([short, long, short], 1000, counter);
    assert.deepEqual(fit.send, [0, 1, 2], "900 counted tokens fit 1000, though the estimate did not");
    assert.deepEqual(asked, [long]);
  });

  it("an input over the context is left out with its exact count, the others kept in order", async () => {
    const fit = await fitRewardInputs([long, short, long], 800, async () => ({ count: 950, exact: true }));
    assert.deepEqual(fit.send, [1]);
    assert.deepEqual(
      fit.tooLong.map((t) => t.position),
      [0, 2],
    );
    assert.match(fit.tooLong[0]!.message, /takes 950 tokens, more than the reward model's 800-token context/);
  });

  it("where the server cannot count, the estimate decides and the message says it is one", async () => {
    const fit = await fitRewardInputs([short, long], 600, async () => null);
    assert.deepEqual(fit.send, [0]);
    assert.match(fit.tooLong[0]!.message, /about 1000 tokens \(estimated\)/);
  });
});
