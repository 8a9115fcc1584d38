import assert from "node:assert/strict";
import type { ConnectionReport } from "../../../src/backends/http/connectionCheck";
import { startSimulator, type SimFamily, type SimServer } from "../../sim";
import { runCli } from "./cliHarness";

interface Expected {
  family: SimFamily;
  n: string;
  context: number | null;
  tokenCounting: "server" | "estimate";
  reward: { endpoint: string; kind: string } | null;
}

const FAMILIES: Expected[] = [
  {
    family: "vllm",
    n: "honoured",
    context: 4096,
    tokenCounting: "server",
    reward: { endpoint: "/classify", kind: "raw" },
  },
  {
    family: "sglang",
    n: "honoured",
    context: null,
    tokenCounting: "estimate",
    reward: { endpoint: "sglang /classify", kind: "raw" },
  },
  { family: "llamacpp-old", n: "refused", context: null, tokenCounting: "estimate", reward: null },
  { family: "llamacpp-new", n: "capped", context: null, tokenCounting: "estimate", reward: null },
  { family: "ollama", n: "ignored", context: null, tokenCounting: "estimate", reward: null },
];

describe("acemath doctor", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close().catch(() => undefined));
  const urls = () => ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];

  for (const expected of FAMILIES) {
    it(`reports a ${expected.family} server: models, context, n, reward endpoint and score kind`, async () => {
      sim = await startSimulator({ family: expected.family });
      const run = await runCli(["doctor", "--json", ...urls()]);
      const report = JSON.parse(run.stdout) as ConnectionReport;
      assert.equal(report.policy.reachable, true);
      assert.equal(report.policy.model, "nvidia/AceMath-7B-Instruct");
      assert.equal(report.policy.simulated, true);
      assert.equal(typeof report.policy.latencyMs, "number");
      assert.equal(report.policy.n?.kind, expected.n);
      assert.equal(report.policy.contextLength, expected.context);
      assert.equal(report.policy.tokenCounting, expected.tokenCounting);
      if (expected.reward) {
        assert.equal(run.code, 0, run.stderr);
        assert.equal(report.reward?.reward?.endpoint, expected.reward.endpoint);
        assert.equal(report.reward?.reward?.kind, expected.reward.kind);
        assert.equal(report.ok, true);
      } else {
        // These servers have no endpoint for a sequence-classification reward model.
        assert.equal(run.code, 1);
        assert.match(report.reward!.error!, /HTTP 404.*no reward endpoint/);
        assert.match(run.stderr, /^acemath: The reward model server at .* answered HTTP 404/m);
      }
    });
  }

  it("prints a readable report, and says when scores are sigmoid", async () => {
    sim = await startSimulator({ rewardActivation: "ignored" });
    const run = await runCli(["doctor", ...urls()]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^Policy server: ${sim.policyBaseUrl}  \\(SIMULATED backend`, "m"));
    assert.match(run.stdout, /^ {2}reachable {4}yes \(\d+ ms\)$/m);
    assert.match(run.stdout, /^ {2}models {7}nvidia\/AceMath-7B-Instruct \(used\)/m);
    assert.match(run.stdout, /^ {2}context {6}4096 tokens$/m);
    assert.match(run.stdout, /^ {2}n {12}honoured/m);
    assert.match(run.stdout, /^ {2}endpoint {5}\/classify$/m);
    assert.match(run.stdout, /^ {2}scores {7}sigmoid\(logit\)$/m);
    assert.match(run.stdout, /^Ready to solve\.$/m);
  });

  it("--no-reward: no reward server checked; a policy server that is down: exit 1, the URL on stderr", async () => {
    sim = await startSimulator();
    await sim.close();
    const run = await runCli(["doctor", "--no-reward", "--policy-url", sim.policyBaseUrl]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /Reward server: none configured/);
    assert.match(run.stderr, new RegExp(`Cannot reach the policy model server at ${sim.policyBaseUrl}`));
  });

  it("--timeout bounds a server that never answers", async () => {
    sim = await startSimulator({ faults: { hang: true, on: "models" } });
    const run = await runCli([
      "doctor",
      "--no-reward",
      "--timeout",
      "0.3",
      "--policy-url",
      sim.policyBaseUrl,
    ]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /did not answer within 0\.3 s/);
  });
});

describe("acemath: keys, timeouts and failures", function () {
  this.timeout(20000);
  let sim: SimServer;
  afterEach(async () => sim?.close().catch(() => undefined));

  it("a failed solve exits non-zero with the message on stderr, and --json keeps error and warnings", async () => {
    sim = await startSimulator({ faults: { hang: true, on: "chat" } });
    const run = await runCli([
      "solve",
      "--json",
      "--timeout",
      "0.3",
      "--no-reward",
      "--policy-url",
      sim.policyBaseUrl,
      "What is 1+1?",
    ]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /acemath: The policy model server at .* did not answer within 0\.3 s/);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const field of ["rankingMethod", "scoreKind", "warnings", "error"]) assert.ok(field in json, field);
  });

  it("an API key never appears in output, errors or logs; plain http to another host is warned about", async () => {
    const key = "sk-SECRET-never-print-me";
    sim = await startSimulator({ faults: { status: 500, on: "chat" } });
    const local = await runCli(
      [
        "solve",
        "--json",
        "--policy-url",
        sim.policyBaseUrl,
        "--reward-url",
        sim.rewardBaseUrl,
        "What is 1+1?",
      ],
      { env: { ACEMATH_API_KEY: key } },
    );
    assert.equal(local.code, 1);
    assert.doesNotMatch(local.stdout + local.stderr, /SECRET/);
    assert.doesNotMatch(local.stderr, /plain http/, "loopback is not warned about");
    const remote = await runCli(
      ["doctor", "--no-reward", "--timeout", "0.2", "--policy-url", "http://192.0.2.1:8000/v1"],
      { env: { ACEMATH_POLICY_API_KEY: key } },
    );
    assert.match(remote.stderr, /API key would be sent over plain http:\/\/ to 192\.0\.2\.1:8000/);
    assert.doesNotMatch(remote.stdout + remote.stderr, /SECRET/);
  });
});
