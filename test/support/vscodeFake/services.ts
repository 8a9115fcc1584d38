/**
 * `vscode.commands`, `vscode.env` and the `ExtensionContext` an extension is activated with
 * (Memento and SecretStorage in memory).
 */
import { Disposable, EventEmitter } from "./events";
import { Uri } from "./uri";

type Handler = (...args: unknown[]) => unknown;

class FakeCommands {
  registered = new Map<string, Handler>();
  /** Every `executeCommand`, registered or built in (`setContext`, `workbench.action.openSettings`…). */
  executed: Array<{ id: string; args: unknown[] }> = [];

  reset(): void {
    this.registered = new Map();
    this.executed = [];
  }

  /** The `setContext` values, latest last, for one key. */
  contextValues(key: string): unknown[] {
    return this.executed.filter((c) => c.id === "setContext" && c.args[0] === key).map((c) => c.args[1]);
  }
}

export const fakeCommands = new FakeCommands();

export const commands = {
  registerCommand(id: string, handler: Handler, thisArg?: unknown): Disposable {
    if (fakeCommands.registered.has(id)) throw new Error(`command '${id}' already exists`);
    fakeCommands.registered.set(id, thisArg === undefined ? handler : handler.bind(thisArg));
    return new Disposable(() => fakeCommands.registered.delete(id));
  },
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    fakeCommands.executed.push({ id, args });
    return fakeCommands.registered.get(id)?.(...args);
  },
  getCommands: () => Promise.resolve([...fakeCommands.registered.keys()]),
};

class FakeEnv {
  /** URIs handed to `openExternal`, in order. */
  opened: Uri[] = [];
  clipboard = "";
  /** When set, writing to the clipboard fails with this message. */
  clipboardFailure: string | null = null;

  reset(): void {
    this.opened = [];
    this.clipboard = "";
    this.clipboardFailure = null;
  }
}

export const fakeEnv = new FakeEnv();

export const env = {
  appName: "Visual Studio Code (fake)",
  language: "en",
  uriScheme: "vscode",
  openExternal(uri: Uri): Promise<boolean> {
    fakeEnv.opened.push(uri);
    return Promise.resolve(true);
  },
  clipboard: {
    readText: () => Promise.resolve(fakeEnv.clipboard),
    writeText(text: string): Promise<void> {
      if (fakeEnv.clipboardFailure !== null) return Promise.reject(new Error(fakeEnv.clipboardFailure));
      fakeEnv.clipboard = text;
      return Promise.resolve();
    },
  },
};

export class FakeMemento {
  private readonly values = new Map<string, unknown>();

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }

  /** Stored as VS Code stores it: a JSON copy; `undefined` removes the key. */
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }

  setKeysForSync(): void {}
}

export class FakeSecretStorage {
  readonly values = new Map<string, string>();
  private readonly changed = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.changed.event;

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }

  store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changed.fire({ key });
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    if (this.values.delete(key)) this.changed.fire({ key });
    return Promise.resolve();
  }

  keys(): Promise<string[]> {
    return Promise.resolve([...this.values.keys()]);
  }
}

export enum ExtensionMode {
  Production = 1,
  Development = 2,
  Test = 3,
}

/** An extension context rooted at `extensionPath` (nothing is read from it). */
export function createExtensionContext(extensionPath = "/ext/acemath") {
  const extensionUri = Uri.file(extensionPath);
  return {
    subscriptions: [] as Array<{ dispose(): unknown }>,
    extensionUri,
    extensionPath,
    extensionMode: ExtensionMode.Test,
    globalState: new FakeMemento(),
    workspaceState: new FakeMemento(),
    secrets: new FakeSecretStorage(),
    globalStorageUri: Uri.joinPath(extensionUri, ".global"),
    storageUri: Uri.joinPath(extensionUri, ".workspace"),
    logUri: Uri.joinPath(extensionUri, ".log"),
    asAbsolutePath: (relative: string) => `${extensionPath}/${relative}`,
  };
}
