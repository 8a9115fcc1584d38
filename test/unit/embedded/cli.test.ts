import * as assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SolveJson } from "../../../src/cli/solveOutput";
import { writeTinyModel } from "../../support/gguf/tinyModel";
import { runCli } from "../cli/cliHarness";

describe("acemath solve --gguf: the embedded engine from the CLI", function () {
  this.timeout(120000);
  let dir: string;
  let model: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "acemath-gguf-cli-"));
    model = join(dir, "tiny.gguf");
    writeTinyModel(model);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("says the engine was embedded, names the model file, and ranks without a reward model", async () => {
    const run = await runCli([
      "solve",
      "--json",
      "--gguf",
      model,
      "--n",
      "3",
      "--max-tokens",
      "8",
      "--seed",
      "1",
      "What is 2+2?",
    ]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as SolveJson;
    assert.equal(result.policy?.engine, "embedded");
    assert.equal(result.policy?.model, "tiny.gguf");
    assert.equal(result.policy?.url, `embedded:${model}`);
    assert.equal(result.reward, null);
    assert.equal(result.rankingMethod, "majority");
    assert.equal(result.candidates.length, 3);
    for (const candidate of result.candidates) {
      assert.equal(candidate.score, null);
      if (candidate.finishReason === "length")
        assert.ok(typeof candidate.meanLogprob === "number" && candidate.meanLogprob <= 0);
    }
  });

  it("prints the engine in the readable summary, and a missing model file is a clear error", async () => {
    const readable = await runCli(["solve", "--gguf", model, "--n", "1", "--max-tokens", "4", "1+1?"]);
    assert.equal(readable.code, 0, readable.stderr);
    assert.match(readable.stdout, /on the embedded llama\.cpp engine/);
    const missing = await runCli(["solve", "--gguf", join(dir, "nope.gguf"), "--n", "1", "1+1?"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.gguf/);
  });
});
