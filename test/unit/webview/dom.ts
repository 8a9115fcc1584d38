/** Installs a jsdom window as the global DOM for view tests, and removes it afterwards. */
import { JSDOM } from "jsdom";

const GLOBALS = [
  "window",
  "document",
  "navigator",
  "Node",
  "Element",
  "HTMLElement",
  "HTMLButtonElement",
] as const;

export function installDom(): { window: JSDOM["window"]; uninstall: () => void } {
  const dom = new JSDOM('<!doctype html><body><main id="app"></main></body>', { pretendToBeVisual: true });
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const name of GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
  }
  return {
    window: dom.window,
    uninstall: () => {
      for (const name of GLOBALS) {
        const descriptor = saved.get(name);
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete (globalThis as Record<string, unknown>)[name];
      }
      dom.window.close();
    },
  };
}
