/**
 * The whole panel. `render` draws only what `DirtyParts` names and leaves in it the streaming
 * solutions it postponed (throttled, or over this frame's time budget), so the caller asks for
 * another frame while anything is left.
 */
import type { SolveState } from "../../core/solve/state";
import {
  createCandidateCard,
  scrollToTail,
  updateCandidateMeta,
  updateCandidateSolution,
  type CandidateCard,
} from "./candidateCard";
import type { DirtyParts } from "./dirty";
import { el } from "./dom";
import { createGroupsView, updateGroups, type GroupsView } from "./groupsTable";
import { createHeader, updateHeader, type HeaderView } from "./header";
import { createNotices, updateNotices, type NoticesView } from "./notices";
import { RenderThrottle } from "./renderThrottle";
import { isStreaming, ranksByIndex } from "./text";

export interface RenderOptions {
  now: () => number;
  /** Milliseconds of solution rendering allowed in one frame; the rest waits for the next. */
  frameBudgetMs: number;
}

export class Panel {
  private readonly header: HeaderView;
  private readonly notices: NoticesView;
  private readonly groups: GroupsView;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly cards = new Map<number, CandidateCard>();
  private readonly throttle = new RenderThrottle();

  constructor(root: HTMLElement) {
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
    if (dirty.all) this.dropAllCards();
    if (dirty.header || dirty.all) updateHeader(this.header, state);
    if (dirty.notices || dirty.all) updateNotices(this.notices, state);
    if (dirty.groups || dirty.all) updateGroups(this.groups, state.groups);
    const created = this.syncCardsWithOrder(state);
    this.updateMeta(state, dirty, created);
    this.updateSolutions(state, dirty, options);
    this.empty.hidden = state.candidates.length > 0 || state.status !== "running";
    Object.assign(dirty, { all: false, header: false, notices: false, groups: false, allMeta: false });
    dirty.meta.clear();
  }

  private dropAllCards(): void {
    this.cards.clear();
    this.list.replaceChildren();
    this.throttle.reset();
  }

  /** Creates missing cards and puts all of them in `state.order`; returns the new ones' indices. */
  private syncCardsWithOrder(state: SolveState): number[] {
    const created: number[] = [];
    for (const index of state.order) {
      if (this.cards.has(index)) continue;
      this.cards.set(index, createCandidateCard(index));
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
    for (const index of created) dirty.solutions.add(index);
  }

  private updateSolutions(state: SolveState, dirty: DirtyParts, options: RenderOptions): void {
    const frameStart = options.now();
    const streamed: CandidateCard[] = [];
    for (const index of [...dirty.solutions]) {
      const candidate = state.candidates.find((c) => c.index === index);
      const card = this.cards.get(index);
      if (!candidate || !card) {
        dirty.solutions.delete(index);
        continue;
      }
      const started = options.now();
      if (started - frameStart > options.frameBudgetMs) break;
      const streaming = isStreaming(candidate, state.status);
      if (!this.throttle.isDue(index, streaming, started)) continue;
      const wasStreaming = card.renderedChunks.length > 0; // its final render should keep the tail in view
      updateCandidateSolution(card, candidate.text, { streaming });
      this.throttle.recordRender(index, started, options.now());
      dirty.solutions.delete(index);
      if (streaming || wasStreaming) streamed.push(card);
    }
    // Scrolling reads layout: done after every write of the frame, so the browser lays out once.
    for (const card of streamed) scrollToTail(card);
  }
}
