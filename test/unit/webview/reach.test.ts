import { strict as assert } from "node:assert";
import { reachOf, shownDepth } from "../../../src/webview/view/reach";

/** A 900 px viewport, chunks rendered 600 px ahead (the panel's observer's margin). */
const reach = (rect: [number, number], clip?: [number, number]) =>
  reachOf({ top: rect[0], bottom: rect[1] }, clip && { top: clip[0], bottom: clip[1] }, 900, 600);

describe("reachOf: on screen or near it, from a layout", () => {
  it("a chunk inside the viewport and its box is on screen", () => {
    assert.deepEqual(reach([100, 300], [50, 400]), { visible: true, onScreen: true });
  });

  it("a chunk below the viewport but within the margin is near, not on screen", () => {
    assert.deepEqual(reach([950, 1200]), { visible: true, onScreen: false });
    assert.deepEqual(reach([-400, -10]), { visible: true, onScreen: false });
  });

  it("a chunk beyond the margin is neither", () => {
    assert.deepEqual(reach([1600, 1800]), { visible: false, onScreen: false });
  });

  it("a chunk scrolled out of its box is neither, even inside the viewport", () => {
    assert.deepEqual(reach([500, 700], [100, 450]), { visible: false, onScreen: false });
  });

  it("only the part its box shows counts: a box that ends above the viewport's bottom hides the rest", () => {
    // The chunk reaches into the viewport only below its box's end: what shows is above the viewport.
    assert.deepEqual(reach([-200, 300], [-500, -20]), { visible: true, onScreen: false });
    assert.deepEqual(reach([850, 1300], [400, 880]), { visible: true, onScreen: true });
  });

  it("touching the viewport's edge is not on screen", () => {
    assert.deepEqual(reach([900, 1000]), { visible: true, onScreen: false });
    assert.deepEqual(reach([-100, 0]), { visible: true, onScreen: false });
  });
});

describe("shownDepth: how far down from its top an element shows on screen", () => {
  const depth = (rect: [number, number], clip?: [number, number]) =>
    shownDepth({ top: rect[0], bottom: rect[1] }, clip && { top: clip[0], bottom: clip[1] }, 900);

  it("to its bottom where all of it shows, to the viewport's bottom where that cuts it", () => {
    assert.equal(depth([100, 300]), 200);
    assert.equal(depth([785, 1500]), 115);
  });

  it("to its box's bottom where the box cuts it first (a card shows 22em of its solution)", () => {
    assert.equal(depth([371, 1194], [360, 660]), 289);
  });

  it("counted from its top, even when the top is above the viewport or its box", () => {
    assert.equal(depth([-200, 400]), 600);
    assert.equal(depth([100, 900], [300, 500]), 400);
  });

  it("0 where nothing of it shows", () => {
    assert.equal(depth([950, 1200]), 0);
    assert.equal(depth([500, 700], [100, 450]), 0);
    assert.equal(depth([-300, -10]), 0);
  });
});
