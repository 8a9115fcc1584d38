// The panel's step marks from the extension's side (on the in-memory `vscode` fake): when a candidate
// finishes, its steps are checked and posted; the PRM toggle asks the (simulated) PRM once; the PRM
// endpoint is a user setting only, so a workspace cannot point it elsewhere.
import assert from "node:assert/strict";
import type * as vscode from "vscode";
import type { CandidateSteps } from "../../../src/contract/webviewMessages";
import { SolveController } from "../../../src/extension/solve/solveController";
import { problemSpans } from "../../../src/extension/solve/problemSpans";
import { StatusBar } from "../../../src/extension/statusBar";
import { DEFAULT_PRM_MODEL, PRM_SLIP_PROBABILITY } from "../../sim/prm";
import { startSimulator, type SimServer } from "../../sim/server";
import { fake, Uri } from "../../support/vscodeFake";
import { asVscode, foldPosted, HeldPolicy, solveRequest, targetFromFocus, waitFor } from "./harness";

const SLIP = "First, $17 \\times 4 = 78$.\n\nThen";
const posted = () => fake.window.panels[0]!.webview.posted as Array<{ type: string; steps?: CandidateSteps }>;
const stepMessages = () => posted().flatMap((m) => (m.type === "steps" && m.steps ? [m.steps] : []));

describe("solve controller: step marks for finished candidates", function () {
  this.timeout(20000);
  let controller: SolveController;
  let statusBar: StatusBar;
  let sim: SimServer | undefined;
  beforeEach(() => {
    fake.reset();
    statusBar = new StatusBar();
    controller = new SolveController(asVscode<vscode.Uri>(Uri.file("/ext/acemath")), statusBar);
  });
  afterEach(async () => {
    controller.dispose();
    statusBar.dispose();
    problemSpans.dispose();
    await sim?.close();
    sim = undefined;
  });

  /** Solves with two candidates that both hold the slip; returns their step messages. */
  async function solveWithSlip(): Promise<CandidateSteps[]> {
    const document = fake.workspace.openDocument("/w/a.md", "markdown", "What is 17 times 4?\n");
    fake.window.showDocument(document, { anchor: 3 });
    const target = await targetFromFocus();
    assert.ok(target);
    const before = fake.window.panels[0] ? stepMessages().length : 0;
    const policy = new HeldPolicy(SLIP, "78");
    const run = controller.run(target, solveRequest("What is 17 times 4?", 2), { policy, reward: null });
    await waitFor("streaming", () => controller.latest.candidates.length === 2);
    policy.release();
    await run;
    await waitFor("the step checks", () => stepMessages().length === before + 2);
    return stepMessages().slice(before);
  }

  it("each finished candidate's steps are posted after its text, the slip as the first error", async () => {
    const [first] = await solveWithSlip();
    assert.equal(first?.firstError, 0);
    assert.equal(first?.steps[0]?.verdict, "refuted");
    assert.match(first?.steps[0]?.reason ?? "", /68/);
    assert.equal(first?.textLength, controller.latest.candidates[0]?.text.length);
    assert.deepEqual(first?.available, [], "no PRM configured, no reward model in this solve");
    const before = foldPosted(
      posted().slice(
        0,
        posted().findIndex((m) => m.type === "steps"),
      ),
    );
    const seen = before.candidates.find((c) => c.index === first?.index);
    assert.equal(seen?.text.length, first?.textLength, "posted after the events that carry the text");
  });

  it("a page that loads after the candidates finished gets the snapshot, then the step checks again", async () => {
    await solveWithSlip();
    const before = posted().length;
    fake.window.panels[0]!.webview.fromWebview({ type: "ready" });
    assert.deepEqual(
      posted()
        .slice(before)
        .map((m) => m.type),
      ["snapshot", "steps", "steps"],
    );
  });

  it("the PRM toggle scores the steps in one /pooling request; a workspace value is ignored", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, prmModel: DEFAULT_PRM_MODEL });
    fake.workspace.workspaceSettings.set("acemath.prm.baseUrl", "http://attacker.test");
    const [untrusted] = await solveWithSlip();
    assert.deepEqual(untrusted?.available, [], "the workspace cannot configure a PRM");

    fake.workspace.userSettings.set("acemath.prm.baseUrl", sim.rewardBaseUrl);
    const [configured] = await solveWithSlip();
    assert.deepEqual(configured?.available, ["prm"]);
    const before = stepMessages().length;
    fake.window.panels[0]!.webview.fromWebview({ type: "stepSignal", index: 0, kind: "prm" });
    await waitFor("the PRM's values", () => stepMessages().length === before + 1);
    const shown = stepMessages()[before];
    assert.equal(shown?.signal?.kind, "prm");
    assert.equal(shown?.signal?.values[0], PRM_SLIP_PROBABILITY);
    assert.equal(sim.requests.filter((r) => r.path === "/pooling").length, 1);
    assert.equal(
      sim.requests.find((r) => r.path === "/pooling")?.authorization,
      undefined,
      "no key set: none sent",
    );
    fake.window.panels[0]!.webview.fromWebview({ type: "stepSignal", index: 0, kind: "prm" });
    await waitFor("the toggle off", () => stepMessages().length === before + 2);
    assert.equal(stepMessages()[before + 1]?.signal, undefined, "asked again: hidden, no new request");
    assert.equal(sim.requests.filter((r) => r.path === "/pooling").length, 1);
  });

  it("the PRM request carries the PRM's own API key from SecretStorage", async () => {
    sim = await startSimulator({ tokensPerSecond: 0, prmModel: DEFAULT_PRM_MODEL });
    controller.dispose();
    controller = new SolveController(
      asVscode<vscode.Uri>(Uri.file("/ext/acemath")),
      statusBar,
      undefined,
      async () => "sk-prm-own",
    );
    fake.workspace.userSettings.set("acemath.prm.baseUrl", sim.rewardBaseUrl);
    await solveWithSlip();
    const before = stepMessages().length;
    fake.window.panels.at(-1)!.webview.fromWebview({ type: "stepSignal", index: 0, kind: "prm" });
    await waitFor("the PRM's values", () => stepMessages().length === before + 1);
    assert.equal(sim.requests.find((r) => r.path === "/pooling")?.authorization, "Bearer sk-prm-own");
  });
});
