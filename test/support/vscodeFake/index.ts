/**
 * A small in-memory `vscode` for unit tests of src/extension (see register.ts for how
 * `import * as vscode from "vscode"` reaches it). It implements only what the extension layer uses,
 * but behaves as VS Code does there: positions are validated, workspace edits change the documents'
 * text and fire change events, webview messages cross as JSON, notifications wait for the test's answer.
 * `fake` is the test's side: what was shown, posted, opened or run, and `fake.reset()` between tests.
 */
import { EndOfLine } from "./document";
import { CancellationTokenSource, Disposable, EventEmitter } from "./events";
import { Position, Range, Selection } from "./position";
import { commands, createExtensionContext, env, ExtensionMode, fakeCommands, fakeEnv } from "./services";
import { Uri } from "./uri";
import { fakeWindow, window } from "./window";
import { fakeWorkspace, workspace, WorkspaceEdit } from "./workspace";

export {
  CancellationTokenSource,
  Disposable,
  EndOfLine,
  EventEmitter,
  ExtensionMode,
  Position,
  Range,
  Selection,
};
export { Uri, WorkspaceEdit, commands, env, window, workspace };

export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
  Three = 3,
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export enum NotebookCellKind {
  Markup = 1,
  Code = 2,
}

export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(readonly id: string) {}
}

export const fake = {
  window: fakeWindow,
  workspace: fakeWorkspace,
  commands: fakeCommands,
  env: fakeEnv,
  createExtensionContext,
  /** Forgets what the last test did; modules' subscriptions and output channels stay, as in one VS Code session. */
  reset(): void {
    fakeWindow.reset();
    fakeWorkspace.reset();
    fakeCommands.reset();
    fakeEnv.reset();
  },
};
