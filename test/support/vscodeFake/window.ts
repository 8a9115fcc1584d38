/**
 * `vscode.window`: notifications are recorded and answered by the test (`respond`), editors are the
 * test's, and panels, output channels, status bar items and progress notifications are recorded.
 */
import { FakeTextDocument, FakeTextEditor } from "./document";
import { CancellationTokenSource, Disposable, EventEmitter } from "./events";
import { Selection } from "./position";
import { FakeWebviewPanel } from "./webview";

export type Severity = "information" | "warning" | "error";

export interface ShownMessage {
  severity: Severity;
  message: string;
  /** `{ modal, detail }` when the caller passed options. */
  options: { modal?: boolean; detail?: string } | undefined;
  /** The buttons' titles. */
  items: string[];
}

type Item = string | { title: string };

export interface LogLine {
  level: "trace" | "debug" | "info" | "warn" | "error" | "append";
  message: string;
}

export class FakeOutputChannel {
  readonly lines: LogLine[] = [];
  shown = 0;
  readonly logLevel = 2;
  readonly onDidChangeLogLevel = new EventEmitter<number>().event;

  constructor(readonly name: string) {}

  trace = (message: string) => this.lines.push({ level: "trace", message });
  debug = (message: string) => this.lines.push({ level: "debug", message });
  info = (message: string) => this.lines.push({ level: "info", message });
  warn = (message: string) => this.lines.push({ level: "warn", message });
  error = (message: string | Error) => this.lines.push({ level: "error", message: String(message) });
  append = (message: string) => this.lines.push({ level: "append", message });
  appendLine = (message: string) => this.lines.push({ level: "append", message });
  replace = (message: string) => this.lines.splice(0, this.lines.length, { level: "append", message });
  clear = () => this.lines.splice(0);
  show = () => void this.shown++;
  hide = () => undefined;
  dispose = () => undefined;
}

export interface ProgressRecord {
  options: { location: number; title?: string; cancellable?: boolean };
  reports: Array<{ message?: string; increment?: number }>;
  /** The user pressed the notification's Cancel. */
  cancel(): void;
}

class FakeWindow {
  messages: ShownMessage[] = [];
  /** The test's answer to a notification: one of its items' titles, or undefined (dismissed). */
  respond: (shown: ShownMessage) => string | undefined = () => undefined;
  visibleTextEditors: FakeTextEditor[] = [];
  activeTextEditor: FakeTextEditor | undefined = undefined;
  panels: FakeWebviewPanel[] = [];
  serializers = new Map<string, unknown>();
  statusBarMessages: string[] = [];
  statusBarItems: Array<Record<string, unknown>> = [];
  progresses: ProgressRecord[] = [];
  /** The QuickPicks shown: their rows' labels and options. */
  quickPicks: Array<{ labels: string[]; options: unknown }> = [];
  /** The test's choice in a QuickPick: one of its rows, or undefined (Escape). */
  pick: <T extends { label: string }>(items: readonly T[]) => T | undefined = () => undefined;
  /** The input boxes shown (their options), and the test's answer: the text typed, or undefined (Escape). */
  inputBoxes: unknown[] = [];
  input: (options: unknown) => string | undefined = () => undefined;
  /** Output channels live as long as the process: modules keep theirs (see log.ts). */
  readonly outputChannels = new Map<string, FakeOutputChannel>();
  /** Emitters live as long as the process: modules subscribe once. */
  readonly activeEditorChanged = new EventEmitter<FakeTextEditor | undefined>();
  readonly selectionChanged = new EventEmitter<{ textEditor: FakeTextEditor; selections: Selection[] }>();
  readonly activeNotebookChanged = new EventEmitter<unknown>();
  readonly notebookSelectionChanged = new EventEmitter<unknown>();

  reset(): void {
    this.messages = [];
    this.respond = () => undefined;
    this.visibleTextEditors = [];
    this.activeTextEditor = undefined;
    this.panels = [];
    this.serializers = new Map();
    this.statusBarMessages = [];
    this.statusBarItems = [];
    this.progresses = [];
    this.quickPicks = [];
    this.pick = () => undefined;
    this.inputBoxes = [];
    this.input = () => undefined;
    for (const channel of this.outputChannels.values()) channel.clear();
  }

  /** Shows `document` in a new visible, active editor with the given selection (offsets). */
  showDocument(document: FakeTextDocument, selection?: { anchor: number; active?: number }): FakeTextEditor {
    const anchor = document.positionAt(selection?.anchor ?? 0);
    const active = document.positionAt(selection?.active ?? selection?.anchor ?? 0);
    const editor = new FakeTextEditor(document, new Selection(anchor, active), (changed) =>
      this.selectionChanged.fire({ textEditor: changed, selections: changed.selections }),
    );
    this.visibleTextEditors.push(editor);
    this.activeTextEditor = editor;
    this.activeEditorChanged.fire(editor);
    return editor;
  }

  closeEditorsOf(document: FakeTextDocument): void {
    this.visibleTextEditors = this.visibleTextEditors.filter((e) => e.document !== document);
    if (this.activeTextEditor?.document !== document) return;
    this.activeTextEditor = undefined;
    this.activeEditorChanged.fire(undefined);
  }

  /** The log lines of every channel, for tests that check what was logged. */
  logLines(): LogLine[] {
    return [...this.outputChannels.values()].flatMap((channel) => channel.lines);
  }

  show(severity: Severity, message: string, rest: unknown[]): Promise<string | undefined> {
    const first = rest[0];
    const hasOptions = typeof first === "object" && first !== null && !("title" in first);
    const options = hasOptions ? (first as ShownMessage["options"]) : undefined;
    const items = (hasOptions ? rest.slice(1) : rest).map((item) =>
      typeof item === "string" ? item : (item as { title: string }).title,
    );
    const shown: ShownMessage = { severity, message, options, items };
    this.messages.push(shown);
    const answer = this.respond(shown);
    if (answer !== undefined && !items.includes(answer))
      throw new Error(
        `the test answered "${answer}" to a message whose buttons are ${JSON.stringify(items)}`,
      );
    return Promise.resolve(answer);
  }
}

export const fakeWindow = new FakeWindow();

export const window = {
  get visibleTextEditors() {
    return fakeWindow.visibleTextEditors;
  },
  get activeTextEditor() {
    return fakeWindow.activeTextEditor;
  },
  activeNotebookEditor: undefined,
  onDidChangeActiveTextEditor: fakeWindow.activeEditorChanged.event,
  onDidChangeTextEditorSelection: fakeWindow.selectionChanged.event,
  onDidChangeActiveNotebookEditor: fakeWindow.activeNotebookChanged.event,
  onDidChangeNotebookEditorSelection: fakeWindow.notebookSelectionChanged.event,
  showInputBox(options?: unknown): Promise<string | undefined> {
    fakeWindow.inputBoxes.push(options);
    return Promise.resolve(fakeWindow.input(options));
  },
  showQuickPick<T extends { label: string }>(items: readonly T[], options?: unknown): Promise<T | undefined> {
    fakeWindow.quickPicks.push({ labels: items.map((item) => item.label), options });
    const chosen = fakeWindow.pick(items);
    if (chosen !== undefined && !items.includes(chosen))
      throw new Error("the test picked a row that was not offered");
    return Promise.resolve(chosen);
  },
  showInformationMessage: (message: string, ...rest: Array<Item | object>) =>
    fakeWindow.show("information", message, rest),
  showWarningMessage: (message: string, ...rest: Array<Item | object>) =>
    fakeWindow.show("warning", message, rest),
  showErrorMessage: (message: string, ...rest: Array<Item | object>) =>
    fakeWindow.show("error", message, rest),
  setStatusBarMessage(message: string): Disposable {
    fakeWindow.statusBarMessages.push(message);
    return new Disposable(() => undefined);
  },
  createOutputChannel(name: string): FakeOutputChannel {
    let channel = fakeWindow.outputChannels.get(name);
    if (!channel) fakeWindow.outputChannels.set(name, (channel = new FakeOutputChannel(name)));
    return channel;
  },
  createStatusBarItem(id: string, alignment?: number, priority?: number) {
    const item: Record<string, unknown> = { id, alignment, priority, visible: false };
    Object.assign(item, {
      show: () => void (item.visible = true),
      hide: () => void (item.visible = false),
      dispose: () => void (item.visible = false),
    });
    fakeWindow.statusBarItems.push(item);
    return item;
  },
  createWebviewPanel(
    viewType: string,
    title: string,
    showOptions: unknown,
    options?: Record<string, unknown>,
  ): FakeWebviewPanel {
    const panel = new FakeWebviewPanel(viewType, title, showOptions, options);
    fakeWindow.panels.push(panel);
    return panel;
  },
  registerWebviewPanelSerializer(viewType: string, serializer: unknown): Disposable {
    if (fakeWindow.serializers.has(viewType))
      throw new Error(`a serializer for ${viewType} is already registered`);
    fakeWindow.serializers.set(viewType, serializer);
    return new Disposable(() => fakeWindow.serializers.delete(viewType));
  },
  /** Runs the task at once; the test cancels through `fake.window.progresses[i].cancel()`. */
  async withProgress<R>(
    options: ProgressRecord["options"],
    task: (
      progress: { report(value: { message?: string; increment?: number }): void },
      token: CancellationTokenSource["token"],
    ) => Thenable<R>,
  ): Promise<R> {
    const source = new CancellationTokenSource();
    const record: ProgressRecord = { options, reports: [], cancel: () => source.cancel() };
    fakeWindow.progresses.push(record);
    try {
      return await task({ report: (value) => record.reports.push(value) }, source.token);
    } finally {
      source.dispose();
    }
  },
};
