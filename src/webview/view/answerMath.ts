/**
 * A final answer in a narrow place (a card's head, a row of the answers table). Answers are model
 * output and can be arbitrarily long: a long one is shown as the start of its source, cut, so it
 * never costs a large KaTeX render or pushes the columns and buttons out of the panel. The full
 * source (up to a sane length) is in the tooltip either way.
 */
import { renderMath } from "../render/math";
import { setAttr, setRenderedHtml, setText } from "./dom";

/** Longer answers are not typeset: they are shown as cut source. */
export const MAX_TYPESET_ANSWER_CHARS = 400;
const SHOWN_SOURCE_CHARS = 80;
const TITLE_CHARS = 2000;

export function answerTitle(latex: string): string {
  return latex.length > TITLE_CHARS ? `${latex.slice(0, TITLE_CHARS)}… (${latex.length} characters)` : latex;
}

export function showAnswerMath(element: HTMLElement, latex: string): void {
  setAttr(element, "title", answerTitle(latex));
  element.classList.toggle("answer-source", latex.length > MAX_TYPESET_ANSWER_CHARS);
  if (latex.length > MAX_TYPESET_ANSWER_CHARS) {
    setText(element, `${latex.slice(0, SHOWN_SOURCE_CHARS)}…`);
    return;
  }
  setRenderedHtml(element, renderMath(latex, { displayMode: false }));
}
