import * as assert from "node:assert/strict";
import { PassThrough, Readable } from "node:stream";
import { runGrade } from "../../../src/cli/grade";

async function run(input: string, args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: "", err: "" };
  stdout.on("data", (d: Buffer) => (chunks.out += d.toString()));
  stderr.on("data", (d: Buffer) => (chunks.err += d.toString()));
  const code = await runGrade(args, { stdin: Readable.from([input]), stdout, stderr });
  return { code, ...chunks };
}

describe("grading: acemath grade", function () {
  this.timeout(20000);

  it("grades pred and solution records, keeping the input fields", async () => {
    const input = [
      JSON.stringify({ id: 1, gold: "\\frac{1}{2}", pred: "0.5" }),
      JSON.stringify({ id: 2, gold: 5, solution: "so the total is \\boxed{6}." }),
      "",
      JSON.stringify({ id: 3, gold: "x+1", pred: "1+x" }),
      JSON.stringify({ id: 4, gold: "5", solution: "no numbers here" }),
    ].join("\n");
    const { code, out, err } = await run(input);
    assert.equal(code, 0);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(
      lines.map((l) => [l.id, l.gold, l.extracted, l.equal]),
      [
        [1, "\\frac{1}{2}", "0.5", true],
        [2, 5, "6", false],
        [3, "x+1", "1+x", true],
        [4, "5", null, false],
      ],
    );
    assert.ok(lines.every((l) => typeof l.reason === "string"));
    assert.match(err, /graded 4: 2 equal, 2 not equal, 0 unknown/);
  });

  it("reports unknown as null", async () => {
    const { out } = await run(JSON.stringify({ gold: "10^{10^{10}}", pred: "5" }));
    assert.equal((JSON.parse(out) as { equal: unknown }).equal, null);
  });

  it("reports a malformed line with its number, writes an error record, and grades the lines after it", async () => {
    const input = [
      JSON.stringify({ id: 1, gold: "1", pred: "1" }),
      "not json",
      JSON.stringify({ id: 3, gold: "2", pred: "3" }),
      JSON.stringify({ pred: "1" }),
      JSON.stringify({ id: 5, gold: "\\frac{1}{2}", pred: "Answer: $0.5$" }),
    ].join("\n");
    const { code, out, err } = await run(input);
    assert.equal(code, 1);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(
      lines.map((l) => (l.error === undefined ? [l.id, l.equal] : [l.line, l.error])),
      [
        [1, true],
        [2, "not valid JSON"],
        [3, false],
        [4, "missing `gold` (a string or a number)"],
        [5, true],
      ],
    );
    assert.equal(lines[4]?.extracted, "0.5");
    assert.match(err, /line 2: not valid JSON/);
    assert.match(err, /line 4: missing `gold`/);
    assert.match(err, /graded 3: 2 equal, 1 not equal, 0 unknown; 2 malformed/);
    assert.match((await run(JSON.stringify({ gold: "1" }))).err, /line 1: needs `pred`/);
  });

  it("rejects unknown options", async () => {
    assert.equal((await run("", ["--bogus"])).code, 2);
  });
});
