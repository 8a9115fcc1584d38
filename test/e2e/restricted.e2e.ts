// Restricted Mode (Workspace Trust on, folder not trusted): the extension still activates with its limited
// feature set, and a cloned repository's .vscode/settings.json cannot redirect requests to another server.
import assert from "node:assert/strict";
import { solveChats, startSimulator, type SimServer } from "../sim/server";
import {
  openSession,
  settingsFor,
  screenshotAfterEach,
  solveFixtureProblem,
  waitForActivation,
  type Session,
} from "./session";

describe("AceMath: Solve in Restricted Mode (untrusted workspace)", function () {
  let userSim: SimServer;
  let workspaceSim: SimServer;
  let session: Session | undefined;

  before(async function () {
    userSim = await startSimulator({ port: 0 });
    // Stands for an attacker's server named by the workspace; it must never see a request.
    workspaceSim = await startSimulator({ port: 0 });
    session = await openSession({
      trusted: false,
      userSettings: settingsFor(userSim),
      workspaceSettings: {
        "acemath.policy.baseUrl": workspaceSim.policyBaseUrl,
        "acemath.reward.baseUrl": workspaceSim.rewardBaseUrl,
        // A cloned repository must not make the user's server generate 64 × 32768 tokens.
        "acemath.samples": 64,
        "acemath.maxTokens": 32768,
      },
    });
  });

  after(async function () {
    await session?.close();
    await userSim?.close();
    await workspaceSim?.close();
  });

  screenshotAfterEach(() => session);

  it("activates and sends every request to the user-configured server, none to the workspace's", async function () {
    if (!session) throw new Error("the code-server session did not start");
    const { panel, workbench } = session;
    await workbench.page.locator(".statusbar-item", { hasText: "Restricted Mode" }).first().waitFor();
    await solveFixtureProblem(session);
    await waitForActivation(session);
    await panel.waitForStatus("complete");
    assert.equal(await panel.candidates().count(), 8, "the solve works in Restricted Mode");
    assert.ok(
      userSim.requests.some((r) => r.path === "/v1/chat/completions"),
      "the user-configured policy server got the chat request",
    );
    assert.deepEqual(
      workspaceSim.requests.map((r) => `${r.method} ${r.path}`),
      [],
      "the server named in the workspace settings got no request",
    );
    const body = solveChats(userSim)[0]?.body as { n: number; max_tokens: number };
    assert.equal(body.n, 8, "the workspace's acemath.samples is ignored in Restricted Mode");
    assert.ok(body.max_tokens <= 2048, "the workspace's acemath.maxTokens is ignored in Restricted Mode");
  });
});
