/**
 * The whole panel. `render` draws only what `DirtyParts` names and leaves in it the streaming
 * solutions it postponed (throttled), so the caller asks for another frame while anything is left
 * (`isClean(dirty)` false or `hasPendingWork()`). Solution bodies render chunk by chunk and only
 * near the viewport (view/solutionView.ts): the frame budget holds even inside one huge candidate.
 */
import type { SolveState } from "../../core/solve/state";
import {
  createCandidateCard,
  scrollToTails,
  updateCandidateMeta,
  updateCandidateSolution,
  type CandidateCard,
} from "./candidateCard";
import type { DirtyParts } from "./dirty";
import { el, setHidden } from "./dom";
import { DEFAULT_MAX_HTML_CHARS_PER_FRAME, FrameBudget } from "./frameBudget";
import { createGroupsView, updateGroups, type GroupsView } from "./groupsTable";
import { createHeader, updateHeader, type HeaderView } from "./header";
import { createNotices, updateNotices, type NoticesView } from "./notices";
import { RenderThrottle } from "./renderThrottle";
import { StepMarks } from "./stepMarks";
import type { CandidateSteps } from "../../contract/webviewMessages";
import type { RenderPass, SolutionLimits } from "./solutionView";
import { isStreaming, ranksByIndex } from "./text";
import { AlwaysVisible, type Visibility } from "./visibility";

export interface RenderOptions {
  now: () => number;
  /** Milliseconds of solution rendering allowed in one frame; the rest waits for the next. */
  frameBudgetMs: number;
  /** Characters of solution HTML one frame may insert (the browser lays them out in that frame). */
  maxHtmlCharsPerFrame?: number;
}

/** Cards that render their whole (ordinary-size) solution even off screen; later ones only when seen. */
const EAGER_CARDS = 16;

/** Layouts one frame may read to find the chunks on screen of fresh cards (see `drawAllOnScreen`). */
const FIRST_FRAME_LAYOUTS = 4;

/** Fresh cards laid out in full per step while looking for the one that reaches below the viewport. */
const CARDS_PER_LAYOUT = 2;

export interface PanelServices {
  /** Which chunks are near the viewport; everything by default. */
  visibility?: Visibility;
  /** Called when rendering work appeared outside of a message (a chunk scrolled into view). */
  requestRender?: () => void;
  limits?: SolutionLimits;
}

export class Panel {
  private readonly header: HeaderView;
  private readonly notices: NoticesView;
  private readonly groups: GroupsView;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly cards = new Map<number, CandidateCard>();
  private readonly throttle = new RenderThrottle();
  /** Cards whose body has visible chunks left to render. */
  private readonly working = new Set<number>();
  private readonly visibility: Visibility;
  private readonly stepMarks = new StepMarks();
  /** Cards laid out in full for the frame that created them (`measureFreshCards`); lazy again in the next. */
  private firstLayoutCards: CandidateCard[] = [];

  constructor(
    root: HTMLElement,
    private readonly services: PanelServices = {},
  ) {
    this.visibility = services.visibility ?? new AlwaysVisible();
    this.header = createHeader();
    this.notices = createNotices();
    this.groups = createGroupsView();
    this.list = el("section", { className: "candidates", attrs: { "aria-label": "Candidate solutions" } });
    this.empty = el("p", {
      className: "empty-state",
      text: "Candidates appear here as the model writes them.",
    });
    root.replaceChildren(this.header.root, this.notices.root, this.groups.root, this.list, this.empty);
  }

  render(state: SolveState, dirty: DirtyParts, options: RenderOptions): void {
    this.endFirstLayout();
    if (dirty.all) this.dropAllCards();
    if (dirty.header || dirty.all) updateHeader(this.header, state);
    if (dirty.notices || dirty.all) updateNotices(this.notices, state);
    if (dirty.groups || dirty.all) updateGroups(this.groups, state.groups);
    const created = this.syncCardsWithOrder(state);
    this.updateMeta(state, dirty, created);
    this.updateSolutions(state, dirty, options, created);
    setHidden(this.empty, state.candidates.length > 0 || state.status !== "running");
    Object.assign(dirty, { all: false, header: false, notices: false, groups: false, allMeta: false });
    dirty.meta.clear();
  }

  /**
   * A new solve (or a snapshot) arrived: the old candidates' steps go. Called in message order, not
   * at the next frame, so steps of the new solve that arrive before that frame are kept.
   */
  clearSteps(): void {
    this.stepMarks.clear();
  }

  /** A candidate's step checks (or a model signal for them) arrived: its strip is redrawn. */
  setSteps(steps: CandidateSteps, state: SolveState): void {
    this.stepMarks.set(steps);
    const card = this.cards.get(steps.index);
    const candidate = state.candidates.find((c) => c.index === steps.index);
    if (card && candidate) this.stepMarks.apply(card.root, steps.index, candidate.text.length);
  }

  /** Whether visible chunks still wait for rendering, or fresh cards for their lazy state (ask for a frame). */
  hasPendingWork(): boolean {
    return this.working.size > 0 || this.firstLayoutCards.length > 0;
  }

  private dropAllCards(): void {
    for (const card of this.cards.values()) card.body.dispose();
    this.cards.clear();
    this.working.clear();
    this.list.replaceChildren();
    this.throttle.reset();
  }

  /** Creates missing cards and puts all of them in `state.order`; returns the new ones' indices. */
  private syncCardsWithOrder(state: SolveState): number[] {
    const created: number[] = [];
    for (const index of state.order) {
      if (this.cards.has(index)) continue;
      this.cards.set(index, createCandidateCard(index, this.cardServices(this.cards.size < EAGER_CARDS)));
      created.push(index);
    }
    const wanted = state.order.map((index) => this.cards.get(index)!.root);
    const current = Array.from(this.list.children);
    if (wanted.length !== current.length || wanted.some((node, i) => node !== current[i])) {
      // append() moves existing nodes, so rendered solutions are kept, not re-rendered.
      this.list.append(...wanted);
    }
    return created;
  }

  private updateMeta(state: SolveState, dirty: DirtyParts, created: number[]): void {
    const ranks = ranksByIndex(state);
    const indices = dirty.allMeta ? state.order : [...dirty.meta, ...created];
    for (const index of indices) {
      const candidate = state.candidates.find((c) => c.index === index);
      const card = this.cards.get(index);
      if (!candidate || !card) continue;
      const place = {
        rank: ranks.get(index) ?? 0,
        ranked: state.rankingMethod !== null,
        status: state.status,
      };
      updateCandidateMeta(card, candidate, place);
    }
    for (const index of created) {
      dirty.solutions.add(index);
      // Step checks that arrived before their card was drawn.
      const text = state.candidates.find((c) => c.index === index)?.text ?? "";
      this.stepMarks.apply(this.cards.get(index)!.root, index, text.length);
    }
  }

  private cardServices(mayBeEager: boolean) {
    return {
      visibility: this.visibility,
      limits: this.services.limits,
      mayBeEager,
      onWork: (index: number) => {
        this.working.add(index);
        this.services.requestRender?.();
      },
    };
  }

  /**
   * Gives changed texts to their cards (cheap), then renders visible chunks one at a time until
   * the frame's budget is used; at least one chunk per frame, so rendering always progresses.
   */
  private updateSolutions(
    state: SolveState,
    dirty: DirtyParts,
    options: RenderOptions,
    created: number[],
  ): void {
    const budget = new FrameBudget(options.now, {
      budgetMs: options.frameBudgetMs,
      maxHtmlChars: options.maxHtmlCharsPerFrame ?? DEFAULT_MAX_HTML_CHARS_PER_FRAME,
    });
    const finished: CandidateCard[] = [];
    for (const index of [...dirty.solutions]) {
      const candidate = state.candidates.find((c) => c.index === index);
      const card = this.cards.get(index);
      if (!candidate || !card) {
        dirty.solutions.delete(index);
        continue;
      }
      const streaming = isStreaming(candidate, state.status);
      if (!this.throttle.isDue(index, streaming, options.now())) continue;
      if (!streaming && card.streamed) finished.push(card); // its final render keeps the tail in view too
      updateCandidateSolution(card, candidate.text, { streaming });
      dirty.solutions.delete(index);
      this.working.add(index);
    }
    const inOrder = state.order.filter((index) => this.working.has(index));
    const frameStart = options.now();
    const costs = new Map<number, number>();
    const renderPass = (pass: RenderPass, limits = budget, heads = false): number => {
      let rendered = 0;
      for (const index of inOrder) {
        const started = options.now();
        rendered += this.cards.get(index)?.body.renderSome(limits, pass, heads) ?? 0;
        costs.set(index, (costs.get(index) ?? 0) + options.now() - started);
      }
      return rendered;
    };
    const firstFrame = this.measureFreshCards(created);
    if (firstFrame) {
      this.drawAllOnScreen(renderPass, options.now);
    } else {
      // Chunks on screen first, then near it, in every card; then the off-screen rest of ordinary-size cards.
      renderPass("onScreen");
      renderPass("visible");
    }
    for (const [index, cost] of costs) this.throttle.recordRender(index, frameStart, frameStart + cost);
    if (!firstFrame) this.renderEagerChunks(inOrder, budget);
    for (const index of [...this.working]) {
      if (!this.cards.get(index)?.body.hasWork()) this.working.delete(index);
    }
    // Scrolling reads layout: done after every write of the frame, so the browser lays out once.
    scrollToTails([...this.streamingNearViewport(), ...finished]);
  }

  /**
   * The streaming cards whose box follows its end: those near the viewport, in every frame (a chunk
   * drawn there this frame, new text or not, changed the height). One far from it is left where it
   * is until it comes near: scrolling it forced the browser to lay out a card it skips
   * (`content-visibility: auto`), once per card and frame.
   */
  private streamingNearViewport(): CandidateCard[] {
    return [...this.cards.values()].filter((card) => card.streamed && card.body.isNearViewport());
  }

  /**
   * Fresh cards with text (a new solve or a panel opened on a finished one) are laid out once, with
   * their chunks as placeholders, and the chunks on screen are found from that layout: the panel's
   * observer would report them only after this frame. Until the next frame these cards do without
   * `content-visibility: auto` (class `first-layout`): the browser finds such a card on screen only
   * after one layout pass and lays its content out in a second one, in the same frame, and then
   * again for each drawn chunk. Only the cards down to the first that reaches below the viewport:
   * the rest are off screen and stay lazy. Whether anything was measured.
   */
  private measureFreshCards(created: number[]): boolean {
    const fresh = created.map((index) => this.cards.get(index)!).filter((card) => card.body.hasChunks());
    if (fresh.length === 0 || !this.visibility.measureUnreported) return false;
    this.firstLayoutCards.push(...this.layOutCardsReachingScreen(fresh));
    return this.measureFirstLayout();
  }

  /**
   * Gives `first-layout` to fresh cards in page order, a few at a time, until one reaches below the
   * viewport: the cards after it are off screen, and laying them out too made the first frame's
   * layout grow with the number of candidates. Reads the layout once per step.
   */
  private layOutCardsReachingScreen(fresh: CandidateCard[]): CandidateCard[] {
    const laidOut: CandidateCard[] = [];
    for (const card of fresh) {
      card.root.classList.add("first-layout");
      laidOut.push(card);
      const stepEnds = laidOut.length % CARDS_PER_LAYOUT === 0;
      if (stepEnds && card.root.getBoundingClientRect().bottom >= window.innerHeight) break;
    }
    return laidOut;
  }

  /**
   * Reports the chunks of the cards laid out in full from the current layout; those of lazy cards
   * wait for the observer (reading them would lay out the cards the browser skips).
   */
  private measureFirstLayout(): boolean {
    const laidOut = new Set<Element>(this.firstLayoutCards.map((card) => card.root));
    const inLaidOutCard = (element: Element) => laidOut.has(element.closest(".candidate") as Element);
    return this.visibility.measureUnreported?.(inLaidOutCard) ?? false;
  }

  /**
   * The first frame of fresh cards draws what is on screen, all of it (the viewport bounds it), and
   * nothing else; what is near or off screen comes in the next frames. A chunk whose box shows only
   * its top is drawn only that far (its head; solutionView.ts `drawHead`). A drawn chunk is seldom as
   * high as its placeholder, so each drawing is followed by another measure.
   */
  private drawAllOnScreen(
    renderPass: (pass: RenderPass, limits: FrameBudget, heads: boolean) => number,
    now: () => number,
  ): void {
    const unbounded = new FrameBudget(now, { budgetMs: Infinity, maxHtmlChars: Infinity });
    for (let layouts = 1; ; layouts++) {
      const drawn = renderPass("onScreen", unbounded, true);
      if (drawn === 0 || layouts === FIRST_FRAME_LAYOUTS) return;
      this.measureFirstLayout();
    }
  }

  /** Fresh cards of the last frame take `content-visibility: auto` again (they keep their laid-out height). */
  private endFirstLayout(): void {
    for (const card of this.firstLayoutCards) card.root.classList.remove("first-layout");
    this.firstLayoutCards = [];
  }

  /**
   * The off-screen rest, by rank: each card's first chunk, then each card's second, and so on (a
   * card's box shows the start of its solution), so the tops of the cards come before the ends of
   * the solutions. Never in a fresh card's first frame, which draws only what is on screen.
   */
  private renderEagerChunks(inOrder: number[], budget: FrameBudget): void {
    let cards = inOrder.map((index) => this.cards.get(index)!.body);
    while (cards.length > 0) cards = cards.filter((body) => body.renderNext(budget, "eager"));
  }
}
