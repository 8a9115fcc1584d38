/**
 * A webview panel whose page is the test: `postMessage` records what the extension sent (serialised
 * as VS Code serialises it, so later changes to the sender's objects do not show), and `fromWebview`
 * delivers a message as if the page had posted it.
 */
import { EventEmitter } from "./events";
import { Uri } from "./uri";

/** Messages cross as JSON: what cannot be serialised does not arrive as it was sent. */
export function serialise(message: unknown): unknown {
  const json = JSON.stringify(message);
  return json === undefined ? undefined : JSON.parse(json);
}

export class FakeWebview {
  options: Record<string, unknown> = {};
  html = "";
  readonly cspSource = "https://*.vscode-cdn.net";
  /** Every message the extension posted, in order. */
  readonly posted: unknown[] = [];
  private readonly received = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;

  constructor(private readonly isDisposed: () => boolean) {}

  asWebviewUri(uri: Uri): Uri {
    return Uri.from({
      scheme: "https",
      authority: `${uri.scheme}+.vscode-resource.vscode-cdn.net`,
      path: uri.path,
    });
  }

  postMessage(message: unknown): Promise<boolean> {
    if (this.isDisposed()) throw new Error("Webview is disposed");
    this.posted.push(serialise(message));
    return Promise.resolve(true);
  }

  /** The page posts `message` (test side). */
  fromWebview(message: unknown): void {
    if (this.isDisposed()) throw new Error("Webview is disposed");
    this.received.fire(serialise(message));
  }

  dispose(): void {
    this.received.dispose();
  }
}

export class FakeWebviewPanel {
  readonly webview: FakeWebview;
  /** Each `reveal` call: the column and whether focus stayed where it was. */
  readonly reveals: Array<{ viewColumn: number | undefined; preserveFocus: boolean | undefined }> = [];
  disposed = false;
  private readonly disposedEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  readonly onDidChangeViewState = new EventEmitter<unknown>().event;
  visible = true;
  active = false;

  constructor(
    readonly viewType: string,
    public title: string,
    readonly showOptions: unknown,
    options: Record<string, unknown> = {},
  ) {
    this.webview = new FakeWebview(() => this.disposed);
    this.webview.options = options;
  }

  reveal(viewColumn?: number, preserveFocus?: boolean): void {
    if (this.disposed) throw new Error("Webview is disposed");
    this.reveals.push({ viewColumn, preserveFocus });
  }

  /** The user closed it, or the extension did: `onDidDispose` fires once. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.visible = false;
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
    this.webview.dispose();
  }
}
