// Data-driven tests of the simulated backend's pure parts: tokenizer, ChatML, matching, CLI (a TEST FIXTURE).
import assert from "node:assert/strict";
import { parseRewardInput } from "../../sim/chatml";
import { parseFault, parseSimArgs } from "../../sim/cli-args";
import { loadDataset, lookupProblem } from "../../sim/data";
import { finishText } from "../../sim/generate";
import { splitIntoTokens } from "../../sim/tokens";
import type { SimFaults } from "../../sim/types";
import { chatMl, fixtureProblem } from "./helpers";

describe("simulated backend: tokenizer", () => {
  const cases: Array<[string, string[]]> = [
    ["", []],
    ["one", ["one"]],
    ["To find \\(x\\):\n\n- step", ["To", " find", " \\(x\\):", "\n\n-", " step"]],
    ["  leading and trailing  ", ["  leading", " and", " trailing", "  "]],
  ];
  for (const [text, tokens] of cases) {
    it(`splits ${JSON.stringify(text)}`, () => assert.deepEqual(splitIntoTokens(text), tokens));
  }

  it("joins back to the exact text for every fixture solution", () => {
    for (const problem of loadDataset().problems) {
      for (const s of problem.solutions) assert.equal(splitIntoTokens(s.text).join(""), s.text);
    }
  });
});

describe("simulated backend: finishing a text", () => {
  const cases: Array<[string, number, string[], string, "stop" | "length", string | null]> = [
    ["a b c", 10, [], "a b c", "stop", null],
    ["a b c", 2, [], "a b", "length", null],
    ["a b<|im_end|> c", 10, ["<|im_end|>"], "a b", "stop", "<|im_end|>"],
    ["a b X c Y", 10, ["Y", "X"], "a b ", "stop", "X"],
    ["a b X c d e", 2, ["X"], "a b", "length", null],
  ];
  for (const [text, maxTokens, stop, expected, finishReason, stopReason] of cases) {
    it(`cuts ${JSON.stringify(text)} at max ${maxTokens}, stop ${JSON.stringify(stop)}`, () => {
      const finished = finishText(text, maxTokens, stop);
      assert.deepEqual(
        [finished.tokens.join(""), finished.finishReason, finished.stopReason],
        [expected, finishReason, stopReason],
      );
    });
  }
});

describe("simulated backend: reward input parsing", () => {
  const cases: Array<[string, string, { problem: string; solution: string }]> = [
    [
      "the documented ChatML",
      chatMl("What is 1+1?", "It is \\boxed{2}."),
      { problem: "What is 1+1?", solution: "It is \\boxed{2}." },
    ],
    [
      "an unterminated assistant turn",
      "<|im_start|>user\nP<|im_end|>\n<|im_start|>assistant\nS so far",
      { problem: "P", solution: "S so far" },
    ],
    ["a bare text", "just a solution", { problem: "", solution: "just a solution" }],
  ];
  for (const [name, input, expected] of cases) {
    it(`parses ${name}`, () => assert.deepEqual(parseRewardInput(input), expected));
  }
});

describe("simulated backend: problem lookup", () => {
  const dataset = loadDataset();
  const isosceles = fixtureProblem("math_cot_100/5");
  const ducks = fixtureProblem("gsm8k/0");
  const cases: Array<[string, string, string | undefined]> = [
    ["the exact text", isosceles.problem, isosceles.id],
    ["other spacing and case", `  ${isosceles.problem.toUpperCase().replace(/ /g, "\n")} `, isosceles.id],
    [
      "$ signs added",
      "What is the area, in square units, of an isosceles right triangle with a hypotenuse of $20$ units?",
      isosceles.id,
    ],
    ["straight quotes for curly ones", ducks.problem.replace(/\u2019/g, "'"), ducks.id],
    ["extra words around it", `Problem 3. ${ducks.problem} (5 points)`, ducks.id],
    ["a long enough part of it", "isosceles right triangle with a hypotenuse of 20", isosceles.id],
    ["a part too short to tell", "right triangle", undefined],
    ["an unknown problem", "Prove that there are infinitely many primes.", undefined],
    ["nothing", "   ", undefined],
  ];
  for (const [name, text, id] of cases) {
    it(`matches ${name}`, () => assert.equal(lookupProblem(dataset, text)?.id, id));
  }

  it("holds 100 MATH problems with 8 recorded scores and 100 GSM8K problems with 4 synthetic ones", () => {
    const count = (source: string, solutions: number, rewardSource: string) =>
      dataset.problems.filter(
        (p) =>
          p.source === source &&
          p.solutions.length === solutions &&
          p.solutions.every((s) => s.rewardSource === rewardSource),
      ).length;
    assert.deepEqual([count("math_cot_100", 8, "recorded"), count("gsm8k", 4, "synthetic")], [100, 100]);
  });
});

describe("simulated backend: command line", () => {
  const faultCases: Array<[string, SimFaults]> = [
    ["500", { status: 500 }],
    ["429:classify:2", { status: 429, on: "classify", times: 2 }],
    ["hang:models", { hang: true, on: "models" }],
    ["drop:7", { dropAfterEvents: 7 }],
    ["malformed:3", { malformedAfterEvents: 3 }],
    ["reward-down", { rewardDown: "404" }],
    ["reward-down:close", { rewardDown: "close" }],
    ["hostile", { hostile: true }],
    ["hostile:5000", { hostile: true, hugeChars: 5000 }],
    ["bad-indices", { badIndices: true }],
    ["after:3", { after: 3 }],
  ];
  for (const [spec, faults] of faultCases) {
    it(`parses --fault ${spec}`, () => assert.deepEqual(parseFault(spec, {}), faults));
  }

  it("rejects an unknown fault and an unknown endpoint", () => {
    assert.throws(() => parseFault("explode", {}), /unknown fault/);
    assert.throws(() => parseFault("500:embeddings", {}), /unknown endpoint/);
  });

  it("defaults to two listeners on 8000 and 8001, and reads flags over the environment", () => {
    assert.deepEqual(parseSimArgs([], {}), {
      host: "127.0.0.1",
      policyPort: 8000,
      rewardPort: 8001,
      tokensPerSecond: 2000,
      firstTokenMs: 0,
      rewardLatencyMs: 0,
      faults: {},
      family: "vllm",
      slots: 4,
      rewardActivation: "honoured",
    });
    const settings = parseSimArgs(
      [
        "--port",
        "9000",
        "--reward-port",
        "same",
        "--tps",
        "50",
        "--ttft",
        "300",
        "--fault",
        "drop:4",
        "--family",
        "llamacpp-new",
        "--slots",
        "2",
        "--reward-sigmoid",
        "--fault",
        "stall:7",
      ],
      {
        SIM_TPS: "10",
        SIM_REWARD_LATENCY_MS: "40",
        SIM_FAULTS: "503:chat",
      },
    );
    assert.deepEqual(settings, {
      host: "127.0.0.1",
      policyPort: 9000,
      rewardPort: undefined,
      tokensPerSecond: 50,
      firstTokenMs: 300,
      rewardLatencyMs: 40,
      faults: { status: 503, on: "chat", dropAfterEvents: 4, stallAfterEvents: 7 },
      family: "llamacpp-new",
      slots: 2,
      rewardActivation: "ignored",
    });
    assert.throws(() => parseSimArgs(["--family", "tgi"], {}), /unknown family "tgi"/);
  });
});
