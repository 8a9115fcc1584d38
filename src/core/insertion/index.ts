/**
 * Insertion (pure core): what "Insert answer/solution" and "Copy LaTeX" write, cleaned for the target
 * markup, and where in the document it goes.
 */
export { markupFor, type Markup } from "./markup";
export { answerLatexForClipboard, formatAnswerInsertion, formatSolutionInsertion } from "./format";
export { cleanModelText, type CleanText } from "./sanitize";
export { stripControlCharacters } from "./controlChars";
export { chooseInsertionOffset, snapToSafeOffset, type PlacementInput } from "./placement";
export { applyChanges, trackSpan, type TextChange, type TrackedSpan } from "./trackedSpan";
