import assert from "node:assert/strict";
import { isFromSidePanel, isToSidePanel } from "../../../src/contract/sidePanelMessages";

describe("side panel contract: the extension validates every message from the view", () => {
  const valid: unknown[] = [
    { type: "ready" },
    { type: "exportJudgements" },
    { type: "pin", pinned: true },
    { type: "pin", pinned: false },
    { type: "openHistory", id: "h-1" },
    { type: "accept", key: "latest", index: 0 },
    { type: "judge", key: "latest", a: 3, b: 0, verdict: "A" },
    { type: "judge", key: "h-2", a: 0, b: 7, verdict: "both-wrong" },
    { type: "judge", key: "h-2", a: 0, b: 7, verdict: "tie" },
  ];
  const invalid: [string, unknown][] = [
    ["null", null],
    ["a string", "ready"],
    ["an unknown type", { type: "insertAnswer", index: 0 }],
    ["pin without a boolean", { type: "pin", pinned: "yes" }],
    ["an empty history id", { type: "openHistory", id: "" }],
    ["a huge history id", { type: "openHistory", id: "x".repeat(201) }],
    ["a negative index", { type: "accept", key: "latest", index: -1 }],
    ["a fractional index", { type: "accept", key: "latest", index: 1.5 }],
    ["an index as a string", { type: "accept", key: "latest", index: "1" }],
    [
      "a judgement of one candidate against itself",
      { type: "judge", key: "latest", a: 2, b: 2, verdict: "A" },
    ],
    ["an unknown verdict", { type: "judge", key: "latest", a: 0, b: 1, verdict: "C" }],
    ["a judgement without a key", { type: "judge", a: 0, b: 1, verdict: "A" }],
  ];

  for (const message of valid)
    it(`accepts ${JSON.stringify(message)}`, () => assert.equal(isFromSidePanel(message), true));
  for (const [what, message] of invalid)
    it(`refuses ${what}`, () => assert.equal(isFromSidePanel(message), false));

  it("the view refuses messages of another shape", () => {
    assert.equal(
      isToSidePanel({ type: "show", problem: null, source: "latest", pinned: false, note: "" }),
      true,
    );
    assert.equal(isToSidePanel({ type: "show", problem: { key: 1 }, pinned: false }), false);
    assert.equal(isToSidePanel({ type: "snapshot", state: {} }), false);
    assert.equal(isToSidePanel({ type: "history", items: [], bound: 50 }), true);
  });
});
