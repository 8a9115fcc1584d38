/**
 * Every click in the panel goes through one delegated listener: buttons carry `data-action`,
 * candidate buttons find their candidate through the enclosing `.candidate[data-index]`.
 * No inline handlers anywhere (the CSP forbids them).
 */
import type { FromWebview } from "../../contract/webviewMessages";

type Post = (message: FromWebview) => void;

const CANDIDATE_ACTIONS: Record<string, "insertAnswer" | "insertSolution" | "copyLatex"> = {
  "insert-answer": "insertAnswer",
  "insert-solution": "insertSolution",
  "copy-latex": "copyLatex",
};

function candidateIndexOf(element: Element): number | null {
  const value = element.closest(".candidate")?.getAttribute("data-index");
  const index = value === null || value === undefined ? NaN : Number(value);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

function runAction(button: HTMLElement, post: Post): void {
  const action = button.dataset.action ?? "";
  const candidateAction = CANDIDATE_ACTIONS[action];
  if (candidateAction) {
    const index = candidateIndexOf(button);
    if (index !== null) post({ type: candidateAction, index });
  } else if (action === "cancel") {
    post({ type: "cancel" });
  } else if (action === "retry") {
    button.setAttribute("disabled", ""); // one retry per click; the new solve's snapshot redraws the panel
    post({ type: "retry" });
  } else if (action === "open-setting" && button.dataset.setting) {
    post({ type: "openSetting", setting: button.dataset.setting });
  } else if (action === "copy-hint") {
    copyHint(button);
  } else if (action === "toggle-expand") {
    toggleExpanded(button);
  } else if (action === "step-signal") {
    const index = candidateIndexOf(button);
    const kind = button.dataset.kind;
    if (index !== null && (kind === "prm" || kind === "prefix")) post({ type: "stepSignal", index, kind });
  }
}

function copyHint(button: HTMLElement): void {
  const command = button.closest(".hint")?.querySelector(".hint-command");
  if (!command?.textContent) return;
  navigator.clipboard.writeText(command.textContent).then(
    () => flash(button, "Copied"),
    () => selectText(command), // clipboard refused: leave it selected for Ctrl+C
  );
}

function flash(button: HTMLElement, text: string): void {
  const original = button.textContent;
  button.textContent = text;
  setTimeout(() => (button.textContent = original), 1200);
}

function selectText(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function toggleExpanded(button: HTMLElement): void {
  const card = button.closest(".candidate");
  if (!card) return;
  const expanded = card.classList.toggle("expanded");
  button.textContent = expanded ? "Collapse" : "Expand";
  button.setAttribute("aria-expanded", String(expanded));
}

function openLink(link: HTMLElement, post: Post): void {
  const href = link.dataset.href;
  if (href) post({ type: "openLink", href });
}

export function bindActions(root: HTMLElement, post: Post): void {
  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest<HTMLElement>("a.md-link");
    if (link) {
      event.preventDefault();
      openLink(link, post);
      return;
    }
    const button = target?.closest<HTMLButtonElement>("button[data-action]");
    if (button && !button.disabled) runAction(button, post);
  });
  root.addEventListener("keydown", (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (event.key === "Enter" && target?.matches("a.md-link")) openLink(target, post);
  });
}
