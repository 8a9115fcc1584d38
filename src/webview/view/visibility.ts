/**
 * Which solution chunks are on screen (or close to it). Only those are rendered; a chunk that
 * leaves may be dropped again. In the browser this is one IntersectionObserver for the panel;
 * where there is none (jsdom, old engines) everything counts as visible, which is correct, only
 * less lazy.
 */
import { reachOf, shownDepth } from "./reach";

/**
 * `visible`: on screen or close to it (rendered); `onScreen`: inside the viewport itself when last
 * reported (rendered first, in one frame if it can: that frame shows the panel as it is);
 * `shownPx`: how far down from its top the element shows on screen (reach.ts `shownDepth`), where known.
 */
export type VisibilityListener = (
  visible: boolean,
  height: number,
  onScreen?: boolean,
  shownPx?: number,
) => void;

export interface Visibility {
  /** `clip`: the scrolling box that holds the element (what it shows of it is all that counts). */
  observe(element: Element, listener: VisibilityListener, clip?: Element): void;
  unobserve(element: Element): void;
  /**
   * Reports now, from the page's current layout, every element not reported yet; whether there
   * was any. An observer's first report comes only after the frame that laid the element out, so
   * a panel that waits for it draws a fresh solve's chunks on screen one frame late. `within`: only
   * the elements it accepts (the others wait for the observer).
   */
  measureUnreported?(within?: (element: Element) => boolean): boolean;
}

/** Everything is visible at once (no IntersectionObserver). */
export class AlwaysVisible implements Visibility {
  observe(_element: Element, listener: VisibilityListener): void {
    listener(true, 0);
  }
  unobserve(): void {}
}

/** How far outside the viewport a chunk is rendered ahead, so scrolling rarely shows a blank. */
const AHEAD_PX = 600;

export class ViewportVisibility implements Visibility {
  private readonly listeners = new Map<Element, VisibilityListener>();
  /** Observed elements the observer has not reported yet, with their scrolling box. */
  private readonly unreported = new Map<Element, Element | undefined>();
  // `root: document` (the panel's own viewport), not the implicit root: the webview is a
  // cross-origin iframe, and for those the implicit root ignores rootMargin.
  private readonly observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        this.unreported.delete(entry.target);
        // The visible part (clipped by the card's scrolling box too) meets the viewport itself.
        const seen = entry.intersectionRect;
        const onScreen = entry.isIntersecting && seen.bottom > 0 && seen.top < window.innerHeight;
        // What the box shows of the element is `seen`: the same rule as a measure's (reach.ts).
        const rect = entry.boundingClientRect;
        const shownPx = onScreen ? shownDepth(rect, seen, window.innerHeight) : 0;
        this.listeners.get(entry.target)?.(entry.isIntersecting, rect.height, onScreen, shownPx);
      }
    },
    { root: document, rootMargin: `${AHEAD_PX}px 0px` },
  );

  observe(element: Element, listener: VisibilityListener, clip?: Element): void {
    this.listeners.set(element, listener);
    this.unreported.set(element, clip);
    this.observer.observe(element);
  }

  unobserve(element: Element): void {
    this.listeners.delete(element);
    this.unreported.delete(element);
    this.observer.unobserve(element);
  }

  /**
   * The observer's rule, computed from one layout: every rectangle is read before any listener
   * runs (a listener may write to the page). The observer still reports them after the frame.
   */
  measureUnreported(within?: (element: Element) => boolean): boolean {
    const measured = [...this.unreported].filter(([element]) => within?.(element) ?? true);
    if (measured.length === 0) return false;
    const viewportHeight = window.innerHeight;
    const reports = measured.map(([element, clip]) => {
      const rect = element.getBoundingClientRect();
      const box = clip?.getBoundingClientRect();
      const reach = reachOf(rect, box, viewportHeight, AHEAD_PX);
      return { element, height: rect.height, shownPx: shownDepth(rect, box, viewportHeight), ...reach };
    });
    for (const { element, height, visible, onScreen, shownPx } of reports) {
      this.listeners.get(element)?.(visible, height, onScreen, shownPx);
    }
    return true;
  }
}

export function createVisibility(): Visibility {
  return typeof IntersectionObserver === "function" ? new ViewportVisibility() : new AlwaysVisible();
}
