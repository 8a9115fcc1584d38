/** Warnings and the error, with the actions that fix them ("Open setting", copy the hint command). */
import type { SolveErrorInfo } from "../../core/solve/events";
import type { SolveState } from "../../core/solve/state";
import { el } from "./dom";

export interface NoticesView {
  root: HTMLElement;
  renderedKey: string;
}

export function createNotices(): NoticesView {
  return { root: el("section", { className: "notices", attrs: { "aria-live": "polite" } }), renderedKey: "" };
}

function warningElement(message: string): HTMLElement {
  return el("div", { className: "notice warning", attrs: { role: "note" } }, [
    el("span", { className: "notice-icon", text: "⚠", attrs: { "aria-hidden": "true" } }),
    el("span", { className: "notice-text", text: message }),
  ]);
}

function errorElement(error: SolveErrorInfo): HTMLElement {
  const retry = el("button", {
    text: "Retry",
    attrs: { type: "button", "data-action": "retry", title: "Run this solve again" },
  });
  const settingButton = error.setting
    ? el("button", {
        className: "secondary",
        text: "Open setting",
        attrs: {
          type: "button",
          "data-action": "open-setting",
          "data-setting": error.setting,
          title: error.setting,
        },
      })
    : null;
  const hint = error.hint
    ? el("div", { className: "hint" }, [
        el("code", { className: "hint-command", text: error.hint }),
        el("button", {
          className: "secondary",
          text: "Copy",
          attrs: { type: "button", "data-action": "copy-hint", title: "Copy this command" },
        }),
      ])
    : null;
  // The actions get their own row under the text, so a narrow panel wraps them instead of pushing
  // them off screen.
  return el("div", { className: "notice error", attrs: { role: "alert" } }, [
    el("span", { className: "notice-icon", text: "✕", attrs: { "aria-hidden": "true" } }),
    el("div", { className: "notice-body" }, [
      el("span", { className: "notice-text", text: error.message }),
      hint,
      el("div", { className: "notice-actions" }, [retry, settingButton]),
    ]),
  ]);
}

export function updateNotices(view: NoticesView, state: SolveState): void {
  const key = JSON.stringify([state.warnings, state.error]);
  if (key === view.renderedKey) return;
  view.renderedKey = key;
  view.root.replaceChildren(
    ...state.warnings.map((w) => warningElement(w.message)),
    ...(state.error ? [errorElement(state.error)] : []),
  );
  view.root.hidden = view.root.childElementCount === 0;
}
