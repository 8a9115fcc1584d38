import type { Visibility, VisibilityListener } from "../../../src/webview/view/visibility";

/** A visibility that reports only when a test says so: it keeps the listeners of what is observed. */
export class ListenedVisibility implements Visibility {
  readonly listeners = new Map<Element, VisibilityListener>();
  observe(element: Element, listener: VisibilityListener): void {
    this.listeners.set(element, listener);
  }
  unobserve(element: Element): void {
    this.listeners.delete(element);
  }
}
