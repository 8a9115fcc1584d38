/** The eval's progress: one line redrawn on a terminal, plain lines on a pipe, JSON with --json. */
import assert from "node:assert/strict";
import { PassThrough, Readable } from "node:stream";
import { formatDuration, progressJson, progressLine } from "../../../src/core/eval/progress";
import { ProgressDisplay, progressMode } from "../../../src/cli/evalProgress";
import type { CliIo } from "../../../src/cli/io";

function fakeIo(tty: boolean, columns = 100): { io: CliIo; written: () => string } {
  const stderr = Object.assign(new PassThrough(), tty ? { isTTY: true, columns } : {});
  const chunks: string[] = [];
  stderr.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  const io = { stdin: Readable.from([""]), stdout: new PassThrough(), stderr, env: {} };
  return { io, written: () => chunks.join("") };
}

/** A clock the test moves. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("eval progress", () => {
  it("a line: bar, problems, samples/s, tokens/s, ETA from the rate so far", () => {
    const line = progressLine(
      { dataset: "gsm8k", done: 25, total: 100, samples: 200, tokens: 60000, elapsedS: 50 },
      200,
    );
    assert.equal(line, "gsm8k [#####···············] 25/100 · 4.0 samples/s · 1,200 tokens/s · ETA 2m30s");
  });

  it("fits the terminal's width and cannot carry control sequences from a file name", () => {
    const line = progressLine(
      {
        dataset: "evil\u001b[2J\u001b]0;title\u0007name",
        done: 1,
        total: 3,
        samples: 8,
        tokens: 10,
        elapsedS: 1,
      },
      40,
    );
    assert.ok([...line].length <= 40, line);
    const controls = [...line].filter(
      (c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f),
    );
    assert.deepEqual(controls, [], JSON.stringify(line));
    assert.ok(line.startsWith("evilname ["), line);
  });

  it("durations read as h/m/s", () => {
    assert.deepEqual(
      [formatDuration(42), formatDuration(185), formatDuration(3720)],
      ["42s", "3m05s", "1h02m"],
    );
  });

  it("picks the bar on a terminal, plain lines elsewhere, JSON with --json", () => {
    assert.equal(progressMode(fakeIo(true).io, false), "tty");
    assert.equal(progressMode(fakeIo(false).io, false), "lines");
    assert.equal(progressMode(fakeIo(true).io, true), "json");
  });

  it("on a terminal: one line redrawn in place (at most ten times a second), a newline when done", async () => {
    const { io, written } = fakeIo(true, 100);
    const time = clock();
    const display = new ProgressDisplay(io, "tty", time.now);
    display.update({ dataset: "math", done: 0, total: 3 });
    time.advance(10);
    display.update({ dataset: "math", done: 1, total: 3, samples: 8, tokens: 800 }); // within 100 ms: skipped
    time.advance(200);
    display.update({ dataset: "math", done: 2, total: 3, samples: 16, tokens: 1600 });
    display.say("acemath: math problem 7 failed: timeout");
    time.advance(10);
    display.update({ dataset: "math", done: 3, total: 3, samples: 24, tokens: 2400 });
    await flush();
    const text = written();
    const draws = text.split("\r\u001b[K").filter(Boolean);
    assert.equal(draws.length, 4, JSON.stringify(text)); // 0/3, 2/3, the message (then 2/3 again), 3/3
    assert.ok(!draws[0]!.includes("\n") && draws[0]!.includes("0/3"));
    assert.match(draws[1]!, /^math \[.*\] 2\/3 · .* samples\/s · .* tokens\/s · ETA /);
    assert.match(draws[2]!, /^acemath: math problem 7 failed: timeout\nmath \[.*\] 2\/3/);
    assert.match(draws[3]!, /3\/3 · .* · done in 0s\n$/);
    const bars = draws.flatMap((d) => d.split("\n")).filter((l) => l.startsWith("math ["));
    assert.ok(
      bars.every((l) => [...l].length <= 99),
      "within the terminal's width",
    );
  });

  it("on a pipe: no control characters, a line every tenth of the way", async () => {
    const { io, written } = fakeIo(false);
    const display = new ProgressDisplay(io, "lines", clock().now);
    for (let done = 0; done <= 40; done++) display.update({ dataset: "set", done, total: 40 });
    await flush();
    const lines = written().trimEnd().split("\n");
    assert.equal(lines.length, 11, lines.join("\n"));
    assert.ok(!written().includes("\r") && !written().includes("\u001b"));
  });

  it("--json: one parseable object per update with rates and ETA", async () => {
    const { io, written } = fakeIo(true);
    const time = clock();
    const display = new ProgressDisplay(io, "json", time.now);
    display.update({ dataset: "set", done: 0, total: 4 });
    time.advance(2000);
    display.update({ dataset: "set", done: 1, total: 4, samples: 8, tokens: 1000 });
    await flush();
    const objects = written()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ReturnType<typeof progressJson>);
    assert.equal(objects.length, 2);
    assert.deepEqual(objects[1], {
      progress: {
        dataset: "set",
        done: 1,
        total: 4,
        samples: 8,
        tokens: 1000,
        elapsed_s: 2,
        samples_per_s: 4,
        tokens_per_s: 500,
        eta_s: 6,
      },
    });
  });
});
