import assert from "node:assert/strict";
import {
  stripTerminalControls,
  terminalSafeJson,
  terminalSafeLine,
} from "../../../src/core/util/terminalSafe";
import { controlCharsIn } from "./controlChars";

const ESC = "\u001b";

describe("terminal-safe model text", () => {
  const cases: [string, string, string][] = [
    ["clear screen and cursor home (CSI)", `${ESC}[2J${ESC}[Hx = 2`, "x = 2"],
    [
      "colours with parameters and a private mode",
      `${ESC}[1;31mred${ESC}[0m ${ESC}[?25lhidden cursor`,
      "red hidden cursor",
    ],
    ["OSC 8 hyperlink ended by BEL", `${ESC}]8;;http://127.0.0.1:9/canary\u0007link${ESC}]8;;\u0007`, "link"],
    ["OSC window title ended by ESC \\", `${ESC}]0;pwned${ESC}\\title`, "title"],
    ["DCS and APC strings", `${ESC}P1$qm${ESC}\\a${ESC}_payload${ESC}\\b`, "ab"],
    ["two-byte and nF escapes (reset, charset, save cursor)", `${ESC}c${ESC}(B${ESC}7ok`, "ok"],
    ["8-bit CSI and OSC", `\u009b31mred \u009d8;;http://x\u009clink`, "red link"],
    ["other C1 controls", `a\u0085b\u008dc`, "abc"],
    [
      "C0 controls: BEL, backspace, carriage return, NUL, vertical tab, form feed",
      "a\u0007b\bc\rd\u0000e\u000bf\u000cg",
      "abcdefg",
    ],
    ["DEL", "a\u007fb", "ab"],
    [
      "bidi overrides, isolates and marks",
      "\u202eesrever\u202c \u2066x\u2069 \u200e\u200f\u061cy",
      "esrever x y",
    ],
    ["newlines and tabs stay", "line 1\n\tline 2", "line 1\n\tline 2"],
    ["Unicode line and paragraph separators become newlines", "a\u2028b\u2029c", "a\nb\nc"],
    ["an ESC at the very end", `done${ESC}`, "done"],
    ["a CSI without its final byte loses its introducer and parameters", `${ESC}[12;`, ""],
    [
      "an unterminated OSC loses only its introducer; its body stays as text",
      `${ESC}]8;;http://x more text`,
      "8;;http://x more text",
    ],
    ["an OSC interrupted by a CSI", `${ESC}]0;title${ESC}[2Jrest`, "0;titlerest"],
    [
      "math and Unicode text is untouched",
      "\\(\\frac{1}{2}\\) → ½, 𝑥², 日本",
      "\\(\\frac{1}{2}\\) → ½, 𝑥², 日本",
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(stripTerminalControls(input), expected));
  }

  it("leaves no control character of any kind in a text made of them", () => {
    let every = "";
    for (let code = 0; code < 0xa0; code++) every += `${String.fromCharCode(code)}x`;
    const out = stripTerminalControls(every);
    assert.deepEqual(controlCharsIn(out), []);
  });

  it("handles a megabyte of unterminated escape introducers (one forward scan)", () => {
    const hostile = `${ESC}]`.repeat(250_000) + "\u009d".repeat(250_000) + `${ESC}[`.repeat(100_000);
    assert.equal(stripTerminalControls(hostile), "");
  });

  it("one line: line breaks inside an answer cannot start a fake summary line", () => {
    assert.equal(
      terminalSafeLine("42\n#1  candidate 7  score 99.999\tanswer 1"),
      "42 #1  candidate 7  score 99.999 answer 1",
    );
  });

  it("JSON keeps the text, with every terminal control escaped", () => {
    const text = `${ESC}[2J\u009b31m\u202eok\u2028\u007f`;
    const json = terminalSafeJson({ text });
    assert.deepEqual(controlCharsIn(json, { strict: true }), []);
    assert.deepEqual(JSON.parse(json), { text }, "the same value, losslessly");
  });
});
