import * as assert from "node:assert/strict";
import { join } from "node:path";
import { resolveWorkerScript } from "../../../src/backends/grading";

describe("grading: worker script discovery", () => {
  const dir = "/opt/ext/dist";
  const only =
    (...present: string[]) =>
    (p: string) =>
      present.includes(p);

  it("uses the bundled sibling gradeWorker.js first", () => {
    const launch = resolveWorkerScript(
      undefined,
      dir,
      only(join(dir, "gradeWorker.js"), join(dir, "worker.ts")),
    );
    assert.deepEqual(launch, { script: join(dir, "gradeWorker.js"), fromSource: false });
  });

  it("falls back to worker.ts from source, run through tsx", () => {
    const launch = resolveWorkerScript(undefined, dir, only(join(dir, "worker.ts")));
    assert.deepEqual(launch, { script: join(dir, "worker.ts"), fromSource: true });
  });

  it("prefers an explicit script", () => {
    const launch = resolveWorkerScript(
      "/x/custom.js",
      dir,
      only("/x/custom.js", join(dir, "gradeWorker.js")),
    );
    assert.equal(launch.script, "/x/custom.js");
  });

  it("names the places it looked when nothing is there", () => {
    assert.throws(() => resolveWorkerScript(undefined, dir, only()), /gradeWorker\.js.*worker\.ts/);
  });

  it("finds the source worker when run under mocha from source", () => {
    const launch = resolveWorkerScript(undefined, join(__dirname, "../../../src/backends/grading"));
    assert.equal(launch.fromSource, true);
  });
});
