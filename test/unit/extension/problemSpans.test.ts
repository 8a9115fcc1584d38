// The problem-span tracker across many solves (issue 8: 200 solves without restarting VS Code): one
// document listener for all solves, at most the latest 8 spans kept, and the listener gone on dispose.
// `vscode` is replaced by a small fake that records listeners.
import assert from "node:assert/strict";
import Module from "node:module";

type Listener = (event: unknown) => void;
const listeners = new Set<Listener>();
const fakeVscode = {
  workspace: {
    onDidChangeTextDocument(listener: Listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  },
};

interface Resolver {
  _resolveFilename(request: string, ...rest: unknown[]): string;
}
const resolver = Module as unknown as Resolver;
const originalResolve = resolver._resolveFilename;

function loadTracker(): typeof import("../../../src/extension/solve/problemSpans") {
  resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === "vscode" ? "vscode" : originalResolve.call(this, request, ...rest);
  };
  require.cache.vscode = {
    id: "vscode",
    filename: "vscode",
    loaded: true,
    exports: fakeVscode,
  } as NodeJS.Module;
  try {
    // A plain require, after the fake is in place: a static import would load the real `vscode` first.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("../../../src/extension/solve/problemSpans") as typeof import("../../../src/extension/solve/problemSpans");
  } finally {
    resolver._resolveFilename = originalResolve;
  }
}

const uri = (path: string) => ({ toString: () => `file://${path}` }) as unknown as import("vscode").Uri;

function typeAt(path: string, offset: number, text: string) {
  const event = {
    document: { uri: uri(path) },
    contentChanges: [{ rangeOffset: offset, rangeLength: 0, text }],
  };
  for (const listener of listeners) listener(event);
}

describe("problem spans over many solves", () => {
  const { problemSpans } = loadTracker();
  after(() => {
    problemSpans.dispose();
    delete require.cache.vscode;
  });

  it("200 solves: one listener, the latest spans still follow edits", () => {
    const refs = Array.from({ length: 200 }, (_, i) =>
      problemSpans.track(uri(`/w/${i % 3}.tex`), { start: 100, end: 120 }),
    );
    assert.equal(listeners.size, 1, "one document listener for every solve");
    typeAt(`/w/${199 % 3}.tex`, 0, "abc");
    const latest = refs.at(-1)!;
    assert.equal(latest.current.start, 103, "the latest solve's problem moved down with the typing");
  });

  it("keeps only the latest 8: an old solve's span no longer follows edits (and can be collected)", () => {
    const old = problemSpans.track(uri("/w/old.tex"), { start: 50, end: 60 });
    for (let i = 0; i < 8; i++) problemSpans.track(uri(`/w/new${i}.tex`), { start: 0, end: 1 });
    typeAt("/w/old.tex", 0, "xyz");
    assert.equal(old.current.start, 50, "dropped from the tracker after 8 newer solves");
  });

  it("dispose removes the listener; a later solve starts one again", () => {
    problemSpans.dispose();
    assert.equal(listeners.size, 0);
    problemSpans.track(uri("/w/a.tex"), { start: 0, end: 1 });
    assert.equal(listeners.size, 1);
  });
});
