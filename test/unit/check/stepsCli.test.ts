// `acemath check FILE --json --steps`: every step of each written solution with its 1-based line in the
// FILE, and the first refuted step. The fixtures put known slips on known lines.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_PRM_MODEL, PRM_SLIP_PROBABILITY } from "../../sim/prm";
import { startSimulator, type SimServer } from "../../sim/server";
import { runCli } from "../cli/cliHarness";
import { records, writeTemp } from "./checkCliRun";

const STEPS = join(__dirname, "../../fixtures/check/steps");

/** The 1-based line of the first line of `file` that contains `needle`. */
function lineWith(file: string, needle: string): number {
  const index = readFileSync(join(STEPS, file), "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`no "${needle}" in ${file}`);
  return index + 1;
}

describe("acemath check --steps", function () {
  this.timeout(30000);

  it(".tex: the slip 17 × 4 = 78 is the first error (line 10); a correct expansion has none; x = 5 after 2x = 8 is refuted", async () => {
    const run = await runCli(["check", "--json", "--steps", join(STEPS, "slip.tex")]);
    assert.equal(run.code, 0, run.stderr);
    const [apples, expand, linear] = records(run.stdout);
    assert.equal(lineWith("slip.tex", "17 \\times 4 = 78"), 10);
    assert.deepEqual(apples?.firstError?.line, 10);
    assert.match(apples?.firstError?.reason ?? "", /68/);
    assert.deepEqual(
      apples?.steps?.map((s) => s.line),
      [8, 10, 12],
    );
    assert.equal(apples?.steps?.[1]?.verdict, "refuted");
    assert.equal(expand?.firstError, null);
    assert.equal(
      expand?.steps?.find((s) => s.line === 21)?.verdict,
      "verified",
      "x^2 + 2x + 1 expands (x+1)(x+1)",
    );
    assert.ok(expand?.steps?.every((s) => s.verdict !== "refuted"));
    assert.equal(linear?.firstError?.line, lineWith("slip.tex", "x &= 5"));
    assert.equal(linear?.firstError?.line, 33);
  });

  it(".md: the slip 144 − 4 = 130 is the first error on line 7; the second solution has none", async () => {
    const run = await runCli(["check", "--json", "--steps", join(STEPS, "slip.md")]);
    assert.equal(run.code, 0, run.stderr);
    const [first, second] = records(run.stdout);
    assert.equal(first?.firstError?.line, 7);
    assert.equal(first?.steps?.find((s) => s.line === 5)?.verdict, "verified");
    assert.equal(first?.steps?.find((s) => s.line === 7)?.verdict, "refuted");
    assert.equal(second?.firstError, null);
    assert.ok(second?.steps?.every((s) => s.line >= 11 && s.line <= 15));
  });

  it("without --steps the records have no steps field; the readable report names the first error's line", async () => {
    const plain = records((await runCli(["check", "--json", join(STEPS, "slip.md")])).stdout);
    assert.ok(plain.every((r) => r.steps === undefined && r.firstError === undefined));
    const readable = await runCli(["check", "--steps", join(STEPS, "slip.md")]);
    assert.match(readable.stdout, /first error: .*slip\.md:7: /);
  });

  it("a notebook: the step's line is the line of the .ipynb file that stores it", async () => {
    const notebook = JSON.stringify(
      {
        cells: [
          { cell_type: "markdown", metadata: {}, source: ["What is $17 \\times 4 + 2$?"] },
          {
            cell_type: "markdown",
            metadata: {},
            source: ["We multiply: $17 \\times 4 = 78$.\n", "\n", "Then add two.\n", "\n", "Answer: $80$"],
          },
        ],
      },
      null,
      1,
    );
    const path = writeTemp("hw.ipynb", notebook);
    const [record] = records((await runCli(["check", "--json", "--steps", path])).stdout);
    const slipLine = notebook.split("\n").findIndex((l) => l.includes("= 78")) + 1;
    assert.equal(record?.firstError?.line, slipLine);
  });

  it("--prm-url without --steps is a usage error", async () => {
    const run = await runCli(["check", "--prm-url", "http://127.0.0.1:9", join(STEPS, "slip.md")]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--prm-url .* --steps/);
  });

  describe("with a simulated process reward model", () => {
    let sim: SimServer | undefined;
    afterEach(async () => {
      await sim?.close();
      sim = undefined;
    });

    it("--prm-url adds the PRM's probability to each step, one /pooling request per solution", async () => {
      sim = await startSimulator({ tokensPerSecond: 0, prmModel: DEFAULT_PRM_MODEL });
      const run = await runCli([
        "check",
        "--json",
        "--steps",
        "--prm-url",
        sim.rewardBaseUrl,
        "--prm-model",
        DEFAULT_PRM_MODEL,
        join(STEPS, "slip.md"),
      ]);
      assert.equal(run.code, 0, run.stderr);
      const [first, second] = records(run.stdout);
      assert.equal(first?.steps?.find((s) => s.line === 7)?.prm, PRM_SLIP_PROBABILITY);
      assert.ok(first?.steps?.filter((s) => s.line !== 7).every((s) => (s.prm ?? 0) > 0.7));
      assert.ok(second?.steps?.every((s) => typeof s.prm === "number"));
      assert.equal(sim.requests.filter((r) => r.path === "/pooling").length, 2);
    });
  });
});
