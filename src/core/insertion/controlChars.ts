/**
 * Characters that must never reach a document or a clipboard from model output: terminal escape
 * sequences, C0 controls other than newline and tab, C1 controls and bidirectional controls (which make
 * text read differently from what it is). The terminal's rules are the one home of that list; a document
 * additionally gets its line breaks as `\n`.
 */
import { stripTerminalControls } from "../util/terminalSafe";

export function stripControlCharacters(text: string): string {
  return stripTerminalControls(text.replace(/\r\n?/g, "\n"));
}
