/**
 * API keys live in VS Code's SecretStorage (the OS keychain), never in settings or logs. Policy,
 * reward and process reward model may be different services, so each may have its own key; a shared
 * key serves every one that has none of its own.
 */
import vscode = require("vscode");

export type KeyRole = "policy" | "reward" | "prm";

const SHARED_KEY = "acemath.apiKey";
const ROLE_KEY: Record<KeyRole, string> = {
  policy: "acemath.apiKey.policy",
  reward: "acemath.apiKey.reward",
  prm: "acemath.apiKey.prm",
};

const CHOICES: { label: string; description: string; slot: string }[] = [
  { label: "All servers", description: "one key for every server without its own", slot: SHARED_KEY },
  { label: "Policy server only", description: "acemath.policy.baseUrl", slot: ROLE_KEY.policy },
  { label: "Reward server only", description: "acemath.reward.baseUrl", slot: ROLE_KEY.reward },
  { label: "Process reward model only", description: "acemath.prm.baseUrl", slot: ROLE_KEY.prm },
];

export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The endpoint's own key, else the shared one. */
  async get(role: KeyRole = "policy"): Promise<string | null> {
    return (await this.secrets.get(ROLE_KEY[role])) ?? (await this.secrets.get(SHARED_KEY)) ?? null;
  }

  async promptAndStore(): Promise<boolean> {
    const choice = await vscode.window.showQuickPick(CHOICES, {
      title: "AceMath: Set API Key",
      placeHolder: "Which server is the key for?",
    });
    if (!choice) return false;
    const key = await vscode.window.showInputBox({
      title: `AceMath: API key for ${choice.label.toLowerCase()}`,
      prompt: "Sent as a Bearer token. Stored in VS Code's secret storage; empty removes it.",
      password: true,
      ignoreFocusOut: true,
    });
    if (key === undefined) return false;
    if (key.trim() === "") await this.secrets.delete(choice.slot);
    else await this.secrets.store(choice.slot, key.trim());
    return true;
  }

  async clear(): Promise<void> {
    await Promise.all([SHARED_KEY, ...Object.values(ROLE_KEY)].map((slot) => this.secrets.delete(slot)));
  }
}
