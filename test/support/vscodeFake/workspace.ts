/**
 * `vscode.workspace`: open documents, a small disk (uri string → text), workspace edits that really
 * change the documents and fire `onDidChangeTextDocument`, and settings in two layers (the user's and the
 * workspace's) over the defaults of this extension's package.json.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FakeTextDocument, type ContentChange, type TextEdit } from "./document";
import { EventEmitter } from "./events";
import { Position, Range } from "./position";
import { Uri } from "./uri";
import { fakeWindow } from "./window";

export class WorkspaceEdit {
  private readonly edits = new Map<string, { uri: Uri; edits: TextEdit[] }>();

  insert(uri: Uri, position: Position, newText: string): void {
    this.replace(uri, new Range(position, position), newText);
  }

  replace(uri: Uri, range: Range, newText: string): void {
    const key = uri.toString();
    const entry = this.edits.get(key) ?? { uri, edits: [] };
    entry.edits.push({ range, newText });
    this.edits.set(key, entry);
  }

  delete(uri: Uri, range: Range): void {
    this.replace(uri, range, "");
  }

  get size(): number {
    return this.edits.size;
  }

  entries(): Array<[Uri, TextEdit[]]> {
    return [...this.edits.values()].map(({ uri, edits }) => [uri, edits]);
  }
}

export interface ChangeEvent {
  document: FakeTextDocument;
  contentChanges: ContentChange[];
  reason: undefined;
}

class FakeWorkspace {
  textDocuments: FakeTextDocument[] = [];
  /** Files that exist "on disk": uri string → text. */
  disk = new Map<string, string>();
  /** Schemes whose file system refuses writes. */
  readOnlySchemes = new Set<string>();
  /** When set, `applyEdit` resolves false, as when VS Code or another extension vetoes an edit. */
  refuseEdits = false;
  /** Every workspace edit the extension asked for, applied or not. */
  appliedEdits: WorkspaceEdit[] = [];
  /** The user's settings.json: full key → value. */
  userSettings = new Map<string, unknown>();
  /** The workspace's .vscode/settings.json; VS Code ignores it for application- and machine-scoped settings. */
  workspaceSettings = new Map<string, unknown>();
  /** False: act as if package.json forgot the settings' scopes (workspace values then override all). */
  honourManifestScopes = true;
  isTrusted = true;
  /** Emitters live as long as the process: modules subscribe once (see problemSpans.ts). */
  readonly changed = new EventEmitter<ChangeEvent>();
  readonly opened = new EventEmitter<FakeTextDocument>();
  readonly closed = new EventEmitter<FakeTextDocument>();
  readonly configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();

  reset(): void {
    this.textDocuments = [];
    this.disk = new Map();
    this.readOnlySchemes = new Set();
    this.refuseEdits = false;
    this.appliedEdits = [];
    this.userSettings = new Map();
    this.workspaceSettings = new Map();
    this.honourManifestScopes = true;
    this.isTrusted = true;
  }

  /** Opens a document as if the user had (a `file:` one also exists on disk unless `onDisk` is false). */
  openDocument(path: string, languageId: string, text: string, { onDisk = true } = {}): FakeTextDocument {
    const uri = path.includes(":") ? Uri.parse(path) : Uri.file(path);
    if (uri.scheme === "file" && onDisk) this.disk.set(uri.toString(), text);
    const document = new FakeTextDocument(uri, languageId, text);
    this.textDocuments.push(document);
    this.opened.fire(document);
    return document;
  }

  /** The user closed the document's last editor and VS Code let the document go. */
  closeDocument(document: FakeTextDocument): void {
    document.isClosed = true;
    this.textDocuments = this.textDocuments.filter((d) => d !== document);
    fakeWindow.closeEditorsOf(document);
    this.closed.fire(document);
  }

  async open(uri: Uri): Promise<FakeTextDocument> {
    const open = this.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open;
    const text = this.disk.get(uri.toString());
    if (text === undefined)
      throw new Error(`cannot open ${uri.toString()}. Detail: Unable to read file (FileNotFound)`);
    return this.openDocument(uri.toString(), languageOf(uri.path), text);
  }

  async apply(edit: WorkspaceEdit): Promise<boolean> {
    this.appliedEdits.push(edit);
    if (this.refuseEdits) return false;
    const targets: Array<[FakeTextDocument, TextEdit[]]> = [];
    for (const [uri, edits] of edit.entries()) {
      if (this.readOnlySchemes.has(uri.scheme)) return false;
      targets.push([await this.open(uri), edits]);
    }
    // All or nothing, as VS Code: one invalid part refuses the whole edit.
    if (targets.some(([document, edits]) => document.planEdits(edits) === null)) return false;
    for (const [document, edits] of targets) this.applyTo(document, edits);
    return true;
  }

  private applyTo(document: FakeTextDocument, edits: TextEdit[]): void {
    const editors = fakeWindow.visibleTextEditors.filter((e) => e.document === document);
    const before = editors.map((e) => ({
      anchor: document.offsetAt(e.selection.anchor),
      active: document.offsetAt(e.selection.active),
    }));
    const changes = document.applyEdits(edits) ?? [];
    editors.forEach((editor, i) => editor.followChanges(changes, before[i]!));
    if (changes.length > 0) this.changed.fire({ document, contentChanges: changes, reason: undefined });
  }
}

function languageOf(path: string): string {
  if (path.endsWith(".tex")) return "latex";
  if (path.endsWith(".md")) return "markdown";
  return "plaintext";
}

export const fakeWorkspace = new FakeWorkspace();

/** What this extension's package.json declares for each setting: its default and its scope. */
const MANIFEST = (() => {
  const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as {
    contributes?: { configuration?: unknown };
  };
  const sections = [manifest.contributes?.configuration ?? []].flat() as Array<{
    properties?: Record<string, { default?: unknown; scope?: string }>;
  }>;
  return new Map(sections.flatMap((section) => Object.entries(section.properties ?? {})));
})();

/** Application- and machine-scoped settings are the user's alone (VS Code ignores workspace values). */
function workspaceMayOverride(key: string): boolean {
  if (!fakeWorkspace.honourManifestScopes) return true;
  const scope = MANIFEST.get(key)?.scope;
  return scope !== "application" && scope !== "machine";
}

function configuration(section?: string) {
  const key = (name: string) => (section ? `${section}.${name}` : name);
  const inspect = (name: string) => {
    const full = key(name);
    return {
      key: full,
      defaultValue: MANIFEST.get(full)?.default,
      globalValue: fakeWorkspace.userSettings.get(full),
      workspaceValue: fakeWorkspace.workspaceSettings.get(full),
    };
  };
  return {
    get<T>(name: string, defaultValue?: T): T | undefined {
      const { key: full, defaultValue: declared, globalValue, workspaceValue } = inspect(name);
      if (workspaceValue !== undefined && workspaceMayOverride(full)) return workspaceValue as T;
      return (globalValue ?? declared ?? defaultValue) as T | undefined;
    },
    has: (name: string) => inspect(name).globalValue !== undefined || MANIFEST.has(key(name)),
    inspect,
    /** `target` 1 (Global, the default here) writes the user's settings; 2 the workspace's. */
    update(name: string, value: unknown, target: number | boolean = 1): Promise<void> {
      const full = key(name);
      const toWorkspace = target === 2 || target === false;
      const layer = toWorkspace ? fakeWorkspace.workspaceSettings : fakeWorkspace.userSettings;
      if (value === undefined) layer.delete(full);
      else layer.set(full, value);
      fakeWorkspace.configurationChanged.fire({
        affectsConfiguration: (s: string) => full === s || full.startsWith(`${s}.`),
      });
      return Promise.resolve();
    },
  };
}

export const workspace = {
  get textDocuments() {
    return fakeWorkspace.textDocuments;
  },
  get isTrusted() {
    return fakeWorkspace.isTrusted;
  },
  notebookDocuments: [],
  workspaceFolders: undefined,
  onDidChangeTextDocument: fakeWorkspace.changed.event,
  onDidOpenTextDocument: fakeWorkspace.opened.event,
  onDidCloseTextDocument: fakeWorkspace.closed.event,
  onDidChangeConfiguration: fakeWorkspace.configurationChanged.event,
  getConfiguration: configuration,
  openTextDocument: (uri: Uri) => fakeWorkspace.open(uri),
  applyEdit: (edit: WorkspaceEdit) => fakeWorkspace.apply(edit),
  fs: {
    /** True or false for the schemes VS Code knows a file system of; undefined for others, as VS Code. */
    isWritableFileSystem(scheme: string): boolean | undefined {
      if (fakeWorkspace.readOnlySchemes.has(scheme)) return false;
      return scheme === "file" ? true : undefined;
    },
    stat(uri: Uri): Promise<{ type: number; size: number; ctime: number; mtime: number }> {
      const text = fakeWorkspace.disk.get(uri.toString());
      if (text === undefined) return Promise.reject(new Error(`${uri.toString()} (FileNotFound)`));
      return Promise.resolve({ type: 1, size: text.length, ctime: 0, mtime: 0 });
    },
  },
};
