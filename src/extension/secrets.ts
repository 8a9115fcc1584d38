/** The API key lives in VS Code's SecretStorage (the OS keychain), never in settings or logs. */
import * as vscode from "vscode";

const API_KEY = "acemath.apiKey";

export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(): Promise<string | null> {
    return (await this.secrets.get(API_KEY)) ?? null;
  }

  async promptAndStore(): Promise<boolean> {
    const key = await vscode.window.showInputBox({
      title: "AceMath: Set API Key",
      prompt:
        "API key for the policy and reward servers (sent as a Bearer token). Stored in VS Code's secret storage.",
      password: true,
      ignoreFocusOut: true,
    });
    if (key === undefined) return false;
    if (key.trim() === "") await this.secrets.delete(API_KEY);
    else await this.secrets.store(API_KEY, key.trim());
    return true;
  }

  async clear(): Promise<void> {
    await this.secrets.delete(API_KEY);
  }
}
