// Tests of the simulated backend's load knobs (a TEST FIXTURE): the server-wide sequence cap queues, the
// reward server runs one batch at a time, reward cost grows with the batch, placeholder lengths follow the
// recorded ones. Order and counts only: no timing assertions.
import assert from "node:assert/strict";
import { parseSimArgs } from "../../sim/cli-args";
import { loadDataset } from "../../sim/data";
import { padToTokens, planChoices, recordedLengths } from "../../sim/generate";
import { rewardBatchMs } from "../../sim/rewardQueue";
import { startSimulator, type SimScheduleEntry, type SimServer } from "../../sim/server";
import { countTokens } from "../../sim/tokens";
import { chatBody, chatMl, fixtureProblem, postJson, streamChunks, textsByIndex, waitUntil } from "./helpers";

const problem = fixtureProblem("math_cot_100/5");
const inputs = problem.solutions.slice(0, 2).map((s) => chatMl(problem.problem, s.text));

/** The most sequences running at once according to the schedule log. */
function peakRunning(log: readonly SimScheduleEntry[]): number {
  let running = 0;
  let peak = 0;
  for (const entry of log) {
    if (entry.event === "admitted") running++;
    if (entry.event === "finished" || entry.event === "aborted") running--;
    peak = Math.max(peak, running);
  }
  return peak;
}

const of = (log: readonly SimScheduleEntry[], event: SimScheduleEntry["event"], seq?: number) =>
  log.filter((e) => e.event === event && (seq === undefined || e.seq === seq));

async function streamTexts(server: SimServer, extra: Record<string, unknown>): Promise<Map<number, string>> {
  const response = await postJson(
    `${server.policyBaseUrl}/chat/completions`,
    chatBody(problem.problem, { stream: true, ...extra }),
  );
  return textsByIndex(streamChunks(await response.text()));
}

describe("simulated backend: load knobs", () => {
  describe("server-wide sequence cap", () => {
    let server: SimServer;
    afterEach(() => server.close());

    it("runs at most the cap at once and admits the rest as sequences finish", async () => {
      server = await startSimulator({ tokensPerSecond: 0, maxConcurrentSequences: 3 });
      await streamTexts(server, { n: 8, temperature: 0.7, seed: 2 });
      const log = server.schedule;
      assert.equal(of(log, "admitted").length, 8);
      assert.equal(of(log, "finished").length, 8);
      assert.equal(peakRunning(log), 3);
      // The fourth admission waits for a finish.
      const fourth = log.indexOf(of(log, "admitted")[3]!);
      assert.ok(log.slice(0, fourth).some((e) => e.event === "finished"));
    });

    it("queues a second request behind the first, first come first served", async () => {
      server = await startSimulator({ tokensPerSecond: 0, maxConcurrentSequences: 8 });
      await Promise.all([
        streamTexts(server, { n: 8, temperature: 0.7, seed: 1 }),
        streamTexts(server, { n: 8, temperature: 0.7, seed: 2 }),
      ]);
      const admitted = of(server.schedule, "admitted");
      const [first, second] = [admitted[0]!.seq, admitted[8]!.seq];
      assert.notEqual(first, second);
      assert.deepEqual(
        admitted.map((e) => e.seq),
        [...Array<number>(8).fill(first), ...Array<number>(8).fill(second)],
      );
      assert.equal(peakRunning(server.schedule), 8);
      // Each admission of the second request follows one more finish of the first.
      for (const [k, entry] of of(server.schedule, "admitted", second).entries()) {
        const before = server.schedule.slice(0, server.schedule.indexOf(entry));
        assert.ok(of(before, "finished", first).length >= k + 1);
      }
    });

    it("streams the same texts as without the cap, and answers non-streaming requests too", async () => {
      server = await startSimulator({ tokensPerSecond: 0, maxConcurrentSequences: 2 });
      const plain = await startSimulator({ tokensPerSecond: 0 });
      try {
        const request = { n: 4, temperature: 0.7, seed: 9 };
        assert.deepEqual(await streamTexts(server, request), await streamTexts(plain, request));
        const response = await postJson(
          `${server.policyBaseUrl}/chat/completions`,
          chatBody(problem.problem, request),
        );
        const body = (await response.json()) as { choices: { message: { content: string } }[] };
        const streamed = await streamTexts(plain, request);
        assert.deepEqual(
          body.choices.map((c) => c.message.content),
          [0, 1, 2, 3].map((i) => streamed.get(i)),
        );
      } finally {
        await plain.close();
      }
    });

    it("frees the slots of a client that leaves, for the request queued behind it", async () => {
      server = await startSimulator({ tokensPerSecond: 200, maxConcurrentSequences: 4 });
      const leaving = new AbortController();
      const first = fetch(`${server.policyBaseUrl}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(chatBody(problem.problem, { stream: true, n: 4, temperature: 0.7 })),
        signal: leaving.signal,
      }).then((r) => r.body?.getReader().read());
      await waitUntil(() => of(server.schedule, "admitted").length === 4);
      const second = streamTexts(server, { n: 4, temperature: 0.7, seed: 5 });
      await waitUntil(() => server.requests.length === 2);
      await first;
      leaving.abort();
      const texts = await second;
      assert.equal(texts.size, 4);
      const log = server.schedule;
      const firstSeq = log[0]!.seq;
      assert.equal(of(log, "aborted", firstSeq).length, 4);
      assert.equal(of(log, "admitted").length, 8);
      assert.equal(peakRunning(log), 4);
    });
  });

  describe("reward server", () => {
    let server: SimServer;
    afterEach(() => server.close());
    const classify = () =>
      postJson(`${server.rewardBaseUrl}/classify`, { model: server.rewardModel, input: inputs });

    it("with rewardSerial runs one pass at a time; requests that wait share the next pass", async () => {
      server = await startSimulator({ rewardLatencyMs: 300, rewardSerial: true });
      const first = classify();
      await waitUntil(() => server.schedule.length === 1);
      const later = [classify(), classify()];
      await waitUntil(() => server.requests.length === 3);
      const responses = await Promise.all([first, ...later]);
      assert.deepEqual(
        responses.map((r) => r.status),
        [200, 200, 200],
      );
      const [one, two, three] = server.requests.map((r) => r.seq);
      assert.deepEqual(
        server.schedule.map((e) => [e.event, e.seq]),
        [
          ["reward-started", one],
          ["reward-finished", one],
          ["reward-started", two],
          ["reward-started", three],
          ["reward-finished", two],
          ["reward-finished", three],
        ],
      );
    });

    it("without it keeps no queue (each batch waits only its own latency)", async () => {
      server = await startSimulator({ rewardLatencyMs: 5 });
      await Promise.all([classify(), classify()]);
      assert.deepEqual(server.schedule, []);
    });
  });

  describe("placeholder lengths from the recorded solutions", () => {
    const dataset = loadDataset();
    const unknown = "A problem the fixture does not know: what is the sum of the first 17 odd numbers?";
    const request = { problem: unknown, n: 8, seed: 3, temperature: 0.7, maxTokens: 4096, stop: [] };

    it("pads each placeholder to a recorded length, so candidates finish at different times", () => {
      const lengths = new Set(recordedLengths(dataset));
      const counts = planChoices(dataset, request, true).map((c) => c.tokens.length);
      const plain = planChoices(dataset, request).map((c) => c.tokens.length);
      counts.forEach((count, i) => assert.ok(lengths.has(count) || count === plain[i], `length ${count}`));
      assert.ok(new Set(counts).size >= 4, `distinct lengths: ${counts.join(", ")}`);
      assert.ok(Math.max(...counts) > Math.max(...plain));
    });

    it("keeps the placeholder's last line (its answer) last, and recorded solutions as recorded", () => {
      for (const c of planChoices(dataset, request, true))
        assert.match(c.tokens.join(""), /\\boxed\{\d+\}\\\)\.$/);
      const known = { ...request, problem: problem.problem };
      assert.deepEqual(planChoices(dataset, known, true), planChoices(dataset, known));
    });

    it("pads to exactly the asked number of tokens and never shortens", () => {
      assert.equal(countTokens(padToTokens("Step one.\nSo \\boxed{2}.", 40)), 40);
      assert.equal(padToTokens("a b c", 2), "a b c");
    });
  });

  it("costs the fixed part plus the per-token part of the batch's input tokens", () => {
    const tokens = inputs.reduce((sum, text) => sum + countTokens(text), 0);
    assert.equal(rewardBatchMs({ rewardLatencyMs: 40, rewardMsPerToken: 0 }, inputs), 40);
    assert.equal(rewardBatchMs({ rewardLatencyMs: 40, rewardMsPerToken: 0.5 }, inputs), 40 + 0.5 * tokens);
    assert.equal(
      rewardBatchMs({ rewardLatencyMs: 0, rewardMsPerToken: 1 }, [...inputs, ...inputs]),
      2 * tokens,
    );
  });

  it("reads the load flags of `npm run sim`, and adds nothing without them", () => {
    assert.equal(parseSimArgs([], {}).load, undefined);
    const settings = parseSimArgs(
      [
        "--max-seqs",
        "64",
        "--reward-per-token",
        "0.25",
        "--reward-serial",
        "--sample-lengths",
        "--tps",
        "100",
      ],
      {},
    );
    assert.deepEqual(settings.load, {
      maxConcurrentSequences: 64,
      rewardMsPerToken: 0.25,
      rewardSerial: true,
      sampleLengths: true,
    });
    assert.equal(settings.tokensPerSecond, 100);
    assert.throws(() => parseSimArgs(["--reward-per-token", "-1"], {}), /number ≥ 0/);
  });
});
