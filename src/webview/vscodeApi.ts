/** The slice of the webview host API the panel uses; `acquireVsCodeApi` may be called only once. */
import type { FromWebview } from "../contract/webviewMessages";
import type { WebviewStorage } from "./state/persistence";

export interface VsCodeApi extends WebviewStorage {
  postMessage(message: FromWebview): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function acquireApi(): VsCodeApi {
  return acquireVsCodeApi();
}
