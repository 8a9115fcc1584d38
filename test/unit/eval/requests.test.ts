/**
 * How many requests a live eval makes (against the simulated backend): one /v1/models per endpoint
 * for the whole run, each problem's samples scored together (several problems per /classify when
 * they are ready together), at most --concurrency generations in flight; and with several replica
 * URLs, every replica gets its share.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ScoreLine } from "../../../src/backends/eval/scoreStore";
import type { StoreLine } from "../../../src/backends/eval/store";
import { loadDataset } from "../../sim";
import { rewardFor } from "../../sim/scoring";
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

  it("asks /v1/models once per endpoint and scores each problem's samples together", async () => {
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
    assert.ok(
      batches.length <= PROBLEMS.length,
      `${batches.length} /classify for ${PROBLEMS.length} problems`,
    );
    // Each problem's 4 samples and its greedy sample, all in the same request.
    for (const problem of PROBLEMS) {
      const holding = batches.filter((b) => b.some((input) => input.includes(problem.problem)));
      assert.equal(holding.length, 1, "one request holds all of a problem's samples");
      assert.equal(holding[0]!.filter((input) => input.includes(problem.problem)).length, 5);
    }
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
    assert.ok(
      scored[0]! + scored[1]! <= PROBLEMS.length,
      "at most one /classify per problem over both replicas",
    );
    assert.ok(scored[0]! > 0 && scored[1]! > 0, `reward batches per replica: ${scored.join(" + ")}`);
    assert.deepEqual(lastJson(replicated).datasets, lastJson(single).datasets);
  });

  it("problems that finish together share /classify requests, and every sample gets its own score", async () => {
    // Generation instant, scoring slow: while the first requests are out, the other problems' samples wait and go together.
    const sim = await scratch.simulator({ tokensPerSecond: 0, rewardLatencyMs: 300 });
    const out = join(scratch.dir(), "out");
    const urls = ["--policy-url", sim.policyBaseUrl, "--reward-url", sim.rewardBaseUrl];
    const run = await runCli(evalArgs([...urls, "--concurrency", "6", "--out", out]));
    assert.equal(run.code, 0, run.stderr);
    const batches = scoring(sim.requests);
    assert.ok(
      batches.length < PROBLEMS.length,
      `${batches.length} /classify for ${PROBLEMS.length} problems`,
    );
    assert.ok(
      batches.some((b) => PROBLEMS.filter((p) => b.some((input) => input.includes(p.problem))).length > 1),
      "some request holds several problems",
    );
    assert.equal(batches.flat().length, 4 * PROBLEMS.length, "every sample scored once");

    // Each stored score is the simulated reward of that sample's own problem and text (a sample
    // scored under another problem would get that problem's recorded score or a hash: not this).
    const dataset = loadDataset();
    const read = <T>(file: string) =>
      readFileSync(join(out, file), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as T);
    const samples = read<StoreLine>("samples.jsonl");
    const scores = read<ScoreLine>("scores.jsonl");
    assert.equal(scores.length, PROBLEMS.length);
    const seen = new Set<number>();
    for (const line of samples) {
      const stored = scores.find((s) => s.index === line.index)!;
      const expected = line.candidates.map(
        (c) => rewardFor(dataset, PROBLEMS[line.index]!.problem, c.text).score,
      );
      assert.deepEqual(stored.scores, expected, `problem ${line.index}`);
      expected.forEach((score) => seen.add(score));
    }
    assert.ok(seen.size >= 12, `the samples' scores differ (${seen.size} distinct), so a mix-up would show`);

    // The same run, one sample per request: the same results.
    const single = await scratch.simulator({ tokensPerSecond: 0 });
    const one = ["--policy-url", single.policyBaseUrl, "--reward-url", single.rewardBaseUrl];
    const unbatched = await runCli(evalArgs([...one, "--concurrency", "6", "--reward-batch", "1"]));
    assert.equal(unbatched.code, 0, unbatched.stderr);
    assert.ok(scoring(single.requests).every((b) => b.length === 1));
    assert.deepEqual(lastJson(unbatched), lastJson(run));
  });
});
