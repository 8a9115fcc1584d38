import { strict as assert } from "node:assert";
import type { FromWebview } from "../../../src/contract/webviewMessages";
import type { SolveEvent } from "../../../src/core/solve/events";
import { emptySolveState, type SolveState } from "../../../src/core/solve/state";
import { applyMessage } from "../../../src/webview/state/messages";
import { bindActions } from "../../../src/webview/view/actions";
import { emptyDirty, type DirtyParts } from "../../../src/webview/view/dirty";
import { Panel, type PanelServices } from "../../../src/webview/view/panel";
import { DEFAULT_SOLUTION_LIMITS } from "../../../src/webview/view/solutionView";
import { MAJORITY_NOTICE } from "../../../src/webview/view/text";
import { installDom } from "./dom";
import * as fx from "./solveFixture";

/** A panel fed events directly, with a manual clock so throttling is deterministic. */
class Harness {
  state: SolveState = emptySolveState();
  readonly dirty: DirtyParts = emptyDirty();
  readonly posted: FromWebview[] = [];
  readonly root = document.getElementById("app")!;
  readonly panel: Panel;
  clock = 0;

  constructor(services: PanelServices = {}) {
    this.panel = new Panel(this.root, services);
    bindActions(this.root, (message) => this.posted.push(message));
  }

  send(...events: SolveEvent[]): this {
    this.state = applyMessage(this.state, { type: "events", events }, this.dirty);
    return this.frame();
  }

  frame(advanceMs = 1000): this {
    this.clock += advanceMs;
    // No frame limits here: these tests look at what is drawn, hugeCandidate.test.ts at the limits.
    this.panel.render(this.state, this.dirty, {
      now: () => this.clock,
      frameBudgetMs: 1e9,
      maxHtmlCharsPerFrame: Infinity,
    });
    return this;
  }

  $(selector: string): HTMLElement {
    const found = this.root.querySelector<HTMLElement>(selector);
    assert.ok(found, `no ${selector}`);
    return found;
  }

  all(selector: string): HTMLElement[] {
    return Array.from(this.root.querySelectorAll<HTMLElement>(selector));
  }

  candidate(index: number): HTMLElement {
    return this.$(`.candidate[data-index="${index}"]`);
  }

  click(element: HTMLElement): void {
    element.dispatchEvent(new window.MouseEvent("click", { bubbles: true }));
  }
}

describe("solve panel view", () => {
  let uninstall: () => void;
  beforeEach(() => ({ uninstall } = installDom()));
  afterEach(() => uninstall());

  const problem = fx.loadSample(37);

  it("shows a complete reward-ranked solve with the stable DOM hooks", () => {
    const h = new Harness().send(...fx.completeSolve(problem));
    assert.equal(h.$("#status").dataset.status, "complete");
    assert.ok(h.$("#cancel").hidden);
    assert.equal(h.$(".ranking-method").textContent, "Ranked by reward model AceMath-7B-RM (raw scores)");
    assert.match(h.$(".problem").innerHTML, /class="katex"/);

    const cards = h.all(".candidate");
    const expectedOrder = (fx.rankingByScore(problem) as { order: number[] }).order;
    assert.deepEqual(
      cards.map((c) => Number(c.dataset.index)),
      expectedOrder,
    );
    cards.forEach((card, position) => {
      const index = Number(card.dataset.index);
      assert.equal(card.dataset.rank, String(position + 1));
      assert.equal(card.dataset.score, String(problem.scores[index]));
      assert.equal(card.dataset.answer, problem.answers[index]);
      assert.equal(card.dataset.finish, "stop");
      assert.equal(card.querySelector(".rank")?.textContent, `#${index + 1}`, "numbered by index, not rank");
      assert.equal(card.querySelector(".score")?.textContent, problem.scores[index]!.toFixed(3));
      assert.ok(card.querySelector(".answer .katex"), "answer rendered with KaTeX");
      assert.ok(card.querySelector(".solution .katex"), "solution rendered");
      assert.equal(card.querySelectorAll(".badge").length, 0);
      for (const action of ["insert-answer", "insert-solution", "copy-latex"]) {
        assert.equal(
          card.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)?.disabled,
          false,
        );
      }
    });

    const rows = h.all(".groups tr.group");
    assert.deepEqual(
      rows.map((r) => [r.dataset.answer, r.dataset.votes]),
      [
        ["1\\frac{1}{10}", "6"],
        ["1\\frac{8}{91}", "1"],
        ["1\\frac{1}{9}", "1"],
      ],
    );
    assert.ok(rows[0]!.querySelector(".katex"));
  });

  it("streams: streaming badges, Cancel, and only the changed candidate is re-rendered", () => {
    const h = new Harness().send(fx.started(problem), { type: "delta", index: 0, text: "First \\(x\\)" });
    h.send({ type: "delta", index: 1, text: "Second" });
    assert.equal(h.$("#status").dataset.status, "running");
    assert.equal(h.$("#cancel").hidden, false);
    assert.equal(h.all(".badge-streaming").length, 2);
    const firstSolution = h.candidate(0).querySelector(".solution")!.firstChild;

    h.send({ type: "delta", index: 1, text: " more" });
    assert.equal(
      h.candidate(0).querySelector(".solution")!.firstChild,
      firstSolution,
      "candidate 0 untouched",
    );
    assert.match(h.candidate(1).querySelector(".solution")!.textContent ?? "", /Second more/);

    h.click(h.$("#cancel"));
    assert.deepEqual(h.posted, [{ type: "cancel" }]);
  });

  it("throttles re-rendering of a streaming candidate and renders its final text at once", () => {
    const h = new Harness().send(fx.started(problem), { type: "delta", index: 0, text: "a" });
    for (const piece of ["b", "c", "d"]) {
      h.state = applyMessage(
        h.state,
        { type: "events", events: [{ type: "delta", index: 0, text: piece }] },
        h.dirty,
      );
      h.frame(3);
    }
    assert.equal(
      h.candidate(0).querySelector(".solution")!.textContent?.trim(),
      "a",
      "at most one render per 10 ms",
    );
    h.frame(200);
    assert.equal(h.candidate(0).querySelector(".solution")!.textContent?.trim(), "abcd");

    h.state = applyMessage(
      h.state,
      { type: "events", events: [{ type: "delta", index: 0, text: "e" }] },
      h.dirty,
    );
    h.frame(1);
    h.state = applyMessage(
      h.state,
      { type: "events", events: [{ type: "finished", index: 0, finishReason: "stop", answer: "1" }] },
      h.dirty,
    );
    h.frame(1);
    assert.equal(h.candidate(0).querySelector(".solution")!.textContent?.trim(), "abcde");
  });

  it("re-renders only the growing chunk of a streaming solution, and keeps its chunks when it finishes", () => {
    // One chunk per markdown block, to watch the chunks of a short text.
    const h = new Harness({ limits: { ...DEFAULT_SOLUTION_LIMITS, targetChars: 1 } }).send(
      fx.started(problem),
      {
        type: "delta",
        index: 0,
        text: "First \\(a\\).\n\nSecond",
      },
    );
    const solution = h.candidate(0).querySelector(".solution")!;
    const firstChunk = solution.firstElementChild;
    assert.equal(solution.querySelectorAll(".md-chunk").length, 2);
    h.send({ type: "delta", index: 0, text: " grows.\n\nThird" });
    assert.equal(solution.firstElementChild, firstChunk, "finished chunk kept");
    assert.equal(solution.querySelectorAll(".md-chunk").length, 3);
    const secondChunk = solution.children[1];
    h.send({ type: "finished", index: 0, finishReason: "stop", answer: null });
    assert.deepEqual(Array.from(solution.children), [firstChunk, secondChunk, solution.children[2]]);
    assert.equal(solution.querySelectorAll(".md-chunk").length, 3, "no second render of the whole text");
    assert.deepEqual(
      Array.from(solution.querySelectorAll("p"), (p) => p.textContent),
      ["First aaa.", "Second grows.", "Third"],
    );
  });

  it("marks a cancelled candidate as cancelled, not as answerless", () => {
    const h = new Harness().send(
      fx.started(problem),
      { type: "delta", index: 0, text: "To find the" },
      { type: "finished", index: 0, finishReason: "cancelled", answer: null },
      { type: "done", outcome: "cancelled" },
    );
    assert.ok(h.candidate(0).querySelector(".badge-cancelled"));
    assert.equal(h.candidate(0).querySelector(".badge-no-answer"), null);
    assert.equal(h.candidate(0).querySelector(".answer")?.textContent, "cancelled", "not the pending …");
  });

  it("shows … only while running, and cancelled for candidates a cancel cut off", () => {
    const h = new Harness().send(fx.started(problem), { type: "delta", index: 0, text: "To find" });
    assert.equal(h.candidate(0).querySelector(".answer")?.textContent, "…");
    h.send({ type: "done", outcome: "cancelled" });
    assert.equal(h.candidate(0).querySelector(".answer")?.textContent, "cancelled");
  });

  it("marks truncated and answerless candidates, and disables answer buttons", () => {
    const h = new Harness().send(
      fx.started(problem),
      { type: "delta", index: 0, text: "cut off \\[ x =" },
      { type: "delta", index: 1, text: "no box" },
      { type: "finished", index: 0, finishReason: "length", answer: null },
      { type: "finished", index: 1, finishReason: "stop", answer: null },
    );
    const truncated = h.candidate(0);
    assert.equal(truncated.dataset.finish, "length");
    assert.ok(truncated.querySelector(".badge-truncated"));
    assert.ok(truncated.querySelector(".badge-no-answer"));
    assert.ok(truncated.querySelector(".solution .math-pending"), "unclosed formula shown as source");
    assert.ok(h.candidate(1).querySelector(".badge-no-answer"));
    assert.equal(h.candidate(1).querySelector(".badge-truncated"), null);
    assert.equal(h.candidate(1).dataset.answer, "");
    assert.equal(
      h.candidate(1).querySelector<HTMLButtonElement>('[data-action="insert-answer"]')?.disabled,
      true,
    );
    assert.equal(
      h.candidate(1).querySelector<HTMLButtonElement>('[data-action="insert-solution"]')?.disabled,
      false,
    );
  });

  it("explains majority ranking and flags a simulated backend", () => {
    const h = new Harness().send(
      fx.started(problem, null, true),
      ...fx.deltas(problem, 1),
      ...fx.finishedAll(problem),
      { type: "ranking", method: "majority", order: [1, 2, 3, 0, 4, 5, 6, 7], groups: [] },
    );
    assert.equal(h.$(".ranking-method").textContent, MAJORITY_NOTICE);
    assert.match(h.$(".backend-badge.simulated").textContent ?? "", /simulated backend/);
    assert.equal(h.$(".backend-badge.simulated").hidden, false);
    assert.equal(h.candidate(1).dataset.rank, "1");
    assert.equal(h.candidate(1).dataset.score, "");
    assert.equal(h.all(".candidate")[0], h.candidate(1));
  });

  it("shows warnings and the error, with Open setting and the hint", () => {
    const h = new Harness().send(
      fx.started(problem),
      { type: "warning", code: "reward-unavailable", message: "Reward model unreachable <b>x</b>" },
      {
        type: "error",
        error: { message: "No server", setting: "acemath.policy.url", hint: "vllm serve nvidia/x" },
      },
      { type: "done", outcome: "failed" },
    );
    assert.equal(h.all(".warning").length, 1);
    assert.equal(h.$(".warning").textContent?.includes("<b>x</b>"), true, "message shown as text");
    assert.match(h.$(".error").textContent ?? "", /No server/);
    assert.equal(h.$(".error .hint-command").textContent, "vllm serve nvidia/x");
    h.click(h.$('.error button[data-action="open-setting"]'));
    assert.deepEqual(h.posted, [{ type: "openSetting", setting: "acemath.policy.url" }]);
    assert.equal(h.$("#status").dataset.status, "failed");
  });

  it("offers Retry on the error card, once per click, with its actions on their own wrapping row", () => {
    const h = new Harness().send(
      fx.started(problem),
      {
        type: "error",
        error: { message: "No server at http://127.0.0.1:8011/v1", hint: "vllm serve m --port 8011" },
      },
      { type: "done", outcome: "failed" },
    );
    const retry = h.$('.error .notice-actions button[data-action="retry"]') as HTMLButtonElement;
    assert.equal(retry.textContent, "Retry");
    h.click(retry);
    h.click(retry);
    assert.deepEqual(h.posted, [{ type: "retry" }]);
    assert.equal(h.$(".error .hint-command").textContent, "vllm serve m --port 8011");
  });

  it("shows the reward model configured for a solve that failed before it started", () => {
    const reward = { url: "http://127.0.0.1:8012/v1", model: "AceMath-7B-RM", simulated: false };
    const h = new Harness().send(
      fx.started(problem, reward),
      { type: "error", error: { message: "No server" } },
      { type: "done", outcome: "failed" },
    );
    assert.equal(h.all(".backends dd")[1]?.textContent, "AceMath-7B-RM at http://127.0.0.1:8012/v1");
  });

  it("cuts a long answer in the answers table, with the full answer in its title", () => {
    const long = `x = ${"\\frac{1}{2} + ".repeat(60)}1`;
    const h = new Harness().send(fx.started(problem), {
      type: "ranking",
      method: "majority",
      order: [],
      groups: [
        { answer: long, members: [0, 1], bestScore: null },
        { answer: "42", members: [2], bestScore: 1.5 },
      ],
    });
    const cells = h.all(".groups tr.group .group-answer-text");
    assert.equal(cells[0]!.getAttribute("title"), long);
    assert.ok(cells[0]!.classList.contains("answer-source"), "too long to typeset");
    assert.ok((cells[0]!.textContent ?? "").length < 100);
    assert.equal(cells[1]!.getAttribute("title"), "42");
    assert.ok(cells[1]!.querySelector(".katex"));
    assert.deepEqual(
      h.all(".groups tr.group td.num").map((td) => td.textContent),
      ["2", "—", "1", "1.500"],
    );
  });

  it("posts candidate actions with the candidate index, and links as openLink", () => {
    const h = new Harness().send(
      fx.started(problem),
      { type: "delta", index: 3, text: "See [docs](https://example.com/d)" },
      { type: "finished", index: 3, finishReason: "stop", answer: "42" },
    );
    const card = h.candidate(3);
    for (const action of ["insert-answer", "insert-solution", "copy-latex"]) {
      h.click(card.querySelector<HTMLElement>(`button[data-action="${action}"]`)!);
    }
    const link = card.querySelector<HTMLElement>("a.md-link")!;
    const click = new window.MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    assert.ok(click.defaultPrevented, "the webview never follows the link itself");
    assert.equal(link.getAttribute("href"), null);
    assert.equal(link.getAttribute("title"), "https://example.com/d");
    assert.ok(link.closest(".solution"), "links live inside the model's output box");
    assert.equal(window.location.href, "about:blank");
    assert.deepEqual(h.posted, [
      { type: "insertAnswer", index: 3 },
      { type: "insertSolution", index: 3 },
      { type: "copyLatex", index: 3 },
      { type: "openLink", href: "https://example.com/d" },
    ]);
  });

  it("replaces everything on a snapshot", () => {
    const h = new Harness().send(...fx.completeSolve(problem));
    const next = emptySolveState();
    next.status = "running";
    next.problem = "New $y$";
    h.state = applyMessage(h.state, { type: "snapshot", state: next }, h.dirty);
    h.frame();
    assert.equal(h.all(".candidate").length, 0);
    assert.equal(h.all("tr.group").length, 0);
    assert.equal(h.$("#status").dataset.status, "running");
  });

  it("embedded engine: the header names it, and with no reward score the card shows the policy's confidence, labelled", () => {
    const engine = {
      url: "embedded:/models/tiny.gguf",
      model: "tiny.gguf",
      simulated: false,
      engine: "embedded" as const,
    };
    const h = new Harness().send(
      { type: "started", problem: "What is $1+1$?", n: 2, policy: engine, reward: null },
      { type: "delta", index: 0, text: "So \\(\\boxed{2}\\)." },
      { type: "finished", index: 0, finishReason: "stop", answer: "2", meanLogprob: -1.234 },
      { type: "delta", index: 1, text: "Hmm" },
      { type: "finished", index: 1, finishReason: "length", answer: null },
    );
    assert.match(
      h.$("header").textContent ?? "",
      /tiny\.gguf on the embedded llama\.cpp engine \(\/models\/tiny\.gguf\)/,
    );
    const confident = h.candidate(0).querySelector<HTMLElement>(".score")!;
    assert.equal(confident.textContent, "conf -1.23");
    assert.match(confident.title, /mean token log-probability \(not a reward score\)/);
    assert.match(confident.getAttribute("aria-label") ?? "", /not a reward score/);
    const plain = h.candidate(1).querySelector<HTMLElement>(".score")!;
    assert.equal(plain.getAttribute("aria-label"), "Not scored");
  });
});
