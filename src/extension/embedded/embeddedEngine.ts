/**
 * The embedded engine in the editor: when no policy server answers and the user has enabled the
 * engine, solve with a local GGUF model — the configured file, or the default AceMath-1.5B-Instruct
 * downloaded once into global storage after the user agreed in a dialog that states its size and
 * source. Nothing is ever downloaded silently; a declined or failed download leaves the server's error.
 */
import vscode = require("vscode");
import { join } from "node:path";
import { existsSync } from "node:fs";
import type { BackendError } from "../../core/backend/errors";
import { embeddedBaseUrl, type PolicyBackend } from "../../core/backend/ports";
import type { DownloadProgress } from "../../backends/embedded/download";
import { DEFAULT_GGUF_FILE, DEFAULT_GGUF_SOURCE } from "../../backends/embedded/defaultModel";
import type { EmbeddedPolicyBackend } from "../../backends/embedded/embeddedPolicy";
import { readEmbeddedSettings } from "../config";
import { lazy } from "../lazy";
import { log } from "../log";
import { askEmbeddedModelConsent, showActionFailed, showInfo } from "../notifications";

export class EmbeddedEngine implements vscode.Disposable {
  private backend: EmbeddedPolicyBackend | null = null;

  constructor(private readonly storage: vscode.Uri) {}

  /** The fallback for `FallbackPolicyBackend`: null when the engine is off or no model can be had. */
  async fallback(reason: BackendError): Promise<PolicyBackend | null> {
    const settings = readEmbeddedSettings();
    if (!settings.enabled) return null;
    log().info(`No policy server answered (${reason.message}); using the embedded engine.`);
    const modelPath = settings.modelPath ?? (await this.defaultModel(reason.url));
    return modelPath ? this.engineFor(modelPath) : null;
  }

  /** "AceMath: Set Up Embedded Engine": enable it and fetch the default model now, with consent. */
  async setUp(): Promise<void> {
    await vscode.workspace
      .getConfiguration("acemath")
      .update("embedded.enabled", true, vscode.ConfigurationTarget.Global);
    const settings = readEmbeddedSettings();
    const path = settings.modelPath ?? (await this.defaultModel(null));
    if (path)
      showInfo(`AceMath will solve with the embedded engine (${path}) when no policy server answers.`);
  }

  dispose(): void {
    void this.backend?.dispose();
  }

  private engineFor(modelPath: string): EmbeddedPolicyBackend {
    if (this.backend?.baseUrl !== embeddedBaseUrl(modelPath)) {
      void this.backend?.dispose();
      this.backend = new (lazy().EmbeddedPolicyBackend)({ modelPath });
    }
    return this.backend;
  }

  private async defaultModel(unreachableUrl: string | null): Promise<string | null> {
    const destination = join(this.storage.fsPath, "models", DEFAULT_GGUF_FILE);
    if (existsSync(destination)) return destination;
    const consent = await askEmbeddedModelConsent({
      unreachableUrl,
      sourceUrl: DEFAULT_GGUF_SOURCE.url,
      approximateBytes: DEFAULT_GGUF_SOURCE.approximateBytes,
      destination,
    });
    if (consent === "choose-file") return this.chooseFile();
    if (consent !== "download") return null;
    return this.download(destination);
  }

  private async chooseFile(): Promise<string | null> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { "GGUF model": ["gguf"] },
      openLabel: "Use this model",
    });
    const path = picked?.[0]?.fsPath;
    if (!path) return null;
    await vscode.workspace
      .getConfiguration("acemath")
      .update("embedded.modelPath", path, vscode.ConfigurationTarget.Global);
    return path;
  }

  private download(destination: string): Promise<string | null> {
    return Promise.resolve(
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: "Downloading AceMath-1.5B-Instruct",
          cancellable: true,
        },
        async (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          let reported = 0;
          const onProgress = ({ received, total }: DownloadProgress) => {
            if (!total) return;
            const percent = (100 * received) / total;
            if (percent - reported < 1 && received !== total) return;
            progress.report({ increment: percent - reported, message: `${mb(received)} of ${mb(total)} MB` });
            reported = percent;
          };
          const { downloadModel, ModelDownloadError } = lazy();
          try {
            return await downloadModel({
              source: DEFAULT_GGUF_SOURCE,
              destination,
              signal: controller.signal,
              onProgress,
            });
          } catch (error) {
            const message = error instanceof ModelDownloadError ? error.message : String(error);
            log().error(`Model download failed: ${message}`);
            showActionFailed(message);
            return null;
          }
        },
      ),
    );
  }
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}
