/**
 * Which solution chunks are on screen (or close to it). Only those are rendered; a chunk that
 * leaves may be dropped again. In the browser this is one IntersectionObserver for the panel;
 * where there is none (jsdom, old engines) everything counts as visible, which is correct, only
 * less lazy.
 */
/**
 * `visible`: on screen or close to it (rendered); `onScreen`: inside the viewport itself when last
 * reported (rendered first, in one frame if it can: that frame shows the panel as it is).
 */
export type VisibilityListener = (visible: boolean, height: number, onScreen?: boolean) => void;

export interface Visibility {
  observe(element: Element, listener: VisibilityListener): void;
  unobserve(element: Element): void;
}

/** Everything is visible at once (no IntersectionObserver). */
export class AlwaysVisible implements Visibility {
  observe(_element: Element, listener: VisibilityListener): void {
    listener(true, 0);
  }
  unobserve(): void {}
}

/** How far outside the viewport a chunk is rendered ahead, so scrolling rarely shows a blank. */
const AHEAD = "600px 0px";

export class ViewportVisibility implements Visibility {
  private readonly listeners = new Map<Element, VisibilityListener>();
  // `root: document` (the panel's own viewport), not the implicit root: the webview is a
  // cross-origin iframe, and for those the implicit root ignores rootMargin.
  private readonly observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        // The visible part (clipped by the card's scrolling box too) meets the viewport itself.
        const seen = entry.intersectionRect;
        const onScreen = entry.isIntersecting && seen.bottom > 0 && seen.top < window.innerHeight;
        this.listeners.get(entry.target)?.(entry.isIntersecting, entry.boundingClientRect.height, onScreen);
      }
    },
    { root: document, rootMargin: AHEAD },
  );

  observe(element: Element, listener: VisibilityListener): void {
    this.listeners.set(element, listener);
    this.observer.observe(element);
  }

  unobserve(element: Element): void {
    this.listeners.delete(element);
    this.observer.unobserve(element);
  }
}

export function createVisibility(): Visibility {
  return typeof IntersectionObserver === "function" ? new ViewportVisibility() : new AlwaysVisible();
}
