/**
 * Whether an element is on screen or near it, from its rectangle, the rectangle of the scrolling box
 * that holds it and the viewport's height: the rule of the panel's IntersectionObserver
 * (view/visibility.ts), for a panel that must know it before the observer's first report. Vertical
 * only: the panel scrolls vertically, and a chunk is always as wide as its box.
 */
export interface VerticalSpan {
  top: number;
  bottom: number;
}

export interface Reach {
  /** Meets the viewport grown by `aheadPx` above and below (the observer's root margin). */
  visible: boolean;
  /** Meets the viewport itself. */
  onScreen: boolean;
}

export function reachOf(
  rect: VerticalSpan,
  clip: VerticalSpan | undefined,
  viewportHeight: number,
  aheadPx: number,
): Reach {
  // What the box shows of the element; nothing when the element is scrolled out of its box.
  const top = Math.max(rect.top, clip?.top ?? -Infinity);
  const bottom = Math.min(rect.bottom, clip?.bottom ?? Infinity);
  if (bottom < top) return { visible: false, onScreen: false };
  return {
    visible: bottom >= -aheadPx && top <= viewportHeight + aheadPx,
    onScreen: bottom > 0 && top < viewportHeight,
  };
}

/**
 * How far down from its top an element shows on screen: from its top to the bottom of what the
 * viewport and its box show of it (0 when nothing shows). A chunk drawn that far looks final.
 */
export function shownDepth(
  rect: VerticalSpan,
  clip: VerticalSpan | undefined,
  viewportHeight: number,
): number {
  const top = Math.max(rect.top, clip?.top ?? -Infinity, 0);
  const bottom = Math.min(rect.bottom, clip?.bottom ?? Infinity, viewportHeight);
  return bottom > top ? bottom - rect.top : 0;
}
