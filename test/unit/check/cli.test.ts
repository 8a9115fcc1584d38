import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type SimServer } from "../../sim";
import { runCli } from "../cli/cliHarness";
import { records, writeTemp } from "./checkCliRun";
import { DOCUMENTS } from "./documents";

const SOLUTIONS = String.raw`\documentclass{article}
\newcommand{\half}{\frac{1}{2}}
\begin{document}
\begin{problem}
Compute $ \frac{1}{31} \div \frac{1}{93} $.
\end{problem}
\begin{solution}
Dividing by a fraction multiplies by its reciprocal: $\boxed{3}$.
\end{solution}

\begin{problem}
Solve $x^2 - 5x + 6 = 0$.
\end{problem}
\begin{solution}
The discriminant is $\boxed{1}$. Hence $\boxed{x = 2, 4}$.
\end{solution}

\begin{problem}
Evaluate $\int_0^1 x\,dx$.
\end{problem}
\begin{solution}
\textbf{Answer:} $\half$
\end{solution}

\begin{problem}
Prove that $\sqrt{2}$ is irrational.
\end{problem}
\begin{solution}
Suppose not. Then \[ 2q^2 = p^2. \] A contradiction. \qed
\end{solution}
\end{document}
`;

describe("acemath check", function () {
  this.timeout(30000);

  it("--json: one object per final answer with answer, line, problem (macros expanded), verdict, reason", async () => {
    const run = await runCli(["check", "--json", writeTemp("set.tex", SOLUTIONS)]);
    assert.equal(run.code, 0, run.stderr);
    const out = records(run.stdout);
    assert.deepEqual(
      out.map((r) => [r.answer, r.line, r.verdict]),
      [
        ["3", 8, "verified"],
        ["x = 2, 4", 15, "refuted"],
        ["\\half", 22, "verified"],
      ],
    );
    assert.equal(out[0]?.problem, "Compute $ \\frac{1}{31} \\div \\frac{1}{93} $.");
    assert.match(out[1]?.reason ?? "", /x = 4 does not satisfy/);
    assert.match(out[2]?.reason ?? "", /Simpson/);
  });

  it("a readable report without --json; a file with no answers says so", async () => {
    const path = writeTemp("set.tex", SOLUTIONS);
    const run = await runCli(["check", path]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, new RegExp(`set\\.tex:15: REFUTED  x = 2, 4`));
    const empty = await runCli(["check", writeTemp("note.md", "Just some notes.\n")]);
    assert.equal(empty.code, 0);
    assert.match(empty.stdout, /no written final answer found/);
  });

  it("exit 1 when the file cannot be read; 2 for a bad command line", async () => {
    const missing = await runCli(["check", join(tmpdir(), "no-such-dir-acemath", "x.tex")]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read/);
    assert.equal((await runCli(["check"])).code, 2);
  });

  it("a real chapter (ch-laplace.tex): \\exsol answers checked, none refuted, the rest unchecked with a reason", async () => {
    const run = await runCli(["check", "--json", join(DOCUMENTS, "lebl-diffyqs/ch-laplace.tex")]);
    const out = records(run.stdout);
    assert.ok(out.filter((r) => r.verdict === "verified").length >= 5);
    assert.equal(out.filter((r) => r.verdict === "refuted").length, 0);
    assert.ok(out.every((r) => r.reason.length > 0 && r.problem.length > 0));
    assert.deepEqual(
      out.find((r) => r.line === 554)?.answer,
      "\\frac{8}{s^3} + \\frac{8}{s^2} + \\frac{4}{s}",
    );
  });

  it("a notebook: the answer cell's line in the .ipynb file and the problem from the cell above", async () => {
    const notebook = JSON.stringify(
      {
        cells: [
          { cell_type: "markdown", metadata: {}, source: ["Compute $\\frac12 + \\frac13$."] },
          { cell_type: "markdown", metadata: {}, source: ["We add.\n", "\n", "Answer: $\\frac56$"] },
        ],
      },
      null,
      1,
    );
    const run = await runCli(["check", "--json", writeTemp("hw.ipynb", notebook)]);
    const [record] = records(run.stdout);
    assert.equal(record?.cell, 1);
    assert.equal(record?.verdict, "verified");
    assert.equal(notebook.split("\n")[(record?.line ?? 0) - 1]?.includes("Answer:"), true);
  });

  describe("with the simulated backend", () => {
    let sim: SimServer;
    afterEach(async () => sim?.close().catch(() => undefined));

    it("adds the model's agreement and the reward score of the user's solution", async () => {
      sim = await startSimulator({ tokensPerSecond: 0 });
      const text = [
        "Problem 1. Compute $ \\frac{1}{31} \\div \\frac{1}{93} $.",
        "",
        "Reciprocal: $\\boxed{3}$.",
        "",
        "Problem 2. Simplify $3t+4-6t+7t-4$.",
        "",
        "Collect terms: $\\boxed{3t}$.",
      ].join("\n");
      const urls = [
        "--policy-url",
        sim.policyBaseUrl,
        "--reward-url",
        sim.rewardBaseUrl,
        "--n",
        "4",
        "--seed",
        "1",
      ];
      const run = await runCli(["check", "--json", ...urls, writeTemp("two.md", text)]);
      assert.equal(run.code, 0, run.stderr);
      const [right, wrong] = records(run.stdout);
      assert.equal(right?.verdict, "verified");
      assert.equal(right?.model?.pickAgrees, true, right?.model?.summary);
      assert.equal(right?.model?.majorityAgrees, true);
      assert.equal(typeof right?.rewardScore, "number");
      assert.match(right?.rewardContext ?? "", /of 4 model candidates/);
      assert.equal(wrong?.verdict, "refuted");
      assert.equal(wrong?.model?.pick, "4t");
      assert.equal(wrong?.model?.pickAgrees, false);
      assert.match(wrong?.model?.summary ?? "", /differs from the model's pick/);
    });
  });
});
