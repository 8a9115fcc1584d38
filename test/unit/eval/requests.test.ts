/**
 * How many requests a live eval makes (against the simulated backend): one /v1/models per endpoint
 * for the whole run, one /classify per problem carrying all its samples, at most --concurrency
 * generations in flight; and with several replica URLs, every replica gets its share.
 */
import assert from "node:assert/strict";
import type { RecordedRequest } from "../../sim/types";
import { runCli } from "../cli/cliHarness";
import { PROBLEMS, lastJson, useScratch, writeProblemSet } from "./liveFixture";

/** The reward client's one-time dialect probe asks about this problem; it is not a problem of the run. */
const PROBE_MARK = "2+2 = 4, so the answer is";

const chats = (requests: RecordedRequest[]) => requests.filter((r) => r.path.endsWith("/chat/completions"));
const models = (requests: RecordedRequest[]) => requests.filter((r) => r.path.endsWith("/models"));
/** /classify calls that score a problem's samples (the dialect probes excluded). */
function scoring(requests: RecordedRequest[]): string[][] {
  return requests
    .filter((r) => r.path === "/classify")
    .map((r) => (r.body as { input?: string[] }).input ?? [])
    .filter((inputs) => !inputs.some((i) => i.includes(PROBE_MARK)));
}
/** Problem generations: chat requests for more than the one-token probe. */
const generations = (requests: RecordedRequest[]) =>
  chats(requests).filter((r) => ((r.body as { max_tokens?: number }).max_tokens ?? 0) > 1);

describe("acemath eval: requests per run", function () {
  this.timeout(120000);
  const scratch = useScratch("acemath-eval-req-");
  let data: string;
  beforeEach(() => {
    data = writeProblemSet(scratch.dir());
  });
  const evalArgs = (extra: string[]) => [
    "eval",
    "--data",
    data,
    "--n",
    "4",
    "--seed",
    "3",
    "--seeds",
    "10",
    "--json",
    ...extra,
  ];

  it("asks /v1/models once per endpoint and scores each problem's samples in one /classify", async () => {
    const sim = await scratch.simulator({ tokensPerSecond: 0 });
    const urls = ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];
    const run = await runCli(evalArgs([...urls, "--concurrency", "3", "--greedy"]));
    assert.equal(run.code, 0, run.stderr);
    // One for the policy endpoint, one for the reward endpoint, for the whole run (was two per problem).
    assert.equal(
      models(sim.requests).length,
      2,
      models(sim.requests)
        .map((r) => r.path)
        .join(", "),
    );
    const batches = scoring(sim.requests);
    assert.equal(batches.length, PROBLEMS.length, "one /classify per problem");
    // Each batch: the problem's 4 samples and its greedy sample.
    assert.deepEqual(
      batches.map((b) => b.length),
      PROBLEMS.map(() => 5),
    );
    assert.equal(generations(sim.requests).length, 2 * PROBLEMS.length, "samples + greedy per problem");
    assert.ok(lastJson(run).datasets.set!["rm@4"]! > 0);
  });

  it("keeps up to --concurrency generations in flight, never more", async () => {
    // Slow enough that requests overlap whatever the machine's load.
    const sim = await scratch.simulator({ tokensPerSecond: 300 });
    const urls = ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];
    let most = 0;
    const watcher = setInterval(() => {
      const open = generations(sim.requests).filter((r) => !r.completed && !r.aborted).length;
      most = Math.max(most, open);
    }, 5);
    const run = await runCli(evalArgs([...urls, "--concurrency", "3"])).finally(() => clearInterval(watcher));
    assert.equal(run.code, 0, run.stderr);
    assert.ok(most <= 3, `${most} generations in flight with --concurrency 3`);
    assert.ok(most >= 2, `only ${most} generation in flight at a time: the queue was not kept full`);
  });

  it("spreads requests over replica URLs, with the same results as one server", async () => {
    // Scoring that takes a while, so two problems' batches overlap and the least-loaded rule picks both replicas.
    const options = { tokensPerSecond: 0, rewardLatencyMs: 300 };
    const [a, b] = [await scratch.simulator(options), await scratch.simulator(options)];
    const single = await runCli(
      evalArgs(["--policy-url", a!.policyBaseUrl, "--reward-url", a!.rewardBaseUrl, "--concurrency", "2"]),
    );
    assert.equal(single.code, 0, single.stderr);
    const before = [a!.requests.length, b!.requests.length];
    const replicated = await runCli(
      evalArgs([
        "--policy-url",
        `${a!.policyBaseUrl},${b!.policyBaseUrl}`,
        "--reward-url",
        `${a!.rewardBaseUrl},${b!.rewardBaseUrl}`,
        "--concurrency",
        "2",
      ]),
    );
    assert.equal(replicated.code, 0, replicated.stderr);
    const onA = a!.requests.slice(before[0]);
    const onB = b!.requests.slice(before[1]);
    // Each problem's 4 samples are split 2 + 2 over the two policy replicas (seed + i kept).
    for (const [name, requests] of [
      ["A", onA],
      ["B", onB],
    ] as const) {
      const gens = generations(requests);
      assert.equal(gens.length, PROBLEMS.length, `policy replica ${name}: one request per problem`);
      assert.ok(
        gens.every((r) => (r.body as { n?: number }).n === 2),
        `replica ${name}: n = 2 each`,
      );
    }
    const scored = [scoring(onA).length, scoring(onB).length];
    assert.equal(scored[0]! + scored[1]!, PROBLEMS.length, "one /classify per problem over both replicas");
    assert.ok(scored[0]! > 0 && scored[1]! > 0, `reward batches per replica: ${scored.join(" + ")}`);
    assert.deepEqual(lastJson(replicated).datasets, lastJson(single).datasets);
  });
});
