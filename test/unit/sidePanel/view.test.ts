import assert from "node:assert/strict";
import type { SideHistoryItem, ToSidePanel } from "../../../src/contract/sidePanelMessages";
import { sideProblemOf } from "../../../src/extension/sidePanel/sideProblem";
import { bundleWebview, openWebviewPage, type WebviewPage } from "../../support/webviewDom";
import { activeContent } from "../webview/helpers";
import { loadProblem, solvedState } from "./fixture";

async function send(page: WebviewPage, message: ToSidePanel): Promise<void> {
  page.window.postMessage(message, "*");
  await new Promise((resolve) => setTimeout(resolve, 20));
}

function $(page: WebviewPage, selector: string): HTMLElement {
  const found = page.document.querySelector<HTMLElement>(selector);
  assert.ok(found, `${selector} is on the page`);
  return found;
}

function all(page: WebviewPage, selector: string): HTMLElement[] {
  return [...page.document.querySelectorAll<HTMLElement>(selector)];
}

function key(page: WebviewPage, target: HTMLElement, name: string): void {
  target.dispatchEvent(new page.window.KeyboardEvent("keydown", { key: name, bubbles: true }));
}

async function showMessage(idx: number): Promise<ToSidePanel> {
  const problem = sideProblemOf(await solvedState(loadProblem(idx)), {
    key: "latest",
    configured: "weighted-vote",
    solvedAt: null,
  });
  return { type: "show", problem, source: "cursor", pinned: false, note: "" };
}

describe("side panel view (bundled, in jsdom)", function () {
  this.timeout(20_000);
  let script = "";
  before(async () => (script = await bundleWebview("src/webview/side/main.ts")));

  it("posts ready on load and says there is nothing to show yet", async () => {
    const page = openWebviewPage(script);
    assert.deepEqual(page.posted, [{ type: "ready" }]);
    await send(page, { type: "show", problem: null, source: "latest", pinned: false, note: "No solve yet." });
    assert.equal($(page, ".empty").textContent, "No solve yet.");
  });

  it("draws the answer clusters, each policy's pick and the disagreement sentence", async () => {
    const page = openWebviewPage(script);
    await send(page, await showMessage(70));
    const rows = all(page, "table.clusters tbody tr");
    assert.deepEqual(
      rows.map((r) => [r.dataset.answer, r.dataset.votes]),
      [
        ["19", "5"],
        ["31", "3"],
      ],
      "clusters in order of first appearance",
    );
    const picked = (row: HTMLElement) =>
      [...row.querySelectorAll<HTMLElement>(".policy-badge")].map((b) => b.dataset.policy);
    assert.deepEqual(picked(rows[0]!), ["majority"]);
    assert.deepEqual(picked(rows[1]!), ["reward-top1", "weighted-vote"]);
    assert.match($(page, ".disagreement").textContent ?? "", /The policies disagree/);
    assert.equal($(page, ".disagreement").getAttribute("role"), "status");
    assert.match(
      rows[1]!.querySelector(".mean-score")!.getAttribute("aria-label") ?? "",
      /^Reward score -?\d/,
    );
    assert.match(
      rows[1]!.querySelector(".policy-badge")!.getAttribute("aria-label") ?? "",
      /^Picked by RM top-1/,
    );
    assert.ok(rows[0]!.querySelector(".katex"), "answers rendered with KaTeX");
  });

  it("typesets the answers in the policies' sentence, never as HTML, with the plain sentence as its tooltip", async () => {
    // Problem 70's real candidates, their two answers written as LaTeX (one hostile).
    const real = loadProblem(70);
    const latex: Record<string, string> = { "19": "\\frac{38}{2}", "31": "\\href{javascript:alert(1)}{31}" };
    const problem = { ...real, answers: real.answers.map((a) => latex[a] ?? a) };
    const view = sideProblemOf(await solvedState(problem), {
      key: "latest",
      configured: "weighted-vote",
      solvedAt: null,
    });
    const page = openWebviewPage(script);
    await send(page, { type: "show", problem: view, source: "cursor", pinned: false, note: "" });
    const sentence = $(page, ".disagreement");
    const answers = [...sentence.querySelectorAll<HTMLElement>(".sentence-answer")];
    assert.equal(answers.length, 2, "one typeset answer per side of the disagreement");
    assert.ok(answers[0]!.querySelector(".katex .mfrac") ?? answers[1]!.querySelector(".katex .mfrac"));
    assert.equal(sentence.querySelector("a"), null, "\\href is not turned into a link");
    // What is drawn: KaTeX's MathML copy (for screen readers) holds the source as an annotation.
    const drawn = sentence.cloneNode(true) as HTMLElement;
    drawn.querySelectorAll(".katex-mathml").forEach((mathml) => mathml.remove());
    const shown = drawn.textContent ?? "";
    assert.ok(!shown.includes("\\frac"), `no raw LaTeX in the shown sentence: ${shown}`);
    assert.match(shown, /^The policies disagree: .*majority vote picks .*\(5 of 8 votes\)/);
    assert.equal(sentence.getAttribute("title"), view.sentence);
    assert.ok(view.sentence.includes("\\frac{38}{2} (5 of 8 votes)"), view.sentence);
  });

  it("a state saved before the sentence had parts still shows the plain sentence", async () => {
    const first = openWebviewPage(script);
    const message = await showMessage(70);
    await send(first, message);
    const saved = structuredClone(first.saved.at(-1)) as { problem: Record<string, unknown> };
    delete saved.problem.sentenceParts;
    const restored = openWebviewPage(script, saved);
    assert.equal(
      $(restored, ".disagreement").textContent,
      message.type === "show" ? message.problem?.sentence : "",
    );
  });

  it("lists the candidates in the solve's order, numbered #index+1, with spoken scores", async () => {
    const page = openWebviewPage(script);
    const message = await showMessage(70);
    await send(page, message);
    const items = all(page, ".side-candidate");
    assert.equal(items.length, 8);
    const order = message.type === "show" ? message.problem!.order : [];
    assert.deepEqual(
      items.map((i) => Number(i.dataset.index)),
      order,
    );
    items.forEach((item) => {
      const index = Number(item.dataset.index);
      assert.equal(item.querySelector(".side-number")?.textContent, `#${index + 1}`);
      assert.match(item.querySelector(".side-score")?.getAttribute("aria-label") ?? "", /^Reward score /);
    });
  });

  it("compares two chosen candidates side by side: aligned steps, differing rows marked, KaTeX", async () => {
    const page = openWebviewPage(script);
    await send(page, await showMessage(70));
    $(page, '.side-candidate[data-index="0"] button[data-action="toggle-compare"]').click();
    $(page, '.side-candidate[data-index="1"] button[data-action="toggle-compare"]').click();
    assert.deepEqual(
      all(page, ".side-candidate.chosen")
        .map((i) => i.dataset.index)
        .sort(),
      ["0", "1"],
    );
    $(page, '[data-action="tab"][data-tab="compare"]').click();
    const section = $(page, ".compare-section");
    assert.deepEqual([section.dataset.left, section.dataset.right], ["0", "1"]);
    const rows = all(page, ".compare-row");
    assert.ok(rows.length > 2, "the solutions are split into steps");
    assert.ok(all(page, ".compare-row.differs").length > 0, "#1 (19) and #2 (31) differ somewhere");
    assert.ok(section.querySelector(".step .katex"), "steps rendered with KaTeX");
    assert.deepEqual(activeContent(section.innerHTML), []);
    // Either side can be changed with its picker.
    const right = section.querySelector<HTMLSelectElement>('select[data-side="b"]')!;
    right.value = "4";
    right.dispatchEvent(new page.window.Event("change", { bubbles: true }));
    assert.equal($(page, ".compare-section").dataset.right, "4");
  });

  it("keyboard: arrows move, Space chooses, Enter inserts the answer, C opens compare", async () => {
    const page = openWebviewPage(script);
    const message = await showMessage(98);
    await send(page, message);
    const order = message.type === "show" ? message.problem!.order : [];
    const list = () => $(page, '[role="listbox"]');
    list().focus();
    key(page, list(), "ArrowDown");
    key(page, list(), "ArrowDown");
    assert.equal(list().getAttribute("aria-activedescendant"), `side-candidate-${order[1]}`);
    assert.equal(page.document.activeElement, list(), "focus stays on the list across redraws");
    key(page, list(), " ");
    key(page, list(), "ArrowUp");
    key(page, list(), " ");
    assert.equal(all(page, '.side-candidate[aria-selected="true"]').length, 2);
    key(page, list(), "Enter");
    assert.deepEqual(page.posted.at(-1), { type: "accept", key: "latest", index: order[0] });
    key(page, list(), "c");
    assert.equal($(page, ".side-content").dataset.tab, "compare");
    assert.deepEqual(
      [$(page, ".compare-section").dataset.left, $(page, ".compare-section").dataset.right],
      [String(order[1]), String(order[0])],
    );
  });

  it("blind mode hides scores and numbers, and posts the verdict for the pair as shown", async () => {
    const page = openWebviewPage(script);
    await send(page, await showMessage(70));
    $(page, '[data-action="tab"][data-tab="blind"]').click();
    const section = $(page, ".blind-section");
    assert.equal(section.querySelectorAll(".side-score, .policy-badge, .side-number").length, 0);
    assert.doesNotMatch(section.querySelector(".compare-head")?.textContent ?? "", /#\d/);
    assert.deepEqual(
      all(page, ".compare-name").map((n) => n.textContent),
      ["Solution A", "Solution B"],
    );
    const saved = page.saved.at(-1) as { blind: { a: number; b: number } };
    $(page, 'button[data-verdict="B"]').click();
    assert.deepEqual(page.posted.at(-1), {
      type: "judge",
      key: "latest",
      a: saved.blind.a,
      b: saved.blind.b,
      verdict: "B",
    });
    key(page, $(page, ".blind-section"), "3");
    assert.equal(page.posted.at(-1)?.verdict, "tie", "the 3 key says tie");
    await send(page, { type: "judged", count: 2 });
    assert.match($(page, ".blind-section .hint").textContent ?? "", /Judged so far: 2/);
    $(page, 'button[data-action="export-judgements"]').click();
    assert.deepEqual(page.posted.at(-1), { type: "exportJudgements" });
  });

  it("history: newest first, searchable, a click asks for that solve", async () => {
    const page = openWebviewPage(script);
    const items: SideHistoryItem[] = [
      { id: "h-1", problem: "Find x if 2x = 6.", answer: "3", candidates: 8, solvedAt: 1000 },
      { id: "h-3", problem: "What is 7 times 6?", answer: "42", candidates: 8, solvedAt: 3000 },
      { id: "h-2", problem: "Solve x^2 = 4.", answer: "\\pm 2", candidates: 4, solvedAt: 2000 },
    ];
    await send(page, { type: "history", items, bound: 50 });
    $(page, '[data-action="tab"][data-tab="history"]').click();
    assert.deepEqual(
      all(page, ".history-open").map((b) => b.dataset.id),
      ["h-3", "h-2", "h-1"],
    );
    assert.match($(page, ".history-section .hint").textContent ?? "", /newest 50 solves are kept/);
    const search = $(page, ".history-search") as HTMLInputElement;
    search.focus();
    search.value = "solve x";
    search.dispatchEvent(new page.window.Event("input", { bubbles: true }));
    assert.deepEqual(
      all(page, ".history-open").map((b) => b.dataset.id),
      ["h-2"],
    );
    assert.equal(page.document.activeElement, $(page, ".history-search"), "typing keeps the focus");
    $(page, '.history-open[data-id="h-2"]').click();
    assert.deepEqual(page.posted.at(-1), { type: "openHistory", id: "h-2" });
  });

  it("history: each problem's math is typeset, cut before a formula, and searched by its source", async () => {
    const page = openWebviewPage(script);
    const overline =
      "What is $.0\\overline{3} \\div .\\overline{03}$? Express your answer as a mixed number.";
    const long = `${"The answer is wanted here. ".repeat(5)}Compute $\\frac{1}{2} + \\frac{1}{3}$ exactly.`;
    const script_ = "What is <script>alert(1)</script> $<img src=x onerror=alert(1)>$?";
    const items: SideHistoryItem[] = [
      { id: "h-1", problem: overline, answer: "3\\frac{1}{11}", candidates: 8, solvedAt: 3000 },
      { id: "h-2", problem: long, answer: null, candidates: 4, solvedAt: 2000 },
      { id: "h-3", problem: script_, answer: null, candidates: 2, solvedAt: 1000 },
    ];
    await send(page, { type: "history", items, bound: 50 });
    $(page, '[data-action="tab"][data-tab="history"]').click();
    const first = $(page, '.history-open[data-id="h-1"] .history-problem');
    assert.ok(first.querySelector(".katex"), "the formula is typeset");
    const visible = first.cloneNode(true) as HTMLElement;
    visible.querySelectorAll(".katex-mathml").forEach((mathml) => mathml.remove()); // the screen reader's copy
    assert.doesNotMatch(visible.textContent ?? "", /\$|\\overline|\\div/, "no raw LaTeX on screen");
    assert.equal(first.closest("button")?.title, overline, "the tooltip keeps the source");
    const cut = $(page, '.history-open[data-id="h-2"] .history-problem');
    assert.ok(long.length > 160 && long.indexOf("$") < 160, "the cut falls inside the formula");
    assert.equal(cut.querySelector(".katex"), null, "the half formula is dropped");
    assert.match((cut.textContent ?? "").trim(), /The answer is wanted here\. Compute…$/);
    const hostile = $(page, '.history-open[data-id="h-3"] .history-problem');
    assert.equal(page.document.querySelector("script, img"), null, "problem text never becomes HTML");
    assert.match(hostile.textContent ?? "", /<script>alert\(1\)<\/script>/);
    const search = $(page, ".history-search") as HTMLInputElement;
    search.value = "overline{03}";
    search.dispatchEvent(new page.window.Event("input", { bubbles: true }));
    assert.deepEqual(
      all(page, ".history-open").map((b) => b.dataset.id),
      ["h-1"],
    );
  });

  it("restores the tab, the compared pair and the solve from setState, before any message", async () => {
    const first = openWebviewPage(script);
    await send(first, await showMessage(70));
    $(first, '.side-candidate[data-index="2"] button[data-action="toggle-compare"]').click();
    $(first, '.side-candidate[data-index="7"] button[data-action="toggle-compare"]').click();
    $(first, '[data-action="tab"][data-tab="compare"]').click();
    const reloaded = openWebviewPage(script, first.saved.at(-1));
    assert.deepEqual(
      [$(reloaded, ".compare-section").dataset.left, $(reloaded, ".compare-section").dataset.right],
      ["2", "7"],
    );
    // After a window reload the extension has no solve yet: the page keeps what it showed.
    await send(reloaded, { type: "show", problem: null, source: "latest", pinned: false, note: "nothing" });
    assert.equal($(reloaded, ".compare-section").dataset.left, "2");
  });

  it("model output stays text: no element, handler or link from a hostile candidate", async () => {
    const page = openWebviewPage(script);
    const message = await showMessage(54);
    if (message.type !== "show" || !message.problem) throw new Error("no problem");
    message.problem.candidates[0]!.text =
      "<img src=x onerror=alert(1)> <script>alert(2)</script> [a](javascript:alert(3))";
    message.problem.candidates[0]!.answer = "<b>5</b>";
    await send(page, message);
    $(page, '[data-action="tab"][data-tab="compare"]').click();
    assert.deepEqual(activeContent(page.document.body.innerHTML), []);
  });
});
