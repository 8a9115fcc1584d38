/** The one way a checker hover (answer or step) becomes markdown: the user's text stays plain text. */
import vscode = require("vscode");
import type { HoverSegment } from "../../core/check";

/**
 * A hover over `start`..`end` of `document`. Markdown segments are ours; text segments (which quote
 * the user's text or a model's) are appended as plain text. `isTrusted` says which commands may run.
 */
export function segmentHover(
  document: vscode.TextDocument,
  span: { start: number; end: number },
  segments: readonly HoverSegment[],
  isTrusted: vscode.MarkdownString["isTrusted"],
): vscode.Hover {
  const markdown = new vscode.MarkdownString("", true);
  markdown.isTrusted = isTrusted;
  for (const segment of segments) {
    if ("text" in segment) markdown.appendText(segment.text);
    else markdown.appendMarkdown(segment.markdown);
  }
  const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  return new vscode.Hover(markdown, range);
}
