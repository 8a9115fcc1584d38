/**
 * Keeps the span of each recent solve's problem current while its document is edited (typing above the
 * problem moves it down), so that "Insert answer" still lands right after it. One listener for all; only
 * the latest few solves are tracked (the controller acts on the latest one only).
 */
import vscode = require("vscode");
import { applyChanges, trackSpan, type TextChange, type TrackedSpan } from "../../core/insertion";
import type { Span } from "../../core/problem/types";

/** A span that the tracker keeps current; read `current` when it is needed. */
export interface SpanRef {
  readonly uri: vscode.Uri;
  readonly current: TrackedSpan;
}

interface Tracked {
  uri: string;
  current: TrackedSpan;
}

const MAX_TRACKED = 8;

class ProblemSpans implements vscode.Disposable {
  private readonly tracked: Tracked[] = [];
  private listener: vscode.Disposable | undefined;

  track(uri: vscode.Uri, span: Span): SpanRef {
    this.listener ??= vscode.workspace.onDidChangeTextDocument((event) => this.onChange(event));
    const entry: Tracked = { uri: uri.toString(), current: trackSpan(span) };
    this.tracked.push(entry);
    if (this.tracked.length > MAX_TRACKED) this.tracked.shift();
    return {
      uri,
      get current() {
        return entry.current;
      },
    };
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const uri = event.document.uri.toString();
    const changes: TextChange[] = event.contentChanges.map((change) => ({
      offset: change.rangeOffset,
      length: change.rangeLength,
      insertedLength: change.text.length,
    }));
    for (const entry of this.tracked) {
      if (entry.uri === uri) entry.current = applyChanges(entry.current, changes);
    }
  }

  dispose(): void {
    this.listener?.dispose();
    this.listener = undefined;
    this.tracked.length = 0;
  }
}

/** The extension's one tracker (disposing it stops the listener; a later `track` starts it again). */
export const problemSpans = new ProblemSpans();
