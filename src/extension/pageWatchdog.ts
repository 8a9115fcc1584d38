/**
 * Gives a webview its page again when the page does not say "ready" in time after it was shown.
 *
 * Why: code-server serves every webview from one origin, so all webviews of a window share one service
 * worker registration, and each webview registers it under its own script URL (`…service-worker.js?…&id=`).
 * When two webviews load at once (a window reload restores the solve panel and the side panel together),
 * the second registration replaces the worker while the first page is loading; that page's script and
 * stylesheets then go to the network instead of the worker (`ERR_NAME_NOT_RESOLVED` on
 * `*.vscode-resource.vscode-cdn.net`), so it stays blank and never says "ready". The same html set again
 * loads through the settled worker. A page that is only slow is given more time on each try.
 *
 * No vscode import: the caller says how to reload and whether the webview is visible, and may pass a
 * scheduler (tests).
 */
import { realScheduler, type Scheduler } from "./scheduler";

export interface PageWatchdogOptions {
  /** Sets the webview's html again (a fresh nonce makes it a new page); the watchdog re-arms itself. */
  reload: () => void;
  isVisible: () => boolean;
  /** Called when the page is still not ready after the last reload, to say so in the log. */
  gaveUp?: () => void;
  /** The wait before the first reload; each later wait doubles it. */
  firstWaitMs?: number;
  maxReloads?: number;
  scheduler?: Scheduler;
}

/**
 * Long enough that a page which is only slow (a busy 2-core machine loading two webviews after a reload)
 * says "ready" before it: setting the html of a page that is still loading replaces it, and in
 * code-server the replacement can come up without the state the first one restored (seen as a blank
 * or never-answered panel in the reload tests at 6 s). A page hit by the worker race stays blank for
 * good, so waiting longer only delays its recovery.
 */
const FIRST_WAIT_MS = 20_000;
const MAX_RELOADS = 3;

export class PageWatchdog {
  private timer: unknown = null;
  private reloads = 0;
  private wasVisible = false;
  private readonly scheduler: Scheduler;

  constructor(private readonly options: PageWatchdogOptions) {
    this.scheduler = options.scheduler ?? realScheduler;
  }

  /** The html was set: the page is loading (if the webview is visible; a hidden one loads when shown). */
  loading(): void {
    this.disarm();
    this.wasVisible = this.options.isVisible();
    if (this.wasVisible) this.arm();
  }

  /** The page said "ready": it loaded. */
  ready(): void {
    this.disarm();
    this.reloads = 0;
  }

  /**
   * The webview's view state changed. Shown again after being hidden, it loads its page afresh (its
   * context is not retained while hidden); hidden, it loads nothing. Other changes (focus, moving to
   * another group) do not reload the page, so they change nothing here.
   */
  viewStateChanged(): void {
    const visible = this.options.isVisible();
    if (visible === this.wasVisible) return;
    this.wasVisible = visible;
    this.disarm();
    if (visible) this.arm();
  }

  dispose(): void {
    this.disarm();
  }

  private arm(): void {
    const maxReloads = this.options.maxReloads ?? MAX_RELOADS;
    const wait = (this.options.firstWaitMs ?? FIRST_WAIT_MS) * 2 ** this.reloads;
    this.timer = this.scheduler.set(() => {
      this.timer = null;
      if (!this.options.isVisible()) return;
      if (this.reloads >= maxReloads) {
        this.options.gaveUp?.();
        return;
      }
      this.reloads++;
      this.options.reload();
      this.arm();
    }, wait);
  }

  private disarm(): void {
    if (this.timer !== null) this.scheduler.clear(this.timer);
    this.timer = null;
  }
}

/**
 * A page's watchdog that says in the log what it does: `page` names the page ("The side panel's page"),
 * `retry` what the user can do once it has given up.
 */
export function loggedPageWatchdog(options: {
  page: string;
  retry: string;
  setHtml: () => void;
  isVisible: () => boolean;
  warn: (message: string) => void;
}): PageWatchdog {
  const { page, retry, setHtml, isVisible, warn } = options;
  return new PageWatchdog({
    reload: () => {
      warn(`${page} did not load in time: giving it its page again.`);
      setHtml();
    },
    isVisible,
    gaveUp: () => warn(`${page} still did not load; ${retry}.`),
  });
}
